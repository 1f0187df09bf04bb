package org.lawtrace.staff.web;

import org.lawtrace.staff.Permission;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The vocabulary of who may do what, for pages: a template shows a link or a part only to those the route behind it
 * lets in, asking {@code th:if="${@permissions.granted('READ_CASES')}"} instead of spelling the roles again. It hides
 * nothing the route does not refuse anyway; the route's {@code @Permissions} annotation decides.
 */
@Component("permissions")
public class PagePermissions {

	/** Whether the signed-in caller of the page being rendered holds a role granting this {@link Permission}. */
	public boolean granted(String permission) {
		var wanted = Permission.valueOf(permission); // a misspelt name fails the page, never hides a link silently
		var caller = SecurityContextHolder.getContext().getAuthentication();
		return caller != null && caller.isAuthenticated() && wanted.grantedTo(caller);
	}
}
