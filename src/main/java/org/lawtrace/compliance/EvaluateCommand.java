package org.lawtrace.compliance;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

import org.lawtrace.shared.CommandContext;

/**
 * {@code evaluate-compliance}: judges every case of the database the server would use (same settings, no demo)
 * against the rule pack in force, prints what the run did, and exits 0; 2 when it could not run. It runs in a
 * {@link org.lawtrace.shared.CommandContext}; the server's start-up reconciliation of the store and its background
 * filling of the projection are left out.
 */
public final class EvaluateCommand {

	private EvaluateCommand() {
	}

	public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
		try (var context = CommandContext.start(application, "evaluate-compliance",
				// start-up work a server does that this run neither needs nor reports
				Map.of("lawtrace.storage.reconcile-at-start", "false", "lawtrace.compliance.fill-projection-at-start",
						"false"),
				args)) {
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
