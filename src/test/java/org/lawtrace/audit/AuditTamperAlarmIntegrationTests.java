package org.lawtrace.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

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
		AuditApi.awaitQuiet(jdbc);
		var anchored = log.checkpoint().treeSize();
		assertThat(AuditApi.verification(port, AUDITOR).verified()).isTrue();
		var last = anchored - 1;
		assertThat(jdbc.sql("delete from audit_entry where seq = ?").param(last).update()).isEqualTo(1);

		log.checkAgainstLastAnchor();

		assertThat(events.stream(IntegrityAlarm.class))
			.anySatisfy(alarm -> assertThat(alarm.kind()).isEqualTo("LOG_DOES_NOT_VERIFY"));
		var found = AuditApi.verification(port, AUDITOR);
		assertThat(found.verified()).isFalse();
		assertThat(found.anchoring().findings()).anySatisfy(f -> {
			assertThat(f.kind()).isEqualTo("ENTRY_MISSING");
			assertThat(f.fromSeq()).isEqualTo(last);
		});
		assertThatExceptionOfType(Conflict.class).isThrownBy(() -> log.checkpoint());
	}
}
