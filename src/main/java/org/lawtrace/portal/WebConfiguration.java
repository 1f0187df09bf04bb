package org.lawtrace.portal;

import java.time.Duration;
import java.util.Locale;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * The pages speak Simplified Chinese unless the user picks English ({@code ?lang=en}); the choice is kept in a
 * cookie, not taken from the browser, because the bureau's working language is Chinese whatever the machine says.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private final SignedInPerson signedInPerson;

	WebConfiguration(SignedInPerson signedInPerson) {
		this.signedInPerson = signedInPerson;
	}

	@Bean
	LocaleResolver localeResolver() {
		var resolver = new CookieLocaleResolver("lawtrace-lang");
		resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		return resolver;
	}

	/**
	 * Issue 15 (pages under 300 ms): the webjars' version-free paths turn Spring Boot's resource chain on, and with it
	 * {@link ResourceUrlEncodingFilter}, which asks for every link a page builds (a hundred case links on a queue)
	 * whether a static resource lies at that path: a search of the class path through every jar, not remembered when
	 * nothing is found (two thirds of the late-upload queue's time). The filter only rewrites links into versioned
	 * resource URLs, which LawTrace does not use; the version-free paths are still resolved when they are requested.
	 * Made here (Boot's is made only when there is none) so that it can be left unregistered.
	 */
	@Bean
	ResourceUrlEncodingFilter resourceUrlEncodingFilter() {
		return new ResourceUrlEncodingFilter();
	}

	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilterOff(ResourceUrlEncodingFilter filter) {
		var registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		var languageSwitch = new LocaleChangeInterceptor();
		languageSwitch.setParamName("lang");
		languageSwitch.setIgnoreInvalidLocale(true);
		registry.addInterceptor(languageSwitch);
		registry.addInterceptor(signedInPerson);
	}
}
