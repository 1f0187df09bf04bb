package org.lawtrace.portal.web;

import java.util.Set;

import org.lawtrace.shared.DomainException;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.shared.web.FormError;
import org.lawtrace.staff.PasswordPolicy;
import org.lawtrace.staff.Permissions;
import org.lawtrace.staff.StaffAdministration;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * 修改密码: where everyone changes their own password, and where an account created or reset by the administrator
 * is led after signing in, reaching nothing else until it is done (GB/T 22239-2019). After the change the person
 * signs in again with the new password.
 */
@Controller
class PasswordController {

	static final String VIEW = "password";
	private static final Set<String> FIELDS = Set.of("currentPassword", "password", "confirmation");

	private final StaffAdministration administration;
	private final PasswordPolicy policy;

	PasswordController(StaffAdministration administration, PasswordPolicy policy) {
		this.administration = administration;
		this.policy = policy;
	}

	@GetMapping("/account/password")
	@Permissions.SignedIn
	String form(Model model) {
		model.addAttribute("policy", policy);
		return VIEW;
	}

	@PostMapping("/account/password")
	@Permissions.SignedIn
	String change(@RequestParam String currentPassword, @RequestParam String password,
			@RequestParam String confirmation, Authentication caller, HttpServletRequest request, Model model)
			throws ServletException {
		try {
			if (!password.equals(confirmation)) {
				throw new InvalidInput("confirmation", "两次输入的新密码不一致 (the two new passwords differ)");
			}
			administration.changeOwnPassword(caller.getName(), currentPassword, password);
		}
		catch (DomainException e) {
			model.addAttribute("policy", policy);
			model.addAttribute("error", FormError.of(e, FIELDS));
			return VIEW;
		}
		request.logout();
		return "redirect:/login?changed";
	}
}
