package org.lawtrace;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The training run of the start cache (issue 16, ADR 0031): with {@code lawtrace.training-run=true} the server starts
 * as in service, and once it is ready asks itself for its readiness and sign-in page, then stops gracefully, so the
 * JVM writes a cache ({@code -XX:AOTCacheOutput}, {@code -XX:ArchiveClassesAtExit}) of everything a start does up to
 * its first answers. Stopping straight after the context refresh ({@code -Dspring.context.exit=onRefresh}) left out
 * what runs once the application is ready (the audit key, the scheduled clean-ups, the metrics' JMX server) and the
 * first request, which then loaded their classes from the jars at every start.
 */
final class TrainingRun implements ApplicationListener<AvailabilityChangeEvent<?>> {

	private static final Logger LOG = LoggerFactory.getLogger(TrainingRun.class);
	private static final String SETTING = "lawtrace.training-run";

	private final ConfigurableApplicationContext context;

	private TrainingRun(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/** Adds the training run's listener when the setting asks for one. */
	static void addIfAsked(SpringApplication application) {
		application.addInitializers(context -> {
			if (context.getEnvironment().getProperty(SETTING, Boolean.class, false)) {
				context.addApplicationListener(new TrainingRun(context));
			}
		});
	}

	@Override
	public void onApplicationEvent(AvailabilityChangeEvent<?> event) {
		if (event.getState() != ReadinessState.ACCEPTING_TRAFFIC) {
			return;
		}
		var thread = new Thread(this::askThenStop, "training-run");
		thread.start();
	}

	private void askThenStop() {
		var environment = context.getEnvironment();
		var base = "http://127.0.0.1:" + environment.getProperty("local.server.port");
		var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		try {
			for (var path : new String[] { "/actuator/health/readiness", "/login" }) {
				var answer = client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
					.build(), HttpResponse.BodyHandlers.discarding());
				LOG.info("Training run: {} answered {}", path, answer.statusCode());
			}
		}
		catch (IOException e) {
			LOG.warn("Training run: the server did not answer ({}); stopping all the same", e.getMessage());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		System.exit(SpringApplication.exit(context));
	}
}
