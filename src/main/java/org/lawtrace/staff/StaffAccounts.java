package org.lawtrace.staff;

import java.util.List;
import java.util.UUID;

import org.lawtrace.shared.BureauTime;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Loads a staff member's account for Spring Security: roles become authorities, disabling and lock-out apply. A
 * password sign-in is refused while its client address is refused for the account ({@link LoginAttempts}); an
 * account whose password must be changed gets no role at all, only {@link #PASSWORD_CHANGE_REQUIRED}.
 */
@Component
class StaffAccounts implements UserDetailsService {

	/** The one authority of an account that must change its password before anything else. */
	static final String PASSWORD_CHANGE_REQUIRED = "PASSWORD_CHANGE_REQUIRED";

	private final StaffMembers members;
	private final LoginAttempts attempts;
	private final BureauTime time;

	StaffAccounts(StaffMembers members, LoginAttempts attempts, BureauTime time) {
		this.members = members;
		this.attempts = attempts;
		this.time = time;
	}

	/** For a password sign-in from the client whose request is being served. */
	@Override
	public UserDetails loadUserByUsername(String username) {
		return load(username, attempts.refusedUntil(username, LoginAttempts.currentAddress()).isPresent());
	}

	/** For a bearer token: no password was tried, so failed passwords from the address do not apply. */
	UserDetails forToken(String username) {
		return load(username, false);
	}

	private UserDetails load(String username, boolean addressRefused) {
		var account = members.account(username).orElseThrow(() -> new UsernameNotFoundException(username));
		var member = members.byUsername(username).orElseThrow(() -> new UsernameNotFoundException(username));
		List<GrantedAuthority> authorities = account.passwordChangeRequired()
				? List.of(new SimpleGrantedAuthority(PASSWORD_CHANGE_REQUIRED))
				: member.roles().stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority()))
					.toList();
		return User.withUsername(username)
			// an account without a password (a station's owner, say) can only use API tokens
			.password(account.passwordHash() == null ? "{noop}" + UUID.randomUUID() : account.passwordHash())
			.authorities(authorities)
			.disabled(!account.enabled())
			.accountLocked(addressRefused || account.lockedAt(time.now()))
			.build();
	}
}
