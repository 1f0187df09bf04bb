package org.lawtrace.portal.web;

import org.lawtrace.staff.Permissions;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security itself checks the form it posts to {@code /login}. */
@Controller
class LoginController {

	static final String VIEW = "login";

	@GetMapping("/login")
	@Permissions.Anyone
	String login() {
		return VIEW;
	}
}
