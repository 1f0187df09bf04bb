package org.lawtrace.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ART-15.1: on embedded H2 a commit reaches the database file only up to half a second later (MVStore's write delay);
 * what {@link DatabaseDurability} has made durable is in the file at once. The file is copied while the database is
 * open, as a kill would leave it, and the copy is opened on its own.
 */
class DatabaseDurabilityUnitTests {

	@TempDir
	Path directory;

	@Test
	@DisplayName("ART-15.1 on embedded H2 a commit made durable is in the database file at once")
	void aCommitMadeDurableIsInTheFileAtOnce() throws Exception {
		var database = h2(directory.resolve("live"));
		var durable = new DatabaseDurability(database, false);
		try (var connection = database.getConnection(); var statement = connection.createStatement()) {
			statement.execute("create table acknowledged (id int primary key)");
			durable.awaitDurable();
			for (var id = 0; id < 5; id++) {
				statement.execute("insert into acknowledged values (" + id + ")");
				durable.awaitDurable();

				assertThat(rowsInACopyOfTheFile(id)).isEqualTo(id + 1);
			}
		}
	}

	@Test
	@DisplayName("ART-15.1 uploads finishing together share syncs and all return")
	void concurrentCallersAllReturn() throws Exception {
		var database = h2(directory.resolve("shared"));
		var durable = new DatabaseDurability(database, false);
		var pool = Executors.newFixedThreadPool(8);
		try {
			var done = new ArrayList<Future<?>>();
			for (var i = 0; i < 64; i++) {
				done.add(pool.submit(durable::awaitDurable));
			}
			for (var each : done) {
				each.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private int rowsInACopyOfTheFile(int round) throws Exception {
		var copy = directory.resolve("copy-" + round);
		Files.createDirectories(copy);
		Files.copy(directory.resolve("live").resolve("db.mv.db"), copy.resolve("db.mv.db"));
		try (var connection = DriverManager.getConnection("jdbc:h2:file:" + copy.resolve("db"), "sa", "");
				var result = connection.createStatement().executeQuery("select count(*) from acknowledged")) {
			result.next();
			return result.getInt(1);
		}
	}

	private static JdbcDataSource h2(Path folder) {
		var source = new JdbcDataSource();
		source.setURL("jdbc:h2:file:" + folder.resolve("db"));
		source.setUser("sa");
		source.setPassword("");
		return source;
	}
}
