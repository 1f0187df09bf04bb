package org.lawtrace.recordings;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ContentPassesUnitTests {

	@Test
	@DisplayName("ART-20 (ADR 0022, issue 16): an access decision cannot be set to be kept beyond five seconds, the "
			+ "bound within which a revocation on another instance of a cluster holds on this one")
	void anAccessCacheBeyondTheClusterBoundIsRefusedAtStart() {
		assertThatThrownBy(() -> new ContentPasses(null, null, Duration.ofSeconds(6)))
			.isInstanceOf(IllegalStateException.class).hasMessageContaining("lawtrace.playback.access-cache");
		assertThatThrownBy(() -> new ContentPasses(null, null, Duration.ofSeconds(-1)))
			.isInstanceOf(IllegalStateException.class);
		assertThatCode(() -> new ContentPasses(null, null, Duration.ofSeconds(5))).doesNotThrowAnyException();
		assertThatCode(() -> new ContentPasses(null, null, Duration.ZERO)).doesNotThrowAnyException();
	}
}
