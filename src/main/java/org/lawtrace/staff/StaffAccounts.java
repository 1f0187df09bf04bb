package org.lawtrace.staff;

import org.lawtrace.shared.BureauTime;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads a staff member's account for Spring Security: roles become authorities, lock-out and disabling apply. */
@Component
class StaffAccounts implements UserDetailsService {

	private final StaffMembers members;
	private final BureauTime time;

	StaffAccounts(StaffMembers members, BureauTime time) {
		this.members = members;
		this.time = time;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		var account = members.account(username).orElseThrow(() -> new UsernameNotFoundException(username));
		var member = members.byUsername(username).orElseThrow(() -> new UsernameNotFoundException(username));
		return User.withUsername(username)
			// an account without a password (a station's owner, say) can only use API tokens
			.password(account.passwordHash() == null ? "{noop}" + java.util.UUID.randomUUID()
					: account.passwordHash())
			.authorities(member.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList())
			.disabled(!account.enabled())
			.accountLocked(account.lockedAt(time.now()))
			.build();
	}
}
