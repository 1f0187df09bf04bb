package org.lawtrace.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.MovableClock;
import org.lawtrace.recordings.Media;
import org.lawtrace.recordings.Uploads;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * ART-19, ART-20 (issue 11, finding 3): an evidence package is handed out only to the legal affairs clerk who made
 * it, only while live grants open every record in it to them, and only until it expires; otherwise it is 404, like
 * a package that does not exist, and the attempt is logged. The administrator never gets one, whatever roles the
 * account holds.
 */
@LawTraceIntegrationTest
class EvidencePackageGrantIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MovableClock clock;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	private record Made(String caseId, String recordingId, String requestId, String packageId,
			AccessApi.PackageView view) {
	}

	private Made packageOfANewCase() {
		var caseId = Api.openCase(port, Api.newCaseNumber());
		var made = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
		var recordingId = Uploads.upload(Api.as(port, "zhang.wei"), Map.of("recordedBy", "zhang.wei", "caseId", caseId),
				Media.mp4(made, Duration.ofMinutes(5), 8 * 1024, System.nanoTime()), "现场.mp4")
			.expectStatus().isCreated().expectBody(AccessApi.Created.class).returnResult().getResponseBody().id();
		var requestId = Api.approvedAccess(port, "chen.jing", "liu.yang", caseId);
		var created = Api.as(port, "chen.jing").post().uri("/api/v1/evidence-packages")
			.contentType(MediaType.APPLICATION_JSON)
			.body(AccessApi.PackageOrder.wholeCase("COURT", "东阳市人民法院", "证明现场检查情况", caseId))
			.exchange().expectStatus().isCreated().expectBody(AccessApi.PackageView.class).returnResult()
			.getResponseBody();
		return new Made(caseId, recordingId, requestId, created.id(), created);
	}

	private int content(String who, String packageId) {
		return Api.as(port, who).get().uri("/api/v1/evidence-packages/{id}/content", packageId).exchange()
			.returnResult(byte[].class).getStatus().value();
	}

	private int pageDownload(String who, String packageId) {
		return Api.as(port, who).get().uri("/packages/{id}/download", packageId).exchange()
			.returnResult(byte[].class).getStatus().value();
	}

	private long refusals(String who, String packageId) {
		return jdbc.sql("select count(*) from audit_entry where subject_type = 'PACKAGE' and subject_id = ? "
				+ "and actor = ? and action = 'PACKAGE_DOWNLOADED' and outcome = 'REFUSED'").params(packageId, who)
			.query(Long.class).single();
	}

	@Test
	@DisplayName("ART-19, ART-20: once the clerk's grant is revoked, the package is 404 on the API and the page, "
			+ "like one that does not exist, and the attempt is logged")
	void revokedGrantEndsThePackage() {
		var made = packageOfANewCase();
		assertThat(content("chen.jing", made.packageId())).isEqualTo(200);

		Api.as(port, "chen.jing").post().uri("/api/v1/access-requests/{id}/revocation", made.requestId())
			.contentType(MediaType.APPLICATION_JSON).body(new AccessApi.Revocation("不再需要")).exchange()
			.expectStatus().is2xxSuccessful();

		assertThat(content("chen.jing", made.packageId())).isEqualTo(404);
		assertThat(pageDownload("chen.jing", made.packageId())).isEqualTo(404);
		assertThat(content("chen.jing", java.util.UUID.randomUUID().toString())).isEqualTo(404);
		await().atMost(Duration.ofSeconds(10)).until(() -> refusals("chen.jing", made.packageId()) >= 2);
		// a new grant opens it again: the package rests on grants, not on who once had one
		Api.approvedAccess(port, "chen.jing", "liu.yang", made.caseId());
		assertThat(content("chen.jing", made.packageId())).isEqualTo(200);
	}

	@Test
	@DisplayName("ART-19, ART-20: a package expires with the grants it rests on, and is 404 after")
	void packageExpires() {
		var made = packageOfANewCase();
		var grantEnd = Api.as(port, "chen.jing").get()
			.uri("/api/v1/access-requests/{id}", made.requestId()).exchange()
			.expectBody(AccessApi.AccessRequestView.class).returnResult().getResponseBody().grantedUntil();
		assertThat(made.view().expiresAt()).as("the package says when it expires").isNotNull();
		var expiresAt = made.view().expiresAt().toInstant();
		assertThat(expiresAt).isEqualTo(grantEnd.toInstant());

		clock.advance(Duration.between(Instant.now(), expiresAt).plusMinutes(1));
		assertThat(content("chen.jing", made.packageId())).isEqualTo(404);
	}

	@Test
	@DisplayName("ART-19, ART-20: the administrator gets no package and no record content: 403 as administrator, 404 "
			+ "even holding LEGAL_AFFAIRS and a grant; another legal affairs clerk gets 404 for a package not theirs")
	void onlyTheMakerDownloads() {
		var made = packageOfANewCase();
		assertThat(content("admin", made.packageId())).isEqualTo(403);
		assertThat(pageDownload("admin", made.packageId())).isEqualTo(403);
		var admin = jdbc.sql("select id from staff_member where username = 'admin'").query(java.util.UUID.class).single();
		var deputy = jdbc.sql("select id from staff_member where username = 'he.jun'").query(java.util.UUID.class)
			.single();
		try {
			for (var id : List.of(admin, deputy)) {
				jdbc.sql("insert into staff_role (staff_id, role) values (?, 'LEGAL_AFFAIRS')").param(id).update();
			}
			// the administrator holding LEGAL_AFFAIRS and an approved grant still gets neither package nor record
			Api.approvedAccess(port, "admin", "sun.li", made.caseId());
			assertThat(content("admin", made.packageId())).isEqualTo(404);
			Api.as(port, "admin").get().uri("/api/v1/recordings/{id}/content", made.recordingId()).exchange()
				.expectStatus().isNotFound();
			assertThat(content("he.jun", made.packageId())).isEqualTo(404);
			// nor may the administrator make one
			Api.as(port, "admin").post().uri("/api/v1/evidence-packages").contentType(MediaType.APPLICATION_JSON)
				.body(AccessApi.PackageOrder.wholeCase("COURT", "东阳市人民法院", "x", made.caseId()))
				.exchange().expectStatus().isForbidden();
			assertThat(content("chen.jing", made.packageId())).isEqualTo(200);
		}
		finally {
			for (var id : List.of(admin, deputy)) {
				jdbc.sql("delete from staff_role where staff_id = ? and role = 'LEGAL_AFFAIRS'").param(id).update();
			}
		}
	}
}
