package org.lawtrace.storage;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

import org.lawtrace.shared.CommandContext;

/**
 * {@code check-fixity}: one run of the fixity audit over the store and database the server would use (same settings,
 * no demo), with the run's budget from the settings ({@code read-rate × every}) or {@code --budget=<bytes>}; prints
 * what it checked, how fast, and exits 0 when every copy it checked passed or was repaired, 1 when one stays bad, 2
 * when it could not run. For a check on demand, and for the fixity benchmark.
 */
public final class FixityCommand {

	private FixityCommand() {
	}

	public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
		Long budget = null;
		var rest = new java.util.ArrayList<String>();
		for (var arg : args) {
			if (arg.startsWith("--budget=")) {
				budget = Long.parseLong(arg.substring("--budget=".length()));
			}
			else {
				rest.add(arg);
			}
		}
		try (var context = CommandContext.start(application, "check-fixity",
				Map.of("lawtrace.storage.fixity.enabled", "false"), rest.toArray(String[]::new))) {
			var audits = context.getBean(FixityAudits.class);
			var run = budget == null ? audits.run() : audits.run(budget);
			var seconds = Math.max(1, run.millis()) / 1000.0;
			out.println(String.format(Locale.ROOT,
					"%s: %d copies checked, %d bytes read in %.3f s (%.1f MiB/s), %d found bad, %d repaired",
					run.failed() > run.repaired() ? "FAILED" : "OK", run.checked(), run.bytesRead(), seconds,
					run.bytesRead() / 1048576.0 / seconds, run.failed(), run.repaired()));
			return run.failed() > run.repaired() ? 1 : 0;
		}
		catch (RuntimeException e) {
			err.println("check-fixity could not run: " + e.getMessage());
			return 2;
		}
	}
}
