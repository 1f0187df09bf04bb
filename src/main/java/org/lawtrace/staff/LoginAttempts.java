package org.lawtrace.staff;

import java.time.Duration;

import org.lawtrace.shared.BureauTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Logs logins, logouts and failures, and locks an account after repeated failed logins so passwords cannot be
 * guessed; a successful login clears the count.
 */
@Component
class LoginAttempts {

	private static final Logger log = LoggerFactory.getLogger("lawtrace.security");

	private final StaffMembers members;
	private final BureauTime time;
	private final int maxFailures;
	private final Duration lockout;

	LoginAttempts(StaffMembers members, BureauTime time,
			@Value("${lawtrace.security.max-failed-logins:5}") int maxFailures,
			@Value("${lawtrace.security.lockout:PT15M}") Duration lockout) {
		this.members = members;
		this.time = time;
		this.maxFailures = maxFailures;
		this.lockout = lockout;
	}

	@EventListener
	@Transactional
	void on(AuthenticationFailureBadCredentialsEvent event) {
		var username = event.getAuthentication().getName();
		var failures = members.countFailedLogin(username);
		if (failures >= maxFailures) {
			members.lockUntil(username, time.now().plus(lockout));
			log.warn("Account {} locked for {} after {} failed logins", username, lockout, failures);
		}
	}

	@EventListener
	void onFailure(AbstractAuthenticationFailureEvent event) {
		log.warn("Login failed for {}: {}", event.getAuthentication().getName(),
				event.getException().getClass().getSimpleName());
	}

	@EventListener
	@Transactional
	void on(AuthenticationSuccessEvent event) {
		members.clearFailedLogins(event.getAuthentication().getName());
	}

	@EventListener
	void on(InteractiveAuthenticationSuccessEvent event) {
		log.info("Login of {}", event.getAuthentication().getName());
	}

	@EventListener
	void on(LogoutSuccessEvent event) {
		log.info("Logout of {}", event.getAuthentication().getName());
	}
}
