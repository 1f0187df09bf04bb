package org.lawtrace.staff;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.lawtrace.shared.BureauTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Slows password guessing without letting anyone lock someone else out (GB/T 22239-2019 身份鉴别: 登录失败处理).
 * Failures are counted per account <em>and</em> client address: after {@code lawtrace.security.max-failed-logins}
 * failures in a row from one address, that address is refused for that account for one minute, then two, four … up
 * to {@code lawtrace.security.lockout}, while the owner signs in from anywhere else as usual. A success from the
 * address, or an unlock by the administrator or the director, clears the count.
 */
@Component
class LoginAttempts {

	private static final Logger log = LoggerFactory.getLogger("lawtrace.security");
	static final Duration FIRST_REFUSAL = Duration.ofMinutes(1);
	/** A tally left alone this long starts over, so old failures do not add up across days. */
	static final Duration FORGET_AFTER = Duration.ofDays(1);
	static final String UNKNOWN_ADDRESS = "unknown";
	private static final int MAX_USERNAME = 60;

	private final LoginFailures failures;
	private final BureauTime time;
	private final ApplicationEventPublisher events;
	private final int maxFailures;
	private final Duration lockout;

	LoginAttempts(LoginFailures failures, BureauTime time, ApplicationEventPublisher events,
			@Value("${lawtrace.security.max-failed-logins:5}") int maxFailures,
			@Value("${lawtrace.security.lockout:PT15M}") Duration lockout) {
		this.failures = failures;
		this.time = time;
		this.events = events;
		this.maxFailures = Math.max(1, maxFailures);
		this.lockout = lockout;
	}

	/** Until when sign-ins to this account from this address are refused, if they are now. */
	Optional<Instant> refusedUntil(String username, String address) {
		var now = time.now();
		return failures.of(username, address)
			.map(LoginFailures.Tally::refusedUntil)
			.filter(until -> until != null && now.isBefore(until));
	}

	/** Counts a wrong password from the address, and refuses the address for a while once there are too many. */
	@Transactional
	void failed(String username, String address) {
		var now = time.now();
		var tally = failures.of(username, address)
			.filter(t -> t.lastFailedAt().plus(FORGET_AFTER).isAfter(now))
			.orElse(new LoginFailures.Tally(0, 0, null, now));
		var count = tally.failures() + 1;
		if (count < maxFailures) {
			failures.put(username, address, new LoginFailures.Tally(count, tally.refusals(), tally.refusedUntil(), now));
			return;
		}
		var refusals = tally.refusals() + 1;
		var until = now.plus(refusal(refusals));
		failures.put(username, address, new LoginFailures.Tally(0, refusals, until, now));
		log.warn("Sign-ins to {} from {} refused until {} after {} failed logins", username, address, until, count);
		events.publishEvent(new AccountLocked(username, address, until, count));
	}

	@Transactional
	void succeeded(String username, String address) {
		failures.clear(username, address);
	}

	/** How long the n-th refusal in a row lasts: one minute, doubling each time, never longer than the lockout. */
	Duration refusal(int n) {
		var minutes = FIRST_REFUSAL.multipliedBy(1L << Math.min(Math.max(n - 1, 0), 30));
		return minutes.compareTo(lockout) > 0 ? lockout : minutes;
	}

	/**
	 * Wrong passwords of existing accounts count; names nobody holds have nothing to protect and would only fill the
	 * table.
	 */
	@EventListener
	void on(AuthenticationFailureBadCredentialsEvent event) {
		var username = event.getAuthentication().getName();
		if (username.length() <= MAX_USERNAME && failures.accountExists(username)) {
			failed(username, addressOf(event.getAuthentication()));
		}
	}

	@EventListener
	void onFailure(AbstractAuthenticationFailureEvent event) {
		log.warn("Login failed for {}: {}", event.getAuthentication().getName(),
				event.getException().getClass().getSimpleName());
	}

	@EventListener
	void on(AuthenticationSuccessEvent event) {
		var who = event.getAuthentication();
		// bearer tokens carry no password, so they neither count nor clear failures
		if (who.getCredentials() != null || who.getDetails() instanceof WebAuthenticationDetails) {
			succeeded(who.getName(), addressOf(who));
		}
	}

	@EventListener
	void on(InteractiveAuthenticationSuccessEvent event) {
		log.info("Login of {}", event.getAuthentication().getName());
	}

	@EventListener
	void on(LogoutSuccessEvent event) {
		log.info("Logout of {}", event.getAuthentication().getName());
	}

	/** The client address of the sign-in: its details, else the request being served. */
	static String addressOf(Authentication authentication) {
		if (authentication.getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null) {
			return details.getRemoteAddress();
		}
		return currentAddress();
	}

	/** The address of the client whose request this thread serves, or {@code unknown} outside a request. */
	static String currentAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			var address = attributes.getRequest().getRemoteAddr();
			if (address != null) {
				return address.length() > 64 ? address.substring(0, 64) : address;
			}
		}
		return UNKNOWN_ADDRESS;
	}
}
