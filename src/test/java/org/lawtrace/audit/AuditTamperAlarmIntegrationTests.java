package org.lawtrace.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.shared.Conflict;
import org.lawtrace.shared.IntegrityAlarm;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * ART-22, issue 12 finding 4: an anchored entry deleted from the database is found by the check against the last
 * anchor, which raises an integrity alarm and refuses to sign a checkpoint over the tampered log. The tampering is
 * not undone (the next append may take the deleted entry's number), so this class runs in an application and a
 * database of its own, closed when it ends.
 */
@LawTraceIntegrationTest
@RecordApplicationEvents
@TestPropertySource(properties = { "lawtrace.audit.checkpoint-interval=PT24H",
		"lawtrace.audit.checkpoint-every=100000001" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AuditTamperAlarmIntegrationTests {

	private static final String AUDITOR = "zhao.min";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog log;

	@Test
	@DisplayName("ART-22, finding 4: the check against the last anchor raises LOG_DOES_NOT_VERIFY when an anchored entry "
			+ "is gone, verify-log names it ENTRY_MISSING, and no checkpoint is signed over the tampered log")
	void checkAgainstTheLastAnchorRaisesAnAlarm(ApplicationEvents events) {
		Api.openCase(port, Api.newCaseNumber());
		awaitQuiet();
		var anchored = log.checkpoint().treeSize();
		assertThat(verification()).containsEntry("verified", true);
		var last = anchored - 1;
		assertThat(jdbc.sql("delete from audit_entry where seq = ?").param(last).update()).isEqualTo(1);

		log.checkAgainstLastAnchor();

		assertThat(events.stream(IntegrityAlarm.class))
			.anySatisfy(alarm -> assertThat(alarm.kind()).isEqualTo("LOG_DOES_NOT_VERIFY"));
		var found = verification();
		assertThat(found).containsEntry("verified", false);
		@SuppressWarnings("unchecked")
		var findings = (List<Map<String, Object>>) ((Map<String, Object>) found.get("anchoring")).get("findings");
		assertThat(findings).anySatisfy(f -> assertThat(f).containsEntry("kind", "ENTRY_MISSING")
			.containsEntry("fromSeq", (int) last));
		assertThatExceptionOfType(Conflict.class).isThrownBy(() -> log.checkpoint());
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> verification() {
		return Api.as(port, AUDITOR).get().uri("/api/v1/audit/verification").exchange().expectStatus().isOk()
			.expectBody(Map.class).returnResult().getResponseBody();
	}

	/** Entries written after commit arrive a moment later; tampering waits until nothing more is being written. */
	private void awaitQuiet() {
		var last = new long[] { -1 };
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> {
			var now = jdbc.sql("select count(*) from audit_entry").query(Long.class).single();
			var quiet = now == last[0];
			last[0] = now;
			return quiet;
		});
	}
}
