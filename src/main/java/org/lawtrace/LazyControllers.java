package org.lawtrace;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.Lifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.annotation.Schedules;
import org.springframework.stereotype.Controller;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Start-up (issue 16): LawTrace's own controllers are made when their first request comes, not at start. Spring MVC
 * maps a controller's routes from its type alone and asks for the bean per request, so nothing about routing,
 * security (each controller is still made through the method-security proxy, whenever it is made) or answers changes;
 * the start no longer builds some sixty controllers and their method-security proxies before it is ready. A
 * controller that does work of its own beside answering requests (a timer, an event listener, a lifecycle) stays
 * eager, and so does every other bean: services, checks at start and jobs are made and run as before. Lazy
 * initialisation for everything ({@code spring.main.lazy-initialization}) is not used: it would let a broken setting
 * or a failing start-up check surface only at the first request that needs it, and leave timers of beans nobody
 * asked for unscheduled.
 */
final class LazyControllers implements BeanFactoryPostProcessor {

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		if (AotDetector.useGeneratedArtifacts()) {
			// the bean definitions Spring AOT generated from this very pass already say lazy (ADR 0031)
			return;
		}
		for (var name : beanFactory.getBeanDefinitionNames()) {
			var definition = beanFactory.getBeanDefinition(name);
			var className = definition.getBeanClassName();
			if (className == null || !className.startsWith("org.lawtrace.") || definition.getFactoryMethodName() != null
					|| !definition.isSingleton()) {
				continue;
			}
			var type = ClassUtils.resolveClassName(className, beanFactory.getBeanClassLoader());
			if (onlyAnswersRequests(type)) {
				definition.setLazyInit(true);
			}
		}
	}

	static boolean onlyAnswersRequests(Class<?> type) {
		if (!AnnotatedElementUtils.hasAnnotation(type, Controller.class)) {
			return false;
		}
		for (var callback : new Class<?>[] { Lifecycle.class, ApplicationListener.class, InitializingBean.class,
				DisposableBean.class, SmartInitializingSingleton.class }) {
			if (callback.isAssignableFrom(type)) {
				return false;
			}
		}
		var ownWork = new AtomicBoolean();
		ReflectionUtils.doWithMethods(type, method -> {
			if (AnnotatedElementUtils.hasAnnotation(method, Scheduled.class)
					|| AnnotatedElementUtils.hasAnnotation(method, Schedules.class)
					|| AnnotatedElementUtils.hasAnnotation(method, EventListener.class)
					|| AnnotatedElementUtils.hasAnnotation(method, jakarta.annotation.PostConstruct.class)
					|| AnnotatedElementUtils.hasAnnotation(method, jakarta.annotation.PreDestroy.class)) {
				ownWork.set(true);
			}
		});
		return !ownWork.get();
	}
}
