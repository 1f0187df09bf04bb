package org.lawtrace.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.recordings.Media;
import org.lawtrace.recordings.Uploads;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * ART-20 (issue 6, item 5): no metadata of a record without a grant. A stranger gets the same 404 as for an id that
 * does not exist, does not find the record in searches, and the attempt is logged; a grant shows it; a custodian
 * (ART-13) sees metadata but no content; whoever made an unlinked recording sees it to link it.
 */
@LawTraceIntegrationTest
class RecordMetadataIntegrationTests {

	private static long seed = System.nanoTime() + 7;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private String openCase() {
		return Api.openCase(port, Api.newCaseNumber());
	}

	private String upload(@org.jspecify.annotations.Nullable String caseId) {
		var bytes = Media.mp4(Instant.now().minusSeconds(3600), Duration.ofMinutes(5), 2048, seed++);
		var description = new HashMap<String, Object>(Map.of("recordedBy", "zhang.wei"));
		if (caseId != null) {
			description.put("caseId", caseId);
		}
		return Uploads.upload(Api.as(port, "zhang.wei"), description, bytes, "metadata.mp4")
			.expectStatus().isCreated().expectBody(AccessApi.Created.class).returnResult().getResponseBody().id();
	}

	private int status(String who, String uri, Object id) {
		return Api.as(port, who).get().uri(uri, id).exchange().returnResult(String.class).getStatus().value();
	}

	private int page(String who, String uri, Object id) {
		return Api.as(port, who).get().uri(uri, id).accept(MediaType.TEXT_HTML).exchange().returnResult(String.class)
			.getStatus().value();
	}

	private String body(String who, String uri, Object id) {
		return Api.as(port, who).get().uri(uri, id).exchange().returnResult(String.class).getResponseBody();
	}

	private List<String> search(String who, String query) {
		var page = Api.as(port, who).get().uri("/api/v1/recordings?" + query).exchange().expectStatus().isOk()
			.expectBody(AccessApi.RecordingPage.class).returnResult().getResponseBody();
		var ids = page.items().stream().map(AccessApi.RecordingView::id).toList();
		assertThat(page.total()).as("the total counts only what is shown").isEqualTo(ids.size());
		return ids;
	}

	private long refusals(String who, String recordingId) {
		return jdbc.sql("select count(*) from audit_entry where subject_type = 'RECORDING' and subject_id = ? "
				+ "and actor = ? and action = 'VIEW' and outcome = 'REFUSED'").params(recordingId, who)
			.query(Long.class).single();
	}

	@Test
	@DisplayName("ART-20: without a grant, an assistant, the discipline unit and the director get the same 404 as for an unknown id, find nothing, and are logged")
	void strangersLearnNothing() {
		var caseId = openCase();
		var recordingId = upload(caseId);
		var unknown = UUID.randomUUID().toString();
		for (var who : List.of("wang.qiang", "zhou.tao", "sun.li")) {
			assertThat(status(who, "/api/v1/recordings/{id}", recordingId)).as(who).isEqualTo(404);
			assertThat(body(who, "/api/v1/recordings/{id}", recordingId).replace(recordingId, "ID"))
				.as("the same answer as for an id that does not exist")
				.isEqualTo(body(who, "/api/v1/recordings/{id}", unknown).replace(unknown, "ID"));
			assertThat(status(who, "/api/v1/recordings/{id}/revisions", recordingId)).isEqualTo(404);
			assertThat(status(who, "/api/v1/recordings/{id}/derivatives", recordingId)).isEqualTo(404);
			assertThat(page(who, "/recordings/{id}", recordingId)).as("the recording's page").isEqualTo(404);
			assertThat(search(who, "caseId=" + caseId)).isEmpty();
			assertThat(search(who, "size=200")).doesNotContain(recordingId);
			assertThat(refusals(who, recordingId)).as("the attempts are logged").isGreaterThanOrEqualTo(4);
		}
		// the handlers of the open case see it without asking
		assertThat(status("li.na", "/api/v1/recordings/{id}", recordingId)).isEqualTo(200);
		assertThat(search("li.na", "caseId=" + caseId)).containsExactly(recordingId);
	}

	@Test
	@DisplayName("ART-20: a grant shows the record's metadata to legal affairs; once the case is closed its handlers need one too")
	void aGrantShowsIt() {
		var caseId = openCase();
		var recordingId = upload(caseId);
		Api.as(port, "zhang.wei").post().uri("/api/v1/cases/{id}/close", caseId).exchange().expectStatus().isOk();
		assertThat(status("zhang.wei", "/api/v1/recordings/{id}", recordingId)).isEqualTo(404);
		assertThat(search("zhang.wei", "caseId=" + caseId)).isEmpty();
		assertThat(refusals("zhang.wei", recordingId)).isPositive();

		assertThat(status("chen.jing", "/api/v1/recordings/{id}", recordingId)).isEqualTo(404);
		Api.approvedAccess(port, "chen.jing", "liu.yang", caseId);
		assertThat(status("chen.jing", "/api/v1/recordings/{id}", recordingId)).isEqualTo(200);
		assertThat(page("chen.jing", "/recordings/{id}", recordingId)).isEqualTo(200);
		assertThat(search("chen.jing", "caseId=" + caseId)).containsExactly(recordingId);
		assertThat(status("zhang.wei", "/api/v1/recordings/{id}", recordingId)).as("a grant is personal").isEqualTo(404);
	}

	@Test
	@DisplayName("ART-13, ART-20: the custodian sees every record's metadata and finds it, but gets 403 on its content")
	void custodianSeesMetadataNotContent() {
		var caseId = openCase();
		var recordingId = upload(caseId);
		assertThat(status("zhao.min", "/api/v1/recordings/{id}", recordingId)).isEqualTo(200);
		assertThat(status("zhao.min", "/api/v1/recordings/{id}/revisions", recordingId)).isEqualTo(200);
		assertThat(search("zhao.min", "caseId=" + caseId)).containsExactly(recordingId);
		assertThat(status("zhao.min", "/api/v1/recordings/{id}/content", recordingId)).isEqualTo(403);
	}

	@Test
	@DisplayName("ART-20: whoever made an unlinked recording sees it to link it; another officer does not")
	void makerSeesUnlinked() {
		var recordingId = upload(null);
		assertThat(status("zhang.wei", "/api/v1/recordings/{id}", recordingId)).isEqualTo(200);
		assertThat(search("zhang.wei", "unlinked=true&size=200")).contains(recordingId);
		assertThat(status("li.na", "/api/v1/recordings/{id}", recordingId)).isEqualTo(404);
		assertThat(search("li.na", "unlinked=true&size=200")).doesNotContain(recordingId);
	}
}
