package org.lawtrace.staff;

import java.util.Locale;

import org.lawtrace.shared.Unprocessable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What a password must be, of the kind GB/T 22239-2019 level-3 assessments expect (身份鉴别: 口令复杂度): at least
 * {@code lawtrace.security.password.min-length} characters, of at least {@code ...min-classes} of the four classes
 * upper case, lower case, digit and symbol, and not containing the username in any case. Applied when an account is
 * created, when its password is reset and when its owner changes it.
 */
@Component
public class PasswordPolicy {

	private final int minLength;
	private final int minClasses;

	PasswordPolicy(@Value("${lawtrace.security.password.min-length:8}") int minLength,
			@Value("${lawtrace.security.password.min-classes:3}") int minClasses) {
		this.minLength = minLength;
		this.minClasses = Math.max(1, Math.min(4, minClasses));
	}

	/** Throws a 422 naming {@code password} with the first rule the password breaks. */
	public void check(String username, String password) {
		if (password.codePointCount(0, password.length()) < minLength) {
			throw refused("密码至少 " + minLength + " 个字符 (the password needs at least " + minLength
					+ " characters)");
		}
		if (classes(password) < minClasses) {
			throw refused("密码须包含大写字母、小写字母、数字、符号中至少 " + minClasses + " 类 (the password needs at least "
					+ minClasses + " of upper case, lower case, digits and symbols)");
		}
		if (!username.isBlank()
				&& password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
			throw refused("密码不得包含用户名 (the password must not contain the username)");
		}
	}

	public int minLength() {
		return minLength;
	}

	public int minClasses() {
		return minClasses;
	}

	private static int classes(String password) {
		boolean upper = false, lower = false, digit = false, symbol = false;
		for (var i = 0; i < password.length();) {
			var c = password.codePointAt(i);
			i += Character.charCount(c);
			if (Character.isUpperCase(c)) {
				upper = true;
			}
			else if (Character.isLowerCase(c)) {
				lower = true;
			}
			else if (Character.isDigit(c)) {
				digit = true;
			}
			else if (!Character.isWhitespace(c) || c == ' ') {
				symbol = true;
			}
		}
		return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
	}

	private static Unprocessable refused(String message) {
		return new Unprocessable("password", message);
	}
}
