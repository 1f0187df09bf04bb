package org.lawtrace.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lawtrace.RunsBesideOtherTests;
import org.lawtrace.Api;
import org.lawtrace.PackagedJar;
import org.lawtrace.Patience;
import org.lawtrace.RealDatabaseAvailable;
import org.lawtrace.audit.AuditApi.EntryPage;
import org.lawtrace.audit.AuditApi.RecordsCheck;
import org.lawtrace.documents.Pdfs;
import org.lawtrace.recordings.Media;
import org.lawtrace.recordings.RecordingApi.RecordingView;
import org.lawtrace.recordings.RecordingApi.UploadMetadata;
import org.lawtrace.recordings.Uploads;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;

/**
 * ART-22, ART-15 (issue 12, finding 5): record rows edited by SQL behind the server's back are found by checking them
 * against the audit log. A recording moved to another case, two recordings' sha256/size/sm3 swapped and a document
 * version's digest edited are each named by {@code verify-records} and by the API; an untouched database is clean.
 * On the old main nothing noticed any of it: {@code verify-log} still says OK after the same edits (asserted here),
 * since the log itself was not touched, and there was no other check.
 */
@RunsBesideOtherTests
@ExtendWith(RealDatabaseAvailable.class)
class RecordsVerificationIntegrationTests {

	@Test
	@DisplayName("ART-22, ART-15: verify-records finds a recording moved to another case, two recordings' digests "
			+ "swapped and a document version's digest edited by SQL, and passes an untouched database")
	void rowsEditedBySqlAreNamedAgainstTheLog() throws Exception {
		var server = PackagedJar.fresh("lawtrace_records").start();
		String firstCase;
		String secondCase;
		var recordings = new ArrayList<String>();
		String document;
		try {
			var port = server.port();
			firstCase = Api.openCase(port, Api.newCaseNumber());
			secondCase = Api.openCase(port, Api.newCaseNumber());
			for (var i = 0; i < 3; i++) {
				var bytes = Media.mp4(Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS),
						Duration.ofMinutes(5), 64 * 1024 + i, System.nanoTime());
				var answer = Uploads.upload(Api.as(port, "zhang.wei"),
						UploadMetadata.by("zhang.wei").inCase(firstCase), bytes, "r" + i + ".mp4")
					.expectStatus().isCreated().returnResult(RecordingView.class).getResponseBody();
				recordings.add(answer.id());
			}
			document = register(port, firstCase);
			changeDocument(port, document);
			// SM3 is computed right after each upload commits; the check compares it once it is there
			await().atMost(Patience.of(Duration.ofSeconds(60))).until(() -> recordings.stream()
				.allMatch(id -> Api.as(port, "zhang.wei").get().uri("/api/v1/recordings/{id}", id).exchange()
					.expectStatus().isOk().returnResult(RecordingView.class).getResponseBody().sm3() != null));

			var clean = verification(port);
			assertThat(clean.differencesTotal()).as("%s", clean).isZero();
			assertThat(clean.recordingsChecked()).isGreaterThanOrEqualTo(3);
			assertThat(clean.documentsChecked()).isGreaterThanOrEqualTo(1);
		}
		finally {
			server.stop();
		}

		var untouched = server.command("verify-records");
		assertThat(untouched.output()).as(untouched.output()).contains("OK: ").contains("agree with the audit log");
		assertThat(untouched.exitCode()).isZero();
		// the other commands that start the application's context lazily (shared.CommandContext) do their work too:
		// the beans they need are made on demand, migrations included (ART-06 compliance, ART-15 fixity)
		var judged = server.command("evaluate-compliance");
		assertThat(judged.exitCode()).as(judged.output()).isZero();
		assertThat(judged.output()).containsPattern("OK: ([2-9]|\\d{2,}) cases judged under rule pack ");
		var fixity = server.command("check-fixity");
		assertThat(fixity.exitCode()).as(fixity.output()).isZero();
		assertThat(fixity.output()).containsPattern("OK: ([5-9]|\\d{2,}) copies checked, [1-9]\\d* bytes read")
			.contains("0 found bad");

		var moved = recordings.get(0);
		var swappedA = recordings.get(1);
		var swappedB = recordings.get(2);
		try (var db = DriverManager.getConnection(server.jdbcUrl(), server.jdbcUser(), server.jdbcPassword());
				var sql = db.createStatement()) {
			sql.executeUpdate("update recordings_revision set case_id = '" + secondCase + "' where recording_id = '"
					+ moved + "' and current = true");
			var a = digest(db, swappedA);
			var b = digest(db, swappedB);
			sql.executeUpdate("update recordings_recording set sha256 = '" + "0".repeat(64) + "' where id = '"
					+ swappedA + "'");
			sql.executeUpdate("update recordings_recording set sha256 = '" + a.get(0) + "', size_bytes = " + a.get(1)
					+ ", sm3 = '" + a.get(2) + "' where id = '" + swappedB + "'");
			sql.executeUpdate("update recordings_recording set sha256 = '" + b.get(0) + "', size_bytes = " + b.get(1)
					+ ", sm3 = '" + b.get(2) + "' where id = '" + swappedA + "'");
			sql.executeUpdate("update documents_version set sha256 = '" + "ab".repeat(32) + "' where document_id = '"
					+ document + "' and version = 2");
		}

