package org.lawtrace.compliance;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code evaluate-compliance}: judges every case of the database the server would use (same settings, no demo)
 * against the rule pack in force, prints what the run did, and exits 0; 2 when it could not run. Like
 * {@code verify-log}, the web context is built without a listening port; the server's start-up reconciliation of the
 * store and its background filling of the projection are left out.
 */
public final class EvaluateCommand {

	private EvaluateCommand() {
	}

	public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
		try (var context = new SpringApplicationBuilder(application)
			.properties("spring.main.banner-mode=off", "logging.level.root=ERROR")
			.initializers(starting -> starting.getEnvironment().getPropertySources().addFirst(new MapPropertySource(
					"evaluate-compliance", Map.of("server.port", "-1", "lawtrace.demo", "false",
							// start-up work a server does that this run neither needs nor reports
							"lawtrace.storage.reconcile-at-start", "false",
							"lawtrace.compliance.fill-projection-at-start", "false"))))
			.logStartupInfo(false)
			.run(args)) {
			var run = context.getBean(ComplianceEvaluation.class).evaluateAll();
			out.println(String.format(Locale.ROOT,
					"OK: %d cases judged under rule pack %s in %d ms (%.0f cases/s): %d findings opened, %d re-judged, "
							+ "%d resolved",
					run.cases(), run.rulePackVersion(), run.millis(), run.casesPerSecond(), run.opened(), run.rejudged(),
					run.resolved()));
			return 0;
		}
		catch (RuntimeException e) {
			err.println("evaluate-compliance could not run: " + e.getMessage());
			return 2;
		}
	}
}
