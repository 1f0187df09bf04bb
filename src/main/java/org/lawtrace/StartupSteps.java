package org.lawtrace;

import java.time.Duration;
import java.util.Comparator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;

/**
 * Where a start spends its time (issue 16): with the system property or environment variable
 * {@code LAWTRACE_STARTUP_STEPS} set to a number N, Spring's start-up steps are recorded
 * ({@link BufferingApplicationStartup}) and, once the application is ready, the N longest are logged (a bean's step
 * includes the beans it made on the way). Off by default: recording costs a little.
 */
final class StartupSteps {

	private static final Logger LOG = LoggerFactory.getLogger(StartupSteps.class);

	private StartupSteps() {
	}

	static void recordIfAsked(SpringApplication application) {
		var asked = System.getProperty("LAWTRACE_STARTUP_STEPS", System.getenv("LAWTRACE_STARTUP_STEPS"));
		if (asked == null || asked.isBlank()) {
			return;
		}
		var longest = Integer.parseInt(asked.trim());
		var startup = new BufferingApplicationStartup(20_000);
		application.setApplicationStartup(startup);
		application.addListeners(event -> {
			if (event instanceof ApplicationReadyEvent) {
				log(startup.getBufferedTimeline(), longest);
			}
		});
	}

	private static void log(StartupTimeline timeline, int longest) {
		var lines = new StringBuilder();
		timeline.getEvents().stream()
			.sorted(Comparator.comparing(StartupTimeline.TimelineEvent::getDuration).reversed())
			.limit(longest)
			.forEach(e -> {
				lines.append(String.format("%n%7d ms  %s", e.getDuration().toMillis(), e.getStartupStep().getName()));
				e.getStartupStep().getTags().forEach(t -> lines.append(' ').append(t.getKey()).append('=')
					.append(t.getValue()));
			});
		var total = timeline.getEvents().stream().map(StartupTimeline.TimelineEvent::getEndTime).max(Comparator
			.naturalOrder()).map(end -> Duration.between(timeline.getStartTime(), end)).orElse(Duration.ZERO);
		LOG.info("Start-up: {} steps over {} ms; the {} longest:{}", timeline.getEvents().size(), total.toMillis(),
				longest, lines);
	}
}
