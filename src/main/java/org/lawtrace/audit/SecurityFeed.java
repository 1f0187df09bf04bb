package org.lawtrace.audit;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes sign-ins, sign-outs, failed sign-ins and denied attempts into the audit log. Successful HTTP Basic and
 * token authentications are not logged one by one: they come with every API call, and what the call did is logged
 * by the module that did it.
 */
@Configuration(proxyBeanMethods = false)
class SecurityFeed {

	static final String STAFF = "STAFF";
	static final String REQUEST = "REQUEST";

	private final AuditLog log;

	SecurityFeed(AuditLog log) {
		this.log = log;
	}

	/** Spring Security publishes denied authorizations (of routes and of methods) only when such a bean exists. */
	@Bean
	static AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher events) {
		return new SpringAuthorizationEventPublisher(events);
	}

	@EventListener
	void on(InteractiveAuthenticationSuccessEvent e) {
		var name = e.getAuthentication().getName();
		log.append(name, "LOGIN", STAFF, name, "SUCCESS", "form login");
	}

	@EventListener
	void on(AbstractAuthenticationFailureEvent e) {
		var name = e.getAuthentication().getName();
		log.append(name, "LOGIN", STAFF, name, "DENIED", e.getException().getClass().getSimpleName());
	}

	@EventListener
	void on(LogoutSuccessEvent e) {
		var name = e.getAuthentication().getName();
		log.append(name, "LOGOUT", STAFF, name, "SUCCESS", "");
	}

	/**
	 * A signed-in person was refused something their roles do not allow. Anonymous refusals are left out: they are
	 * the sign-in page's redirects, and a failed sign-in is logged as such.
	 */
	@EventListener
	void on(AuthorizationDeniedEvent<?> e) {
		var who = e.getAuthentication().get();
		if (who == null || who instanceof AnonymousAuthenticationToken || !who.isAuthenticated()) {
			return;
		}
		var request = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? attributes.getRequest().getMethod() + " " + attributes.getRequest().getRequestURI()
				: String.valueOf(e.getSource());
		log.append(who.getName(), "ACCESS", REQUEST, request, "DENIED", "roles do not allow this");
	}
}
