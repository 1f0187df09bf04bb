package org.lawtrace.audit;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.Audited;
import org.lawtrace.shared.StaffId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.audit.AuditApi.EntryPage;
import org.lawtrace.audit.AuditApi.EntryView;
import org.lawtrace.audit.AuditApi.InclusionProof;
import org.lawtrace.audit.AuditApi.LogVerification;
import org.lawtrace.recordings.Media;
import org.lawtrace.recordings.RecordingApi.RecordingView;
import org.lawtrace.recordings.RecordingApi.UploadMetadata;
import org.lawtrace.recordings.Uploads;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * ART-22, evidence rules: uploads, views, cases, refused alterations, failed sign-ins and denied attempts land in the
 * audit log, and a row changed, removed or reordered directly in the database is named by the verification. Every
 * tampering is undone before the test ends, so the shared context's log verifies again.
 */
@LawTraceIntegrationTest
@org.springframework.test.context.event.RecordApplicationEvents
// Its own application: these tests rewrite and restore log rows, and an anchor signed in between (by count or time)
// would make the restored log differ from the anchors for good, for every later test sharing the database.
@org.springframework.test.context.TestPropertySource(properties = { "lawtrace.audit.checkpoint-interval=PT24H",
		"lawtrace.audit.checkpoint-every=100000000" })
class AuditLogIntegrationTests {

	// the custodian answers for the log and sees every record's metadata; the discipline unit sees a recording's
	// chain of custody only where it may see the recording (ART-20)
	private static final String AUDITOR = "zhao.min";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private List<EntryView> entries(String query) {
		return Api.as(port, AUDITOR).get().uri("/api/v1/audit/entries?size=500&" + query)
			.exchange().expectStatus().isOk().returnResult(EntryPage.class).getResponseBody().items();
	}

	private LogVerification verification() {
		return AuditApi.verification(port, AUDITOR);
	}

	private long seqOf(EntryView entry) {
		return entry.seq();
	}

	private String upload() {
		var photo = Media.jpeg(LocalDateTime.now().minusHours(2), 29.28, 120.24, System.nanoTime());
		return Uploads.upload(Api.as(port, "zhang.wei"), UploadMetadata.by("zhang.wei"), photo, "IMG_AUDIT.JPG")
			.expectStatus().isCreated().returnResult(RecordingView.class).getResponseBody().id();
	}

	/** Entries written after commit arrive a moment later; tampering waits until nothing more is being written. */
	private void awaitQuiet() {
		AuditApi.awaitQuiet(jdbc);
	}

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	record Noted(@Nullable StaffId actor, String subjectId, boolean rolledBack) implements Audited {

		@Override
		public String action() {
			return "NOTED";
		}

		@Override
		public String subjectType() {
			return "TEST";
		}

		@Override
		public String details() {
			return "rolledBack=" + rolledBack;
		}
	}

	record Viewed(@Nullable StaffId actor, String subjectId) implements Audited.AtOnce {

		@Override
		public String action() {
			return "VIEW";
		}

		@Override
		public String subjectType() {
			return "TEST";
		}

		@Override
		public String details() {
			return "at once";
		}
	}

	@Test
	@DisplayName("ART-22: an event logged at once is logged exactly once, even from a read-only transaction that it "
			+ "outlives")
	void logsAtOnceEventsOnceFromAnyTransaction() {
		var subject = UUID.randomUUID().toString();
		var readOnly = new TransactionTemplate(transactions);
		readOnly.setReadOnly(true);
		readOnly.executeWithoutResult(s -> events.publishEvent(new Viewed(null, subject)));

		assertThat(entries("subjectType=TEST&subjectId=" + subject)).extracting(EntryView::detail)
			.containsExactly("at once");
		awaitQuiet();
		assertThat(entries("subjectType=TEST&subjectId=" + subject)).hasSize(1);
	}

