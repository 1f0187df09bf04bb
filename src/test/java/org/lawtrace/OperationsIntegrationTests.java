package org.lawtrace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.recordings.Media;
import org.lawtrace.recordings.RecordingApi.RecordingView;
import org.lawtrace.recordings.RecordingApi.UploadMetadata;
import org.lawtrace.recordings.Uploads;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Operations (issue 16): Prometheus metrics to the administrator only (ADR 0023), liveness and readiness (the
 * database and the store) open to the load balancer, nothing else of the actuator open to anyone.
 */
@LawTraceIntegrationTest
class OperationsIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	@DisplayName("issue 16: the administrator scrapes uploads, bytes, playback, queues, the audit checkpoint's age and JVM metrics")
	void theAdministratorScrapesTheMetrics() {
		var bytes = Media.mp4(Instant.now().minusSeconds(600), Duration.ofMinutes(1), 4096, System.nanoTime());
		var id = Uploads.upload(Api.as(port, "zhang.wei"), UploadMetadata.by("zhang.wei"), bytes, "metrics.mp4")
			.expectStatus().isCreated().returnResult(RecordingView.class).getResponseBody().id();
		Api.as(port, "zhang.wei").get().uri("/api/v1/recordings/{id}/content", id).header("Range", "bytes=0-99")
			.exchange().expectStatus().isEqualTo(206);

		var scraped = Api.as(port, "admin").get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(scraped).contains("lawtrace_playback_requests_total", "lawtrace_playback_bytes_total",
				"lawtrace_playback_viewings", "lawtrace_audit_checkpoint_age_seconds", "lawtrace_replication_pending",
				"lawtrace_fixity_due", "lawtrace_fixity_known_bad", "jvm_memory_used_bytes", "executor_queued_tasks");
		await(() -> assertThat(Api.as(port, "admin").get().uri("/actuator/prometheus").exchange()
			.expectBody(String.class).returnResult().getResponseBody())
			.contains("lawtrace_uploads_total{application=\"lawtrace\",channel=\"UPLOAD\"}", "lawtrace_upload_bytes_sum"));
		// counts only: no recording, person or case
		assertThat(scraped).doesNotContain(id, "zhang.wei");
	}

	@Test
	@DisplayName("ADR 0023: metrics are denied to everyone but the administrator, and the rest of the actuator to all")
	void metricsAreTheAdministratorsOnly() {
		Api.as(port, "zhang.wei").get().uri("/actuator/prometheus").exchange().expectStatus().isForbidden();
		Api.as(port, "sun.li").get().uri("/actuator/prometheus").exchange().expectStatus().isForbidden();
		// unsigned: asked to sign in (401 to a client, the sign-in page to a browser), never the metrics
		Api.anonymous(port).get().uri("/actuator/prometheus").exchange().expectStatus()
			.value(status -> assertThat(status).isIn(401, 302));
		Api.as(port, "admin").get().uri("/actuator/env").exchange().expectStatus().isForbidden();
		Api.as(port, "admin").get().uri("/actuator/beans").exchange().expectStatus().isForbidden();
	}

	@Test
	@DisplayName("issue 16: liveness and readiness (database and store) answer the load balancer without sign-in, no details")
	void probesAnswerWithoutSignIn() {
		Api.anonymous(port).get().uri("/actuator/health/liveness").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("UP").jsonPath("$.components").doesNotExist();
		Api.anonymous(port).get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("UP").jsonPath("$.components").doesNotExist();
	}

	private static void await(org.awaitility.core.ThrowingRunnable assertion) {
		org.awaitility.Awaitility.await().atMost(Patience.of(Duration.ofSeconds(20))).untilAsserted(assertion);
	}
}
