package org.lawtrace.audit;

import java.io.PrintStream;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code verify-log}: recomputes the audit log of the database the server would use (same settings, no demo) and
 * exits 0 when it verifies, 1 when it does not. The web context is kept, since security and upload beans are built
 * for it, but {@code server.port=-1} leaves it without a listening server.
 */
public final class VerifyLogCommand {

	private VerifyLogCommand() {
	}

	public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
		try (var context = new SpringApplicationBuilder(application)
			.properties("spring.main.banner-mode=off", "logging.level.root=ERROR")
			// above every other source, so no setting can make a verification listen on a port or seed a demo
			.initializers(starting -> starting.getEnvironment().getPropertySources().addFirst(new MapPropertySource(
					"verify-log", Map.of("server.port", "-1", "lawtrace.demo", "false",
							"lawtrace.audit.verify-only", "true"))))
			.logStartupInfo(false)
			.run(args)) {
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
