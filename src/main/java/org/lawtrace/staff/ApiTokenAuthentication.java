package org.lawtrace.staff;

import java.util.Collection;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.authentication.AuthenticationConverter;

import jakarta.servlet.http.HttpServletRequest;

/** Bearer-token authentication for API clients: reads {@code Authorization: Bearer lt_…} and checks the token. */
class ApiTokenAuthentication implements AuthenticationConverter, AuthenticationProvider {

	private final ApiTokens tokens;
	private final StaffMembers members;
	private final StaffAccounts accounts;
	private final AccountStatusUserDetailsChecker statusChecker = new AccountStatusUserDetailsChecker();

	ApiTokenAuthentication(ApiTokens tokens, StaffMembers members, StaffAccounts accounts) {
		this.tokens = tokens;
		this.members = members;
		this.accounts = accounts;
	}

	@Override
	public @Nullable Authentication convert(HttpServletRequest request) {
		var header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return null;
		}
		return new Presented(header.substring(7).strip());
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		var secret = ((Presented) authentication).secret;
		var owner = tokens.authenticate(secret)
			.flatMap(members::byId)
			.orElseThrow(() -> new BadCredentialsException("unknown, expired or revoked API token"));
		var user = accounts.forToken(owner.username());
		statusChecker.check(user);
		return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return Presented.class.isAssignableFrom(authentication);
	}

	/** A token as presented, before it is checked. */
	static final class Presented extends AbstractAuthenticationToken {

		private final String secret;

		Presented(String secret) {
			super((Collection<? extends GrantedAuthority>) java.util.List.<GrantedAuthority>of());
			this.secret = secret;
		}

		@Override
		public Object getCredentials() {
			return secret;
		}

		@Override
		public Object getPrincipal() {
			return "api-token";
		}
	}
}
