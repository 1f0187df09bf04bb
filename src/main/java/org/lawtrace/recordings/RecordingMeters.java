package org.lawtrace.recordings;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The recordings' operational metrics (issue 16, on {@code /actuator/prometheus}): uploads and their bytes by channel,
 * playback requests and bytes, open viewings. Counts only: no recording, person or case is named.
 */
@Component
class RecordingMeters {

	private final MeterRegistry registry;

	RecordingMeters(MeterRegistry registry, PlaybackViewings viewings) {
		this.registry = registry;
		FunctionCounter.builder("lawtrace.playback.requests", viewings, PlaybackViewings::requests)
			.description("Content requests served to players (whole files and ranges)").register(registry);
		FunctionCounter.builder("lawtrace.playback.bytes", viewings, PlaybackViewings::bytes).baseUnit("bytes")
			.description("Bytes of originals served to players").register(registry);
		Gauge.builder("lawtrace.playback.viewings", viewings, PlaybackViewings::open)
			.description("Viewings open on this instance").register(registry);
	}

	@ApplicationModuleListener
	void on(RecordingIngested e) {
		Counter.builder("lawtrace.uploads").description("Recordings stored").tag("channel", e.channel().name())
			.register(registry).increment();
		DistributionSummary.builder("lawtrace.upload.bytes").baseUnit("bytes").description("Sizes of recordings stored")
			.tag("channel", e.channel().name()).register(registry).record(e.digest().sizeBytes());
	}
}
