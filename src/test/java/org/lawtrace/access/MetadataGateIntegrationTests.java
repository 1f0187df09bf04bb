package org.lawtrace.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.documents.Pdfs;
import org.lawtrace.recordings.Media;
import org.lawtrace.recordings.Uploads;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * ART-20 (issue 11, finding 4): whatever names a record answers like the record's own metadata. Bookmarks, the
 * recording page's bookmark panel and the chain of custody are 404 to whoever may not see the record, the same 404
 * as for an id that names nothing; a duplicate upload tells such a person nothing of the stored record; the digest
 * look-up is for stations and the custodian only.
 */
@LawTraceIntegrationTest
class MetadataGateIntegrationTests {

	/** Seven people, of six roles, none a handler of the case and none with a grant. */
	private static final List<String> STRANGERS = List.of("huang.lei", "wang.qiang", "chen.jing", "liu.yang", "he.jun",
			"sun.li", "zhou.tao");

	private static long seed = System.nanoTime() + 11;

	@LocalServerPort
	int port;

	private byte[] video() {
		return Media.mp4(Instant.now().minusSeconds(3600), Duration.ofMinutes(5), 2048, seed++);
	}

	private String uploadIntoNewCase(byte[] bytes) {
		var caseId = Api.openCase(port, Api.newCaseNumber());
		return Uploads.upload(Api.as(port, "zhang.wei"), Map.of("recordedBy", "zhang.wei", "caseId", caseId), bytes,
				"gate.mp4")
			.expectStatus().isCreated().expectBody(AccessApi.Created.class).returnResult().getResponseBody().id();
	}

	private RestTestClient.ResponseSpec get(String who, String uri, Object id) {
		return Api.as(port, who).get().uri(uri, id).header("HX-Request", "true").exchange();
	}

	private String body(String who, String uri, Object id) {
		var result = get(who, uri, id).returnResult(String.class);
		return result.getStatus().value() + " " + String.valueOf(result.getResponseBody()).replace(id.toString(), "ID")
			.replaceAll("\"timestamp\":\"[^\"]*\"", "");
	}

	@Test
	@DisplayName("ART-20: seven people with no right to a recording get on its bookmarks, its bookmark panel and its "
			+ "chain of custody the same 404 as for an id that names nothing")
	void bookmarksAndCustodyAreMetadata() {
		var recordingId = uploadIntoNewCase(video());
		Api.as(port, "zhang.wei").post().uri("/api/v1/compliance/recordings/{id}/bookmarks", recordingId)
			.contentType(MediaType.APPLICATION_JSON).body(new AccessApi.NewBookmark("OPENING", 5)).exchange()
			.expectStatus().isCreated();
		var unknown = UUID.randomUUID();
		for (var who : STRANGERS) {
			for (var uri : List.of("/api/v1/compliance/recordings/{id}/bookmarks", "/compliance/fragments/recording/{id}")) {
				assertThat(body(who, uri, recordingId)).as(who + " " + uri).startsWith("404")
					.isEqualTo(body(who, uri, unknown));
			}
		}
		for (var who : List.of("huang.lei", "wang.qiang")) {
			assertThat(mark(who, recordingId)).as(who + " setting a bookmark").startsWith("404")
				.isEqualTo(mark(who, unknown));
		}
		for (var who : List.of("chen.jing", "sun.li", "zhou.tao")) {
			for (var uri : List.of("/audit/custody/RECORDING/{id}",
					"/api/v1/audit/entries?subjectType=RECORDING&subjectId={id}")) {
				assertThat(body(who, uri, recordingId)).as(who + " " + uri).startsWith("404")
					.isEqualTo(body(who, uri, unknown));
			}
		}
		// those who may see the recording still do: its handlers, and the custodian its chain of custody (ART-13)
		get("li.na", "/api/v1/compliance/recordings/{id}/bookmarks", recordingId).expectStatus().isOk()
			.expectBody().jsonPath("$[0].kind").isEqualTo("OPENING");
		get("li.na", "/compliance/fragments/recording/{id}", recordingId).expectStatus().isOk();
		get("zhao.min", "/audit/custody/RECORDING/{id}", recordingId).expectStatus().isOk();
		// and a grant opens it to legal affairs
		Api.approvedAccess(port, "chen.jing", "liu.yang", caseIdOf(recordingId));
		get("chen.jing", "/api/v1/compliance/recordings/{id}/bookmarks", recordingId).expectStatus().isOk();
		get("chen.jing", "/audit/custody/RECORDING/{id}", recordingId).expectStatus().isOk();
	}

	private String mark(String who, Object id) {
		var result = Api.as(port, who).post().uri("/api/v1/compliance/recordings/{id}/bookmarks", id)
			.contentType(MediaType.APPLICATION_JSON).body(new AccessApi.NewBookmark("CLOSING", 10)).exchange()
			.returnResult(String.class);
		return result.getStatus().value() + " " + String.valueOf(result.getResponseBody()).replace(id.toString(), "ID")
			.replaceAll("\"timestamp\":\"[^\"]*\"", "");
	}

