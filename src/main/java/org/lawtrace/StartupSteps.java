package org.lawtrace;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

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
		var events = timeline.getEvents();
		// a step's own time: its duration less its children's, so a bean that only waited for others ranks low
		var children = new HashMap<Long, Duration>();
		events.forEach(e -> {
			var parent = e.getStartupStep().getParentId();
			if (parent != null) {
				children.merge(parent, e.getDuration(), Duration::plus);
			}
		});
		var lines = new StringBuilder();
		events.stream()
			.sorted(Comparator.comparing(StartupTimeline.TimelineEvent::getDuration).reversed())
			.limit(longest)
			.forEach(e -> line(lines, e, e.getDuration()));
		lines.append(String.format("%n  the %d with the longest own time (less their steps inside):", longest));
		events.stream()
			.map(e -> Map.entry(e, e.getDuration().minus(children.getOrDefault(e.getStartupStep().getId(),
					Duration.ZERO))))
			.sorted(Map.Entry.<StartupTimeline.TimelineEvent, Duration>comparingByValue().reversed())
			.limit(longest)
			.forEach(entry -> line(lines, entry.getKey(), entry.getValue()));
		var total = events.stream().map(StartupTimeline.TimelineEvent::getEndTime).max(Comparator
			.naturalOrder()).map(end -> Duration.between(timeline.getStartTime(), end)).orElse(Duration.ZERO);
		LOG.info("Start-up: {} steps over {} ms; the {} longest:{}", events.size(), total.toMillis(), longest, lines);
	}

	private static void line(StringBuilder lines, StartupTimeline.TimelineEvent event, Duration duration) {
		lines.append(String.format("%n%7d ms  %s", duration.toMillis(), event.getStartupStep().getName()));
		event.getStartupStep().getTags().forEach(t -> lines.append(' ').append(t.getKey()).append('=')
			.append(t.getValue()));
	}
}
