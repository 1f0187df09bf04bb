package org.lawtrace.portal;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.lawtrace.staff.Role;
import org.lawtrace.staff.StaffDirectory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Puts who is signed in ({@code me}: name and roles) into every page the layout renders, error pages included,
 * so each page controller need not look it up; API responses carry no view and are left alone.
 */
@Component
class SignedInPerson implements HandlerInterceptor {

	private final StaffDirectory staff;

	SignedInPerson(StaffDirectory staff) {
		this.staff = staff;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView page) {
		if (page == null || !page.isReference() || page.getViewName().startsWith("redirect:")
				|| request.getUserPrincipal() == null) {
			return;
		}
		staff.byUsername(request.getUserPrincipal().getName())
			.ifPresent(m -> page.addObject("me", new Me(m.username(), m.name(),
					m.roles().stream().sorted().toList())));
	}

	record Me(String username, String name, List<Role> roles) {
	}
}
