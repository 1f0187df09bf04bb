package org.lawtrace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Which real database the integration tests run against: an H2 file database under a fresh data directory
 * (default), or PostgreSQL in a freshly created schema, chosen by the system property
 * {@code lawtrace.test.database} (failsafe runs the suite once with each).
 */
public final class TestDatabase {

	/** Per test JVM, so builds running side by side (worktrees, CI and a developer) never drop each other's. */
	public static final String SCHEMA = schema("lawtrace_it");
	private static final java.util.Set<String> CREATED = java.util.concurrent.ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> CREATED.forEach(TestDatabase::dropQuietly)));
	}

	/** A schema name of this test JVM's own. */
	public static String schema(String base) {
		return base + "_" + ProcessHandle.current().pid();
	}

	private TestDatabase() {
	}

	public static boolean postgres() {
		return "postgresql".equals(System.getProperty("lawtrace.test.database", "h2"));
	}

	public static String pgUrl() {
		return env("LAWTRACE_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
	}

	public static String pgUser() {
		return env("LAWTRACE_TEST_PG_USER", "postgres");
	}

	public static String pgPassword() {
		return env("LAWTRACE_TEST_PG_PASSWORD", "");
	}

	/** Whether tests must run everything: under CI a missing database or browser is a failure, not a skip. */
	public static boolean underCi() {
		return "true".equalsIgnoreCase(System.getenv("CI"));
	}

	/** Properties that point a LawTrace instance at a fresh data directory and a fresh database. */
	public static Map<String, String> freshProperties(String schema) {
		var props = new HashMap<String, String>();
		Path dataDir;
		try {
			dataDir = Files.createTempDirectory("lawtrace-it-");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		props.put("lawtrace.data-dir", dataDir.toString());
		if (postgres()) {
			recreateSchema(schema);
			props.put("spring.datasource.url", pgUrl() + (pgUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema);
			props.put("spring.datasource.username", pgUser());
			props.put("spring.datasource.password", pgPassword());
			// the test JVMs keep a dozen contexts each and run two at a time (pom.xml), beside packaged-jar servers: a
			// context's pool opens connections as its tests need them and gives idle ones back, so together they stay
			// within the server's max_connections (100 by default)
			props.put("spring.datasource.hikari.minimum-idle", "1");
			props.put("spring.datasource.hikari.idle-timeout", "10000");
		}
		return props;
	}

	public static void recreateSchema(String schema) {
		try (var connection = DriverManager.getConnection(pgUrl(), pgUser(), pgPassword());
				var statement = connection.createStatement()) {
			statement.execute("drop schema if exists " + schema + " cascade");
			statement.execute("create schema " + schema);
			CREATED.add(schema);
		}
		catch (SQLException e) {
			throw new IllegalStateException("Cannot prepare PostgreSQL schema " + schema + " at " + pgUrl(), e);
		}
	}

	private static void dropQuietly(String schema) {
		try (var connection = DriverManager.getConnection(pgUrl(), pgUser(), pgPassword());
				var statement = connection.createStatement()) {
			statement.execute("drop schema if exists " + schema + " cascade");
		}
		catch (SQLException e) {
			// a leftover schema is only untidy; the next run of the same pid would recreate it
		}
	}

	/** Why PostgreSQL cannot be used, or {@code null} if it can. */
	public static String postgresUnavailable() {
		try (var connection = DriverManager.getConnection(pgUrl(), pgUser(), pgPassword())) {
			return null;
		}
		catch (SQLException e) {
			return "PostgreSQL is not reachable at " + pgUrl() + " as " + pgUser() + " (" + e.getMessage()
					+ "); set LAWTRACE_TEST_PG_URL / LAWTRACE_TEST_PG_USER or start it";
		}
	}

	private static String env(String name, String fallback) {
		var value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}
}
