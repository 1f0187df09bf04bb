package org.lawtrace.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.UnitId;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.security.access.expression.SecurityExpressionRoot;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The one vocabulary of who may do what (ADR 0012): each annotation in {@link Permissions} lets in exactly the roles
 * of the {@link Permission} of the same name, so a route's rule and the Java question a page asks cannot drift apart.
 * The rules are evaluated as Spring Security evaluates them, for every role alone.
 */
class PermissionsUnitTests {

	/** Annotations that grant no roles but a state: signed in at all, or anyone. */
	private static final Set<String> STATES = Set.of("SignedIn", "Anyone");

	static Stream<Class<?>> annotations() {
		return Arrays.stream(Permissions.class.getDeclaredClasses()).filter(Class::isAnnotation)
			.filter(a -> !STATES.contains(a.getSimpleName()));
	}

	@ParameterizedTest(name = "@Permissions.{0}")
	@MethodSource("annotations")
	@DisplayName("each annotation names a permission and lets in exactly its roles, each role tried alone")
	void annotationGrantsItsPermissionsRoles(Class<?> annotation) {
		var permission = Permission.valueOf(constantName(annotation.getSimpleName()));
		var rule = annotation.getAnnotation(PreAuthorize.class).value();

		assertThat(rule).isEqualTo(permission.expression());
		for (var role : Role.values()) {
			assertThat(evaluate(rule, signedIn(role))).as("%s for %s", rule, role)
				.isEqualTo(permission.roles().contains(role));
		}
	}

	@Test
	@DisplayName("a person holding no role granting a permission is refused it; holding one of several is enough")
	void javaQuestionsAnswerAsTheRule() {
		for (var permission : Permission.values()) {
			for (var role : Role.values()) {
				var granted = permission.roles().contains(role);
				assertThat(permission.grantedTo(member(role))).as("%s to a %s", permission, role).isEqualTo(granted);
				assertThat(permission.grantedTo(signedIn(role))).as("%s to a signed-in %s", permission, role)
					.isEqualTo(granted);
				assertThat(evaluate(permission.expression(), signedIn(role))).isEqualTo(granted);
			}
		}
		assertThat(Permission.DECIDE_REQUESTS.grantedTo(member(Role.OFFICER, Role.DIRECTOR))).isTrue();
		assertThat(Permission.DECIDE_REQUESTS.grantedTo(member())).isFalse();
	}

	@Test
	@DisplayName("ART-20: the administrator reads no records and a collection station is never a person")
	void theVocabularyKeepsTheTrustRules() {
		assertThat(Permission.READ_RECORDS.roles()).doesNotContain(Role.ADMIN, Role.STATION);
		assertThat(Permission.READ_CASES.roles()).doesNotContain(Role.ADMIN, Role.STATION);
		assertThat(Permission.REQUEST_ACCESS.roles()).doesNotContain(Role.ADMIN, Role.STATION);
		assertThat(Permission.SEE_HOME_PAGE.roles()).doesNotContain(Role.STATION).contains(Role.ADMIN);
		// ART-19: only legal affairs makes evidence packages
		assertThat(Permission.MAKE_EVIDENCE_PACKAGES.roles()).containsExactly(Role.LEGAL_AFFAIRS);
	}

	@Test
	@DisplayName("the state annotations ask for a sign-in, or nothing on the sign-in page")
	void stateAnnotations() {
		assertThat(Permissions.SignedIn.class.getAnnotation(PreAuthorize.class).value()).isEqualTo("isAuthenticated()");
		assertThat(Permissions.Anyone.class.getAnnotation(PreAuthorize.class).value()).isEqualTo("permitAll()");
		assertThat(evaluate("isAuthenticated()", signedIn())).isTrue();
	}

	@Test
	@DisplayName("every role-granting annotation has its permission, and they are named alike")
	void namesMatch() {
		var named = annotations().map(a -> constantName(a.getSimpleName())).toList();
		assertThat(named).doesNotHaveDuplicates();
		assertThat(Arrays.stream(Permission.values()).map(Permission::name)).containsAll(named);
		// the one permission only Java asks: the home page's overview of all cases
		assertThat(Arrays.stream(Permission.values()).map(Permission::name).filter(n -> !named.contains(n)))
			.containsExactly("SEE_CASE_OVERVIEW");
	}

	private static String constantName(String annotationName) {
		return annotationName.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
	}

	private static boolean evaluate(String rule, Authentication caller) {
		var root = new SecurityExpressionRoot<Object>(caller) {
		};
		var context = new StandardEvaluationContext(root);
		return Boolean.TRUE.equals(new SpelExpressionParser().parseExpression(rule).getValue(context, Boolean.class));
	}

	private static Authentication signedIn(Role... roles) {
		return UsernamePasswordAuthenticationToken.authenticated("someone", "n/a",
				Arrays.stream(roles).map(r -> new SimpleGrantedAuthority(r.authority())).toList());
	}

	private static StaffMember member(Role... roles) {
		return new StaffMember(StaffId.random(), "someone", "某人", "X0001", UnitId.random(),
				true, Set.copyOf(List.of(roles)), true);
	}
}
