package org.lawtrace.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lawtrace.RunsBesideOtherTests;
import org.lawtrace.Api;
import org.lawtrace.PackagedJar;
import org.lawtrace.Patience;
import org.lawtrace.RealDatabaseAvailable;

/**
 * ART-22, issue 12: the packaged jar has each checkpoint's signature timestamped (RFC 3161) by a real TSA over HTTP
 * started in the test ({@link TestTsa}); a TSA that is down loses and holds up no checkpoint, its anchors are listed as
 * untimestamped by {@code verify-log} and timestamped once it is back, and a tampered token is named.
 */
@RunsBesideOtherTests
@ExtendWith(RealDatabaseAvailable.class)
class AuditTimestampIntegrationTests {

	@TempDir
	Path folder;

	@Test
	@DisplayName("ART-22, issue 12: with the TSA down the checkpoints are still anchored and verify-log lists them as "
			+ "untimestamped; once it is back they are timestamped; a tampered or swapped token is named")
	void checkpointsAreTimestampedAndTokensChecked() throws Exception {
		try (var tsa = TestTsa.start()) {
			tsa.mode(TestTsa.Mode.DOWN);
			var server = PackagedJar.fresh("lawtrace_timestamps").settings("--lawtrace.audit.tsa-url=" + tsa.url(),
					"--lawtrace.audit.tsa-certificate=" + tsa.certificatePem(folder),
					"--lawtrace.audit.tsa-retry=PT1S", "--lawtrace.audit.checkpoint-interval=PT2S");
			var anchors = server.dataDir().resolve("store").resolve("anchors");
			server.start();
			try {
				var port = server.port();
				for (var i = 0; i < 3; i++) {
					Api.as(port, "nobody.tsa" + i, "wrong").get().uri("/api/v1/cases").exchange().expectStatus()
						.isUnauthorized();
				}
				// the checkpoint asked for is signed and anchored at once, TSA or not
				Api.as(port, "zhou.tao").post().uri("/api/v1/audit/checkpoints").exchange().expectStatus().isCreated();
			}
			finally {
				server.stop();
			}
			assertThat(list(anchors, "audit-log-")).hasSizeGreaterThanOrEqualTo(2);
			assertThat(list(anchors, "audit-timestamp-")).isEmpty();
			assertThat(server.log()).contains("is not timestamped: the TSA " + tsa.url() + " answered HTTP 503");
			var whileDown = server.command("verify-log");
			var sizes = list(anchors, "audit-log-").stream().map(p -> Anchor.sizeOf(p.getFileName().toString()))
				.map(String::valueOf).toList();
			assertThat(whileDown.output()).contains("OK: ")
				.contains("; 0 of " + sizes.size() + " anchors timestamped (RFC 3161), " + sizes.size()
						+ " untimestamped (TSA unreachable so far, retried): sizes " + String.join(", ", sizes));
			assertThat(whileDown.exitCode()).isZero();

			// the TSA is back: the next start asks again for every anchor left without a token, and new ones get theirs
			tsa.mode(TestTsa.Mode.UP);
			server.start();
			try {
				await().atMost(Patience.of(Duration.ofSeconds(30))).pollInterval(Duration.ofMillis(200))
					.until(() -> list(anchors, "audit-timestamp-").size() >= sizes.size());
				Api.as(server.port(), "nobody.tsa", "wrong").get().uri("/api/v1/cases").exchange().expectStatus()
					.isUnauthorized();
			}
			finally {
				server.stop();
			}
			var all = list(anchors, "audit-log-");
			// the anchor written at the graceful stop is timestamped before the stop ends
			assertThat(list(anchors, "audit-timestamp-")).hasSameSizeAs(all);
			var back = server.command("verify-log");
			assertThat(back.output()).contains("OK: ")
				.contains("; " + all.size() + " of " + all.size() + " anchors timestamped (RFC 3161)")
				.doesNotContain("untimestamped");
			assertThat(back.exitCode()).isZero();

			// a token altered in the store, and another anchor's token put in place of one, are each named
			var tokens = list(anchors, "audit-timestamp-");
			var first = tokens.get(0);
			var second = tokens.get(1);
			var firstGenuine = Files.readAllBytes(first);
			var secondGenuine = Files.readAllBytes(second);
			var altered = firstGenuine.clone();
			altered[altered.length - 1] ^= 1;
			replace(first, altered);
			replace(second, firstGenuine);
			var tampered = server.command("verify-log");
			var firstSize = Anchor.sizeOf(all.get(0).getFileName().toString());
			var secondSize = Anchor.sizeOf(all.get(1).getFileName().toString());
			assertThat(tampered.output()).contains("FAILED")
				.contains("TIMESTAMP_INVALID the RFC 3161 timestamp of the anchor at size " + firstSize + " ("
						+ first.getFileName() + ") does not verify")
				.contains("TIMESTAMP_INVALID the RFC 3161 timestamp of the anchor at size " + secondSize + " ("
						+ second.getFileName() + ") timestamps something else");
			assertThat(tampered.exitCode()).isEqualTo(1);
			replace(first, firstGenuine);
			replace(second, secondGenuine);
			assertThat(server.command("verify-log").exitCode()).isZero();
		}
	}

	private static List<Path> list(Path folder, String prefix) throws Exception {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (var files = Files.list(folder)) {
			return files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().toList();
		}
	}

	private static void replace(Path file, byte[] content) throws Exception {
		Files.delete(file);
		Files.write(file, content);
	}
}
