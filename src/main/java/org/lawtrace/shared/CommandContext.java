package org.lawtrace.shared;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The application context a command line run ({@code verify-log}, {@code verify-records}, {@code evaluate-compliance},
 * {@code check-fixity}) works in: the same settings and database the server would use, but no listening server, no
 * demo bureau, and beans made only when the command's work asks for them, so a command starts in the time its own
 * dependencies take rather than the whole platform's (issue 17: a command's start is most of a short run, and the
 * packaged-jar tests run many). Migrations still run first (Flyway precedes every JDBC user). Scheduled jobs and
 * start-up work of beans the command does not touch are not run, which is what a command wants: it must not, for
 * instance, copy blobs to the replica or take the cluster's job locks.
 */
public final class CommandContext {

	private CommandContext() {
	}

	/**
	 * Starts the context for command {@code name}; {@code overrides} lie above every other property source, so no
	 * setting given on the command line can, say, make a verification seed a demo.
	 */
	public static ConfigurableApplicationContext start(Class<?> application, String name, Map<String, String> overrides,
			String[] args) {
		var fixed = new HashMap<String, Object>(overrides);
		// the web context is kept (security and upload beans are built for one) without a listening server
		fixed.put("server.port", "-1");
		fixed.put("lawtrace.demo", "false");
		fixed.put("spring.main.lazy-initialization", "true");
		return new SpringApplicationBuilder(application)
			.properties("spring.main.banner-mode=off", "logging.level.root=ERROR")
			.initializers(starting -> starting.getEnvironment().getPropertySources()
				.addFirst(new MapPropertySource(name, fixed)))
			.logStartupInfo(false)
			.run(args);
	}
}
