package org.lawtrace.shared.web;

import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ServletInvocableHandlerMethod;

/**
 * Holds what every controller method is handed, once Spring MVC has converted it, to the {@link InputRules}: the
 * times of query parameters ({@code ?at=}) and of the pages' form records ({@code StageForm.startedAt}), which the
 * raw parameters' check ({@link CheckedParameters}) cannot see as times. A form record's fields are named as the
 * form names them; a parameter by its name. Request bodies are checked as they are read ({@link CheckedBodies}).
 */
@Configuration(proxyBeanMethods = false)
class CheckedArguments implements WebMvcRegistrations {

	@Override
	public RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
		return new RequestMappingHandlerAdapter() {

			@Override
			protected ServletInvocableHandlerMethod createInvocableHandlerMethod(HandlerMethod handlerMethod) {
				return new Checked(handlerMethod);
			}
		};
	}

	private static final class Checked extends ServletInvocableHandlerMethod {

		Checked(HandlerMethod handlerMethod) {
			super(handlerMethod);
		}

		@Override
		protected @Nullable Object doInvoke(@Nullable Object... args) throws Exception {
			var parameters = getMethodParameters();
			for (var i = 0; i < args.length && i < parameters.length; i++) {
				check(parameters[i], args[i]);
			}
			return super.doInvoke(args);
		}

		private static void check(MethodParameter parameter, @Nullable Object value) {
			if (value == null || parameter.hasParameterAnnotation(RequestBody.class)
					|| parameter.hasParameterAnnotation(RequestHeader.class)
					|| parameter.hasParameterAnnotation(CookieValue.class) || !carriesInput(value)) {
				return;
			}
			var param = parameter.getParameterAnnotation(RequestParam.class);
			var path = parameter.getParameterAnnotation(PathVariable.class);
			String name;
			if (param != null && !param.name().isEmpty()) {
				name = param.name();
			}
			else if (path != null && !path.name().isEmpty()) {
				name = path.name();
			}
			else if (value instanceof Record && param == null && path == null) {
				// a page's form, bound field by field: its fields are the form's
				name = "";
			}
			else {
				name = String.valueOf(parameter.getParameterName());
			}
			InputRules.check(name, value);
		}

		/** Only what a client typed: text, times, forms and lists of them, not the model, request or principal. */
		private static boolean carriesInput(Object value) {
			return value instanceof CharSequence || value instanceof Temporal || value instanceof Record
					|| value instanceof Collection<?> || value instanceof Object[] || value instanceof Optional<?>;
		}
	}
}
