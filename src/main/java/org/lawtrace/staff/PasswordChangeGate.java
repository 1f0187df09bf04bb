package org.lawtrace.staff;

import java.io.IOException;
import java.util.List;

import org.lawtrace.shared.web.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An account whose password was set by someone else (created or reset by the administrator) reaches nothing until
 * its owner has changed it (GB/T 22239-2019): the API answers 403 problem+json naming {@code password} to every call
 * but {@code POST /api/v1/staff/me/password}; pages lead to the change-password page.
 */
class PasswordChangeGate extends OncePerRequestFilter {

	static final String API_CHANGE = "/api/v1/staff/me/password";
	static final String PAGE_CHANGE = "/account/password";
	private static final List<String> OPEN_PAGES = List.of(PAGE_CHANGE, "/logout", "/login", "/error", "/favicon.ico");
	private static final List<String> OPEN_PREFIXES = List.of("/webjars/", "/css/", "/js/");

	private final boolean api;

	PasswordChangeGate(boolean api) {
		this.api = api;
	}

	static boolean mustChange(Authentication authentication) {
		return authentication.getAuthorities().stream()
			.anyMatch(a -> StaffAccounts.PASSWORD_CHANGE_REQUIRED.equals(a.getAuthority()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !mustChange(authentication) || open(request)) {
			chain.doFilter(request, response);
			return;
		}
		if (api) {
			ProblemResponses.write(response, HttpStatus.FORBIDDEN, "须先修改密码 (the password must be changed first: "
					+ "POST " + API_CHANGE + ")", "password");
		}
		else {
			response.sendRedirect(request.getContextPath() + PAGE_CHANGE);
		}
	}

	private boolean open(HttpServletRequest request) {
		var path = request.getRequestURI().substring(request.getContextPath().length());
		if (api) {
			return "POST".equals(request.getMethod()) && API_CHANGE.equals(path);
		}
		return OPEN_PAGES.contains(path) || OPEN_PREFIXES.stream().anyMatch(path::startsWith);
	}
}
