package org.lawtrace.staff;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.shared.Unprocessable;

/** GB/T 22239-2019 level 3 (身份鉴别): passwords of a complexity the assessment expects, checked before they are kept. */
class PasswordPolicyUnitTests {

	private final PasswordPolicy policy = new PasswordPolicy(8, 3);

	@Test
	@DisplayName("GB/T 22239: a one-letter password is refused with 422 naming password")
	void refusesShortPassword() {
		assertThatThrownBy(() -> policy.check("new.one", "a"))
			.isInstanceOfSatisfying(Unprocessable.class, e -> {
				org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo("password");
				org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(422);
			});
	}

	@Test
	@DisplayName("GB/T 22239: long enough but of only two character classes is refused")
	void refusesTooFewClasses() {
		assertThatThrownBy(() -> policy.check("new.one", "secret-pw")).isInstanceOf(Unprocessable.class)
			.hasMessageContaining("3");
		assertThatThrownBy(() -> policy.check("new.one", "abcdefgh1")).isInstanceOf(Unprocessable.class);
	}

	@Test
	@DisplayName("GB/T 22239: a password containing the username, in any case, is refused")
	void refusesUsernameInside() {
		assertThatThrownBy(() -> policy.check("zhang.wei", "X1-ZHANG.WEI")).isInstanceOf(Unprocessable.class)
			.hasMessageContaining("用户名");
	}

	@Test
	void acceptsThreeClassesOfEightCharacters() {
		assertThatCode(() -> policy.check("zhang.wei", "Spring-2026")).doesNotThrowAnyException();
		assertThatCode(() -> policy.check("zhang.wei", "abc12345!")).doesNotThrowAnyException();
		assertThatCode(() -> policy.check("zhang.wei", "ABCD1234x")).doesNotThrowAnyException();
	}

	@Test
	void followsItsSettings() {
		var strict = new PasswordPolicy(12, 4);
		assertThatCode(() -> strict.check("u", "Abcdef-12345")).doesNotThrowAnyException();
		assertThatThrownBy(() -> strict.check("u", "Abcdef123456")).isInstanceOf(Unprocessable.class);
		assertThatThrownBy(() -> strict.check("u", "Ab-1")).isInstanceOf(Unprocessable.class);
	}
}
