package org.lawtrace.portal.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security itself checks the form it posts to {@code /login}. */
@Controller
class LoginController {

	static final String VIEW = "login";

	@GetMapping("/login")
	@PreAuthorize("permitAll()")
	String login() {
		return VIEW;
	}
}