		var found = server.command("verify-records");
		assertThat(found.exitCode()).as(found.output()).isEqualTo(1);
		assertThat(found.output()).contains("FAILED: 4 record(s) differ from the audit log")
			.contains("RECORDING " + moved + " case@v1: log says " + firstCase + ", table says " + secondCase)
			.contains("RECORDING " + swappedA + " sha256: log says ")
			.contains("RECORDING " + swappedA + " sm3: log says ")
			.contains("RECORDING " + swappedB + " sha256: log says ")
			.contains("RECORDING " + swappedB + " sm3: log says ")
			.contains("DOCUMENT " + document + " sha256@v2: log says ")
			.contains(", table says " + "ab".repeat(32));
		// the payloads differ in length, so the swapped sizes are named too
		assertThat(found.output()).contains("RECORDING " + swappedA + " size: log says ");

		// what the old main had: the log itself still verifies, so nothing noticed the edited rows
		var log = server.command("verify-log");
		assertThat(log.exitCode()).as(log.output()).isZero();

		server.start();
		try {
			var port = server.port();
			var report = verification(port);
			assertThat(report.differingRecords()).as("%s", report).isEqualTo(4);
			assertThat(report.differences()).anySatisfy(d -> {
				assertThat(d.subjectId()).isEqualTo(moved);
				assertThat(d.field()).isEqualTo("case@v1");
				assertThat(d.logSays()).isEqualTo(firstCase);
				assertThat(d.tableSays()).isEqualTo(secondCase);
			});
			// the check itself is logged, with what it found
			var entries = Api.as(port, "zhou.tao").get()
				.uri("/api/v1/audit/entries?subjectType=AUDIT_LOG&subjectId=records&size=50").exchange()
				.expectStatus().isOk().returnResult(EntryPage.class).getResponseBody();
			assertThat(entries.items()).anySatisfy(e -> {
				assertThat(e.action()).isEqualTo("RECORDS_VERIFIED");
				assertThat(e.detail()).contains("differing=4");
			});
		}
		finally {
			server.stop();
		}
	}

	private static RecordsCheck verification(int port) {
		return Api.as(port, "zhou.tao").get().uri("/api/v1/audit/records-verification").exchange()
			.expectStatus().isOk().returnResult(RecordsCheck.class).getResponseBody();
	}

	private static List<String> digest(java.sql.Connection db, String recording) throws Exception {
		try (var q = db.createStatement();
				var rs = q.executeQuery("select sha256, size_bytes, sm3 from recordings_recording where id = '"
						+ recording + "'")) {
			rs.next();
			return List.of(rs.getString(1).strip(), String.valueOf(rs.getLong(2)), rs.getString(3).strip());
		}
	}

	/** Registers a document; its metadata is the documents module's contract, sent here as a map. */
	private static String register(int port, String caseId) {
		var metadata = new HashMap<String, Object>();
		metadata.put("kind", "ADVANCE_NOTICE");
		metadata.put("caseId", caseId);
		metadata.put("title", "行政处罚告知书");
		var body = new MultipartBodyBuilder();
		body.part("metadata", metadata, MediaType.APPLICATION_JSON);
		body.part("file", new ByteArrayResource(Pdfs.pages(2))).filename("notice.pdf")
			.contentType(MediaType.APPLICATION_PDF);
		return Api.as(port, "zhang.wei").post().uri("/api/v1/documents").contentType(MediaType.MULTIPART_FORM_DATA)
			.body(body.build()).exchange().expectStatus().isCreated().returnResult(Api.Created.class).getResponseBody()
			.id();
	}

	private static void changeDocument(int port, String document) {
		var body = new MultipartBodyBuilder();
		body.part("metadata", Map.of("reason", "更正笔误 sha256=" + "cd".repeat(32)), MediaType.APPLICATION_JSON);
		body.part("file", new ByteArrayResource(Pdfs.pages(3))).filename("changed.pdf")
			.contentType(MediaType.APPLICATION_PDF);
		Api.as(port, "zhang.wei").post().uri("/api/v1/documents/{id}/versions", document)
			.contentType(MediaType.MULTIPART_FORM_DATA).body(body.build()).exchange().expectStatus().isCreated();
	}
}
