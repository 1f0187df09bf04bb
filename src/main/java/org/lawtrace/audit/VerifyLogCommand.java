package org.lawtrace.audit;

import java.io.PrintStream;
import java.util.Map;

import org.lawtrace.shared.CommandContext;

/**
 * {@code verify-log}: recomputes the audit log of the database the server would use (same settings, no demo) and
 * exits 0 when it verifies, 1 when it does not, in a {@link CommandContext}.
 */
public final class VerifyLogCommand {

	private VerifyLogCommand() {
	}

	public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
		try (var context = CommandContext.start(application, "verify-log",
				Map.of("lawtrace.audit.verify-only", "true"), args)) {
			var verification = context.getBean(AuditLog.class).verify();
			out.println(verification.report());
			return verification.holds() ? 0 : 1;
		}
		catch (RuntimeException e) {
			err.println("verify-log could not read the log: " + e.getMessage());
			return 2;
		}
	}
}
