package org.lawtrace.shared.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Holds every query and form parameter (the pages' form posts) to the {@link InputRules} before any controller
 * sees it, so a page's field cannot take what the API's would refuse. A refusal reaches the controller's advice:
 * problem+json naming the parameter for the API, the error page for a page.
 */
@Configuration(proxyBeanMethods = false)
class CheckedParameters implements WebMvcConfigurer, HandlerInterceptor {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (request.getDispatcherType() != DispatcherType.REQUEST) {
			// the error page's dispatch carries the refused parameters too: let it show why
			return true;
		}
		// only query strings and url-encoded forms: the container's multipart parsing is off, so bodies stay unread
		request.getParameterMap().forEach((name, values) -> {
			InputRules.text(name, name);
			for (var value : values) {
				InputRules.text(name, value);
			}
		});
		return true;
	}
}
