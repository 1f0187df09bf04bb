package org.lawtrace.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

import org.lawtrace.shared.DurableCommits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What the database promises about a commit, and what LawTrace adds so that an acknowledgement means "on disk".
 * <ul>
 * <li>PostgreSQL writes and fsyncs its WAL before a commit returns, provided {@code fsync} is on and
 * {@code synchronous_commit} is not {@code off}; start-up refuses a database where either is off, unless
 * {@code lawtrace.durability.allow-unsafe-database=true} (then it warns at every start).</li>
 * <li>Embedded H2 (MVStore) keeps a commit in memory; a background thread writes it into the file after up to
 * {@code WRITE_DELAY} (500 ms) and never fsyncs it. H2 promises no durability against a power cut (its documentation,
 * "Durability Problems"), and its own {@code CHECKPOINT SYNC} is not a barrier either: when the background writer
 * has just taken the pending changes, the checkpoint finds nothing to store and forces the file while that writer's
 * chunk still waits in H2's save queue. A simulated power cut (LazyFS dropping unsynced writes after each
 * {@code kill -9}, bench/crash-durability.sh) lost 1 acknowledged upload in 50 that way. So the barrier here goes to
 * the MVStore itself: {@code commit()} stores whatever is still unsaved, then
 * {@code executeFilestoreOperation} waits until every chunk queued before it is written and, under the store's
 * lock, forces the file. MVStore chunks carry checksums and the store opens at the newest whole one, so what was
 * forced survives a kill and a power cut. Callers that finish together share one such sync (group commit).</li>
 * </ul>
 */
@Component
class DatabaseDurability implements DurableCommits {

	private static final Logger log = LoggerFactory.getLogger(DatabaseDurability.class);

	private final DataSource database;
	private final boolean allowUnsafe;
	private final Object lock = new Object();
	private volatile Boolean embedded;
	private long requested;
	private long done;
	private boolean syncing;

	DatabaseDurability(DataSource database,
			@Value("${lawtrace.durability.allow-unsafe-database:false}") boolean allowUnsafe) {
		this.database = database;
		this.allowUnsafe = allowUnsafe;
	}

	@Override
	public void awaitDurable() {
		if (!embedded()) {
			return;
		}
		long ticket;
		synchronized (lock) {
			ticket = ++requested;
		}
		while (true) {
			long covers;
			synchronized (lock) {
				while (syncing && done < ticket) {
					waitQuietly();
				}
				if (done >= ticket) {
					return;
				}
				syncing = true;
				// everyone who took a ticket before this point committed before it: this one sync covers them all
				covers = requested;
			}
			var synced = false;
			try {
				sync();
				synced = true;
			}
			finally {
				synchronized (lock) {
					syncing = false;
					if (synced) {
						done = Math.max(done, covers);
					}
					lock.notifyAll();
				}
			}
		}
	}

	private void sync() {
		try (var connection = database.getConnection()) {
			forceToDisk(connection);
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not make the embedded database's commit durable", e);
		}
	}

	/**
	 * Makes everything committed on this embedded database so far survive a power cut (see the class comment for why
	 * {@code CHECKPOINT SYNC} is not enough). Uses H2's public engine classes; a unit test keeps the path working
	 * across H2 upgrades.
	 */
	static void forceToDisk(Connection connection) throws SQLException {
		var session = connection.unwrap(JdbcConnection.class).getSession();
		if (!(session instanceof SessionLocal local)) {
			throw new IllegalStateException("The embedded database is not open in this process; cannot force it to disk");
		}
		MVStore store = local.getDatabase().getStore().getMvStore();
		if (store.getFileStore() == null) {
			return; // an in-memory database has no disk to reach
		}
		// stores what no store operation has taken yet, synchronously, behind every chunk already queued
		store.commit();
		// waits for every queued chunk to be written, then forces the file while no other store operation can start
		store.executeFilestoreOperation(store::sync);
	}

	private void waitQuietly() {
		try {
			lock.wait();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for the database to reach the disk", e);
		}
	}

	private boolean embedded() {
		var known = embedded;
		if (known == null) {
			try (var connection = database.getConnection()) {
				known = isH2(connection);
			}
			catch (SQLException e) {
				throw new IllegalStateException("Cannot tell which database this is", e);
			}
			embedded = known;
		}
		return known;
	}

	private static boolean isH2(Connection connection) throws SQLException {
		return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2");
	}

	/** PostgreSQL that may lose acknowledged commits is refused: an acknowledgement would be a lie (ART-15.1). */
	@EventListener(ApplicationReadyEvent.class)
	void checkAtStart() {
		if (embedded()) {
			log.info("Embedded H2: every acknowledged upload is written and fsynced (MVStore commit, save queue drained, file forced) before its answer");
			return;
		}
		try (var connection = database.getConnection(); var statement = connection.createStatement()) {
			var product = connection.getMetaData().getDatabaseProductName();
			if (!product.toLowerCase(Locale.ROOT).contains("postgres")) {
				log.warn("Database {}: LawTrace cannot check that it makes commits durable; make sure it does", product);
				return;
			}
			var fsync = setting(statement, "fsync");
			var synchronousCommit = setting(statement, "synchronous_commit");
			if ("on".equals(fsync) && !"off".equals(synchronousCommit)) {
				log.info("PostgreSQL: fsync={}, synchronous_commit={}: an acknowledged commit is on disk", fsync,
						synchronousCommit);
				return;
			}
			var problem = "PostgreSQL runs with fsync=" + fsync + ", synchronous_commit=" + synchronousCommit
					+ ": a commit may be acknowledged and then lost in a crash. Set fsync=on and synchronous_commit=on";
			if (!allowUnsafe) {
				throw new IllegalStateException(problem + " (or, for tests only, lawtrace.durability.allow-unsafe-database=true)");
			}
			log.warn("DURABILITY NOT GUARANTEED: {} (lawtrace.durability.allow-unsafe-database=true)", problem);
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not read the database's durability settings", e);
		}
	}

	private static String setting(java.sql.Statement statement, String name) throws SQLException {
		try (var result = statement.executeQuery("show " + name)) {
			result.next();
			return result.getString(1).toLowerCase(Locale.ROOT);
		}
	}
}
