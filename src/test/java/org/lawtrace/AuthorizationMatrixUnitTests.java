package org.lawtrace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.staff.Role;

/** The authorization matrix (ART-20) is a well-formed table: every role a column, every cell an outcome. */
class AuthorizationMatrixUnitTests {

	private static final String HEADER = "method,path,OFFICER,ASSISTANT,CUSTODIAN,LEGAL_AFFAIRS,DEPUTY_DIRECTOR,"
			+ "DIRECTOR,DISCIPLINE,ADMIN,STATION,anonymous\n";

	@Test
	@DisplayName("ART-20: the matrix has a column for every role and anonymous, and every cell is an outcome")
	void theMatrixIsWellFormed() {
		var matrix = AuthorizationMatrix.load();
		assertThat(matrix.columns()).containsAll(Arrays.stream(Role.values()).map(Role::name).toList())
			.contains(AuthorizationMatrix.ANONYMOUS).hasSize(Role.values().length + 1);
		assertThat(matrix.rows()).isNotEmpty().allSatisfy(row -> {
			assertThat(row.cells().keySet()).containsExactlyInAnyOrderElementsOf(matrix.columns());
			assertThat(row.cells().values())
				.allSatisfy(cell -> assertThat(AuthorizationMatrix.OUTCOMES).contains(cell.outcome()));
		});
		assertThat(matrix.rows()).extracting(AuthorizationMatrix.Row::route).doesNotHaveDuplicates();
	}

	@Test
	@DisplayName("ART-20: anonymous callers are refused everywhere but the login page: 401 on the API, the login page for pages")
	void anonymousIsRefused() {
		assertThat(AuthorizationMatrix.load().rows()).allSatisfy(row -> {
			var anonymous = row.cells().get(AuthorizationMatrix.ANONYMOUS).outcome();
			if (row.path().equals("/login")) {
				assertThat(anonymous).isEqualTo("allow");
			}
			else {
				assertThat(anonymous).as(row.route()).isEqualTo(row.api() ? "401" : "login");
			}
		});
	}

	@Test
	@DisplayName("A known gap is written as the target outcome with the issue's finding, and is told apart")
	void knownGaps() {
		var matrix = AuthorizationMatrix.parse(HEADER + "# a comment\n"
				+ "GET, /api/v1/x/{id}, 404*4, allow, 403, 404, 404, 404, 404, 403, 403, 401\n");
		var cell = matrix.rows().get(0).cells().get("OFFICER");
		assertThat(cell.outcome()).isEqualTo("404");
		assertThat(cell.finding()).isEqualTo(4);
		assertThat(cell.knownGap()).isTrue();
		assertThat(matrix.rows().get(0).cells().get("ASSISTANT").knownGap()).isFalse();
	}

	@Test
	@DisplayName("A malformed matrix is refused naming the line: unknown cell, missing column, wrong header, duplicate row")
	void refusesMalformedTables() {
		assertThatIllegalArgumentException().isThrownBy(() -> AuthorizationMatrix.parse(HEADER
				+ "GET,/x,ok,allow,403,404,404,404,404,403,403,login\n")).withMessageContaining("line 2");
		assertThatIllegalArgumentException().isThrownBy(() -> AuthorizationMatrix.parse(HEADER
				+ "GET,/x,allow,403,404,404,404,404,403,403,login\n")).withMessageContaining("fields");
		assertThatIllegalArgumentException().isThrownBy(() -> AuthorizationMatrix.parse(
				"method,path,OFFICER,anonymous\nGET,/x,allow,login\n")).withMessageContaining("columns");
		assertThatIllegalArgumentException().isThrownBy(() -> AuthorizationMatrix.parse(HEADER
				+ "GET,/x,allow,allow,403,404,404,404,404,403,403,login\n"
				+ "GET,/x,allow,allow,403,404,404,404,404,403,403,login\n")).withMessageContaining("two rows");
		assertThatIllegalArgumentException().isThrownBy(() -> AuthorizationMatrix.parse(HEADER
				+ "FETCH,/x,allow,allow,403,404,404,404,404,403,403,login\n")).withMessageContaining("method");
		assertThatIllegalArgumentException().isThrownBy(() -> AuthorizationMatrix.parse(HEADER
				+ "GET,/api/v1/x,allow,allow,403,404,404,404,404,403,403,allow\n")).withMessageContaining("anonymous");
	}
}