	@Test
	@DisplayName("ART-22: an event that describes itself is logged once its work commits, and not when it rolls back")
	void logsSelfDescribingEventsAfterCommit() {
		var subject = UUID.randomUUID().toString();
		var tx = new TransactionTemplate(transactions);
		tx.executeWithoutResult(s -> events.publishEvent(new Noted(null, subject, false)));
		tx.executeWithoutResult(s -> {
			events.publishEvent(new Noted(null, subject, true));
			s.setRollbackOnly();
		});

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
				entries("subjectType=TEST&subjectId=" + subject)).extracting(EntryView::detail)
			.containsExactly("rolledBack=false"));
		assertThat(entries("subjectType=TEST&subjectId=" + subject).get(0).actor()).isEqualTo("system");
	}

	@Test
	@DisplayName("ART-22: an upload, its views, a refused deletion and a case land in the log as the record's chain of custody")
	void recordsTheChainOfCustody() {
		var recording = upload();
		Api.as(port, "zhang.wei").get().uri("/api/v1/recordings/{id}/content", recording).header("Range", "bytes=0-99")
			.exchange().expectStatus().isEqualTo(206);
		Api.as(port, "zhang.wei").delete().uri("/api/v1/recordings/{id}", recording).exchange()
			.expectStatus().isEqualTo(405);
		var caseId = Api.openCase(port, Api.newCaseNumber());

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
				entries("subjectType=RECORDING&subjectId=" + recording)).extracting(EntryView::action)
			// the system's SM3_RECORDED comes whenever SM3 is done, after the UPLOAD (ADR 0003)
			.contains("SM3_RECORDED").filteredOn(a -> !"SM3_RECORDED".equals(a))
			.containsExactly("UPLOAD", "VIEW", "ALTERATION_ATTEMPT"));
		var custody = entries("subjectType=RECORDING&subjectId=" + recording).stream()
			.filter(e -> !"SM3_RECORDED".equals(e.action())).toList();
		assertThat(custody).allSatisfy(e -> assertThat(e.actor()).isEqualTo("zhang.wei"));
		assertThat(custody.get(0).detail()).contains("sha256=").contains("channel=");
		assertThat(custody.get(1).detail()).startsWith("bytes 0-99/");
		assertThat(custody.get(2).outcome()).isEqualTo("REFUSED");
		assertThat(custody.get(2).detail()).isEqualTo("DELETE /api/v1/recordings/" + recording);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
				entries("subjectType=CASE&subjectId=" + caseId)).extracting(EntryView::action)
			.containsExactly("CASE_OPENED"));
	}

	@Test
	@DisplayName("ART-22: the chain-of-custody page lists a recording's entries, linked from its page for auditors only")
	void custodyPageShowsARecordingsEntries() {
		var recording = upload();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> !entries("subjectType=RECORDING&subjectId=" + recording).isEmpty());
		var page = Api.as(port, AUDITOR).get().uri("/audit/custody/RECORDING/{id}", recording).exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		// entries read as sentences, people by name (issue 15), never as codes or login names
		assertThat(page).contains("id=\"custody-list\"").contains("上传了").contains("张伟")
			.doesNotContain(">UPLOAD<").doesNotContain("zhang.wei").contains("id=\"custody-verification\"");
		// the custodian's recording page links to it; the discipline unit, without a grant, sees neither (ART-20)
		assertThat(Api.as(port, "zhao.min").get().uri("/recordings/{id}", recording).exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody()).contains("/audit/custody/RECORDING/" + recording);
		Api.as(port, "zhou.tao").get().uri("/recordings/{id}", recording).exchange().expectStatus().isNotFound();
		Api.as(port, "zhou.tao").get().uri("/audit/custody/RECORDING/{id}", recording).exchange()
			.expectStatus().isNotFound();
		assertThat(Api.as(port, "zhang.wei").get().uri("/recordings/{id}", recording).exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody()).doesNotContain("custody-link");
		Api.as(port, "zhang.wei").get().uri("/audit/custody/RECORDING/{id}", recording).exchange()
			.expectStatus().isForbidden();
	}

	@Test
	@DisplayName("ART-22: failed sign-ins and attempts the caller's roles do not allow are logged as denied")
	void logsDeniedAttempts() {
		Api.as(port, "nobody.audit", "wrong").get().uri("/api/v1/cases").exchange().expectStatus().isUnauthorized();
		Api.as(port, "li.na").get().uri("/api/v1/audit/verification").exchange().expectStatus().isForbidden();

		assertThat(entries("actor=nobody.audit")).singleElement()
			.satisfies(e -> {
				assertThat(e.action()).isEqualTo("LOGIN");
				assertThat(e.outcome()).isEqualTo("DENIED");
			});
		// a name too long for the column is kept in part rather than losing the attempt
		Api.as(port, "n".repeat(150), "wrong").get().uri("/api/v1/cases").exchange().expectStatus().isUnauthorized();
		assertThat(entries("actor=" + "n".repeat(100))).singleElement()
			.satisfies(e -> assertThat(e.outcome()).isEqualTo("DENIED"));
		assertThat(entries("actor=li.na")).filteredOn(e -> "ACCESS".equals(e.action())).last()
			.satisfies(e -> {
				assertThat(e.outcome()).isEqualTo("DENIED");
				assertThat(e.subjectId()).isEqualTo("GET /api/v1/audit/verification");
			});
	}

	@Test
	@DisplayName("Only the discipline unit, legal affairs, the director and custodians read the log; anyone signed in reads the key")
	void auditorsReadTheLogAndEveryoneTheKey() {
		Api.as(port, "zhang.wei").get().uri("/api/v1/audit/entries").exchange().expectStatus().isForbidden();
		for (var auditor : List.of("zhou.tao", "chen.jing", "sun.li", "zhao.min")) {
			Api.as(port, auditor).get().uri("/api/v1/audit/verification").exchange().expectStatus().isOk();
		}
		Api.as(port, "zhang.wei").get().uri("/api/v1/audit/public-key").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.algorithm").isEqualTo("SM2-SM3")
			.jsonPath("$.pem").value(pem -> assertThat(pem.toString()).startsWith("-----BEGIN PUBLIC KEY-----"))
			.jsonPath("$.hex").value(hex -> assertThat(hex.toString()).hasSize(130).startsWith("04"));
		Api.as(port, AUDITOR).get().uri("/api/v1/audit/entries?size=0").exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.field").isEqualTo("size");
	}

	@Test
	@DisplayName("RFC 9162 §2.1.3: an entry's inclusion proof verifies against a signed checkpoint's root")
	void inclusionProofVerifiesAgainstASignedCheckpoint() {
		var recording = upload();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> !entries("subjectType=RECORDING&subjectId=" + recording).isEmpty());
		var seq = seqOf(entries("subjectType=RECORDING&subjectId=" + recording).get(0));
		var checkpoint = Api.as(port, AUDITOR).post().uri("/api/v1/audit/checkpoints").exchange()
			.expectStatus().isCreated().returnResult(AuditApi.Checkpoint.class).getResponseBody();

		var proof = Api.as(port, AUDITOR).get().uri("/api/v1/audit/entries/{seq}/proof", seq).exchange()
			.expectStatus().isOk().returnResult(InclusionProof.class).getResponseBody();
		var hex = HexFormat.of();
		var size = proof.treeSize();
		assertThat(size).isGreaterThanOrEqualTo(checkpoint.treeSize());
		var path = proof.path().stream().map(hex::parseHex).toList();
		assertThat(MerkleTree.verifyInclusion(seq, size, hex.parseHex(proof.leafHash()), path,
				hex.parseHex(proof.root()))).isTrue();
		assertThat(proof.checkpoint().rootHash()).isEqualTo(proof.root());
		var verified = verification();
		assertThat(verified.verified()).isTrue();
		assertThat(verified.checkpointsVerified()).isTrue();
		Api.as(port, AUDITOR).get().uri("/api/v1/audit/entries/{seq}/proof", 99_999_999).exchange()
			.expectStatus().isNotFound();
	}

	@Test
	@DisplayName("ART-22: a row changed, removed or swapped in the database is named as the first mismatch, and the log verifies once restored")
	void findsTamperingDoneDirectlyInTheDatabase() {
		var recording = upload();
		Api.openCase(port, Api.newCaseNumber());
		await().atMost(Duration.ofSeconds(20))
			.until(() -> !entries("subjectType=RECORDING&subjectId=" + recording).isEmpty());
		awaitQuiet();
		var untouched = verification();
		assertThat(untouched.verified()).isTrue();
		assertThat(untouched.firstMismatch()).isNull();
		var target = seqOf(entries("subjectType=RECORDING&subjectId=" + recording).get(0));
		var later = target + 1;

		var detail = jdbc.sql("select detail from audit_entry where seq = ?").param(target).query(String.class).single();
		jdbc.sql("update audit_entry set detail = ? where seq = ?").params("sha256=0000", target).update();
		var changed = verification();
		assertThat(changed.verified()).isFalse();
		assertThat(changed.firstMismatch()).isEqualTo(target);
		assertThat(changed.reason()).contains("leaf hash differs");
		jdbc.sql("update audit_entry set detail = ? where seq = ?").params(detail, target).update();
		assertThat(verification().verified()).isTrue();

		var row = jdbc.sql("select * from audit_entry where seq = ?").param(target).query().singleRow();
		jdbc.sql("delete from audit_entry where seq = ?").param(target).update();
		var removed = verification();
		assertThat(removed.verified()).isFalse();
		assertThat(removed.firstMismatch()).isEqualTo(target);
		assertThat(removed.reason()).contains("missing");
		jdbc.sql("insert into audit_entry (seq, recorded_at, actor, action, subject_type, subject_id, outcome, detail, "
				+ "leaf_hash) values (:seq, :recorded_at, :actor, :action, :subject_type, :subject_id, :outcome, "
				+ ":detail, :leaf_hash)").params(row).update();
		assertThat(verification().verified()).isTrue();

		swap(target, later);
		var swapped = verification();
		assertThat(swapped.verified()).isFalse();
		assertThat(swapped.firstMismatch()).isEqualTo(target);
		swap(target, later);

		var restored = verification();
		assertThat(restored.verified()).isTrue();
		assertThat(restored.checkpointsVerified()).isTrue();
		assertThat(restored.firstMismatch()).isNull();
	}

	/** Swaps everything but the sequence numbers of two rows, as someone reordering the log would. */
	private void swap(long a, long b) {
		var columns = List.of("recorded_at", "actor", "action", "subject_type", "subject_id", "outcome", "detail",
				"leaf_hash");
		var rowA = jdbc.sql("select * from audit_entry where seq = ?").param(a).query().singleRow();
		var rowB = jdbc.sql("select * from audit_entry where seq = ?").param(b).query().singleRow();
		for (var pair : List.of(Map.entry(a, rowB), Map.entry(b, rowA))) {
			var set = String.join(", ", columns.stream().map(c -> c + " = :" + c).toList());
			jdbc.sql("update audit_entry set " + set + " where seq = :target").params(pair.getValue())
				.param("target", pair.getKey()).update();
		}
	}
}
