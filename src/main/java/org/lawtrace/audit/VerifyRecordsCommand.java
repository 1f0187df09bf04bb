package org.lawtrace.audit;

import java.io.PrintStream;
import java.util.Map;

import org.lawtrace.shared.CommandContext;

/**
 * {@code verify-records}: checks every recording's and document's rows in the database the server would use (same
 * settings, no demo) against what the audit log says of them (ART-22, issue 12), prints every row that differs and
 * exits 0 when none does, 1 when some do, 2 when it could not read. Like {@code verify-log} it only reads, in a
 * {@link CommandContext}.
 */
public final class VerifyRecordsCommand {

	private VerifyRecordsCommand() {
	}

	public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
		try (var context = CommandContext.start(application, "verify-records",
				Map.of("lawtrace.audit.verify-only", "true"), args)) {
			var verification = context.getBean(RecordsVerifier.class).verify();
			out.println(verification.report());
			return verification.clean() ? 0 : 1;
		}
		catch (RuntimeException e) {
			err.println("verify-records could not read the records or the log: " + e.getMessage());
			return 2;
		}
	}
}
