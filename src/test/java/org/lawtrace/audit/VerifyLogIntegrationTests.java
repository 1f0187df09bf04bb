package org.lawtrace.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.DriverManager;
import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lawtrace.Api;
import org.lawtrace.PackagedJar;
import org.lawtrace.RealDatabaseAvailable;

/**
 * ART-22, evidence rules: {@code java -jar target/lawtrace.jar verify-log}, run by an operator against the stopped
 * server's database, says OK and exits 0, and after a row is changed in the database names it and exits 1.
 */
@ExtendWith(RealDatabaseAvailable.class)
class VerifyLogIntegrationTests {

	@Test
	@DisplayName("ART-22: verify-log passes an untouched log and names the entry changed behind the server's back")
	void verifyLogFindsARowChangedInTheDatabase() throws Exception {
		var server = PackagedJar.fresh("lawtrace_verify_log").start();
		int entries;
		try {
			var port = server.port();
			Api.openCase(port, Api.newCaseNumber());
			Api.as(port, "zhang.wei").delete().uri("/api/v1/recordings/{id}", "00000000-0000-0000-0000-000000000001")
				.exchange().expectStatus().isEqualTo(405);
			Api.as(port, "nobody.here", "wrong").get().uri("/api/v1/cases").exchange().expectStatus().isUnauthorized();
			await().atMost(Duration.ofSeconds(30)).until(() -> total(port, "actor=zhang.wei") >= 2);
			entries = (int) total(port, "");
			assertThat(entries).isGreaterThan(3);
			Api.as(port, "zhou.tao").post().uri("/api/v1/audit/checkpoints").exchange().expectStatus().isCreated()
				.expectBody().jsonPath("$.treeSize").isEqualTo(entries);
		}
		finally {
			server.stop();
		}

		var untouched = server.command("verify-log");
		// a checkpoint at start, the one asked for, and at the stop one more only if entries came after it; each anchored
		assertThat(untouched.output()).containsPattern("OK: " + entries + " entries, root [0-9a-f]{64}, "
				+ "[0-9]+ checkpoints? signed and matching; [0-9]+ anchors? outside the database covers? the first "
				+ entries + " entries; 0 entries lie beyond the last anchor");
		assertThat(untouched.exitCode()).isZero();

		try (var db = DriverManager.getConnection(server.jdbcUrl(), server.jdbcUser(), server.jdbcPassword());
				var statement = db.createStatement()) {
			statement.executeUpdate("update audit_entry set actor = 'someone.else' where seq = 2");
		}
		var tampered = server.command("verify-log");
		assertThat(tampered.output()).contains("FAILED at entry 2: leaf hash differs");
		assertThat(tampered.exitCode()).isEqualTo(1);
	}

	private static long total(int port, String query) {
		return Api.as(port, "zhou.tao").get().uri("/api/v1/audit/entries?size=1&" + query).exchange()
			.expectStatus().isOk().returnResult(AuditApi.EntryPage.class).getResponseBody().total();
	}
}