	@Test
	@DisplayName("ART-20: a text record's audit entries are 404 to the discipline unit without a grant, as for an "
			+ "unknown id; the custodian sees them")
	void documentEntriesAreMetadata() {
		var caseId = Api.openCase(port, Api.newCaseNumber());
		var body = new MultipartBodyBuilder();
		body.part("metadata", new AccessApi.DocumentMetadata("ADVANCE_NOTICE", caseId, "行政处罚告知书"),
				MediaType.APPLICATION_JSON);
		body.part("file", new ByteArrayResource(Pdfs.pages(1))).filename("notice.pdf")
			.contentType(MediaType.APPLICATION_PDF);
		var document = Api.as(port, "zhang.wei").post().uri("/api/v1/documents")
			.contentType(MediaType.MULTIPART_FORM_DATA).body(body.build()).exchange().expectStatus().isCreated()
			.expectBody(AccessApi.Created.class).returnResult().getResponseBody().id();
		var uri = "/api/v1/audit/entries?subjectType=DOCUMENT&subjectId={id}";
		for (var who : List.of("zhou.tao", "sun.li", "chen.jing")) {
			assertThat(body(who, uri, document)).as(who).startsWith("404").isEqualTo(body(who, uri, UUID.randomUUID()));
		}
		get("zhao.min", uri, document).expectStatus().isOk();
	}

	private String caseIdOf(String recordingId) {
		return Api.as(port, "zhang.wei").get().uri("/api/v1/recordings/{id}", recordingId).exchange()
			.expectStatus().isOk().expectBody(AccessApi.RecordingView.class).returnResult().getResponseBody().caseId();
	}

	@Test
	@DisplayName("ART-20: uploading a file already stored tells someone who may not see the stored record only that "
			+ "it is stored (409), with nothing of it; its handlers get the record as before")
	void duplicateUploadTellsStrangersNothing() {
		var bytes = video();
		var recordingId = uploadIntoNewCase(bytes);
		var view = Api.as(port, "zhang.wei").get().uri("/api/v1/recordings/{id}", recordingId).exchange()
			.expectBody(AccessApi.RecordingView.class).returnResult().getResponseBody();

		var refused = Uploads.upload(Api.as(port, "wang.qiang"), Map.of("recordedBy", "wang.qiang"), bytes, "copy.mp4")
			.expectStatus().isEqualTo(409)
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(refused).doesNotContain(recordingId).doesNotContain(view.caseId())
			.doesNotContain("东市监处").doesNotContain("东阳市示例食品").doesNotContain("zhang.wei")
			.doesNotContain("li.na").doesNotContain("张").doesNotContain(view.sha256());

		Uploads.upload(Api.as(port, "li.na"), Map.of("recordedBy", "li.na"), bytes, "copy.mp4")
			.expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo(recordingId);
	}

	@Test
	@DisplayName("ART-20: the digest look-up answers stations and the custodian; an officer or an assistant gets 403")
	void digestLookUpIsForStationsAndTheCustodian() {
		var bytes = video();
		uploadIntoNewCase(bytes);
		var sha256 = sha256(bytes);
		for (var who : List.of("zhang.wei", "wang.qiang")) {
			Api.as(port, who).get().uri("/api/v1/recordings/digests/{sha}", sha256).exchange().expectStatus()
				.isForbidden();
		}
		Api.as(port, "zhao.min").get().uri("/api/v1/recordings/digests/{sha}", sha256).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.sha256").isEqualTo(sha256);
		Api.bearer(port, stationToken()).get().uri("/api/v1/recordings/digests/{sha}", sha256).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.sha256").isEqualTo(sha256);
	}

	private String stationToken() {
		var units = Api.as(port, "admin").get().uri("/api/v1/units").exchange().returnResult(AccessApi.Unit[].class)
			.getResponseBody();
		var wuning = Stream.of(units).filter(u -> "DY-WN".equals(u.code())).map(AccessApi.Unit::id).findFirst()
			.orElseThrow();
		var name = "gate" + seed++;
		var id = Api.as(port, "admin").post().uri("/api/v1/stations").contentType(MediaType.APPLICATION_JSON)
			.body(new AccessApi.NewStation("测试采集站" + name, "station." + name, wuning, "测试"))
			.exchange().expectStatus().isCreated().returnResult(AccessApi.Created.class).getResponseBody().id();
		return Api.as(port, "admin").post().uri("/api/v1/stations/{id}/tokens", id)
			.contentType(MediaType.APPLICATION_JSON).body(new AccessApi.NewToken("gate test")).exchange()
			.returnResult(AccessApi.IssuedToken.class).getResponseBody().token();
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
