package org.lawtrace.storage;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.ZipFile;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.lawtrace.shared.ContentDigest;
import org.springframework.aot.AotDetector;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.SpringProperties;

/**
 * {@code restore}: rebuilds a lost primary from the off-site replica (ART-15.3). It copies every blob of the replica
 * into the primary store, reading each copy back and checking its SHA-256, SM3 and size against the replica's, then
 * creates the schema in an empty database with the migrations and loads the newest metadata export (checked against
 * the digests recorded beside it), and finally compares every restored blob with the digest the replication queue
 * had verified. It prints what it did and exits 0 only when everything verified.
 * <p>
 * It never overwrites evidence: the database must be empty (no tables); the primary store must be empty too, unless
 * {@code --force}, with which blobs already there are left as they are but still read back and checked against the
 * replica's copy, and only missing ones are copied. Settings are the server's ({@code --lawtrace.data-dir=...},
 * {@code --spring.datasource.url=...}, {@code --lawtrace.storage.replica.*}); no server, scheduler or listener starts.
 */
public final class RestoreCommand {

	private RestoreCommand() {
	}

	/** Only the database, Flyway and the storage settings: none of the application's start-up work runs. */
	@EnableConfigurationProperties(StorageProperties.class)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class })
	@Import(EmbeddedDatabasePassword.class)
	static class Context {

		/** Flyway waits until the database has been found empty. */
		@Bean
		FlywayMigrationStrategy afterTheChecks() {
			return flyway -> {
			};
		}
	}

	public static int run(String[] args, PrintStream out, PrintStream err) {
		var force = List.of(args).contains("--force");
		var springArgs = List.of(args).stream().filter(a -> !a.equals("--force")).toArray(String[]::new);
		// a context of its own: the bean definitions Spring AOT made at build time are the server's (ADR 0031), so a
		// jar started with -Dspring.aot.enabled=true builds this one the ordinary way
		SpringProperties.setProperty(AotDetector.AOT_ENABLED, "false");
		try (var context = new SpringApplicationBuilder(Context.class).web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "logging.level.root=ERROR")
			.logStartupInfo(false)
			.run(springArgs)) {
			var clock = Clock.systemDefaultZone();
			var properties = context.getBean(StorageProperties.class);
			var replica = StorageConfiguration.replicaStore(properties, clock);
			if (replica == null) {
				err.println("restore: no off-site replica is configured (lawtrace.storage.replica.type)");
				return 2;
			}
			var spool = new Spool(properties.requireRoot().resolve("tmp"), clock);
			var primary = StorageConfiguration.primaryStore(properties, spool, clock);
			var code = new Run(primary, replica, context.getBean(DataSource.class), context.getBean(Flyway.class), spool,
					force, out, err).run();
			if (code == 2) {
				return code;
			}
			var anchors = copyAnchors(StorageConfiguration.replicaAnchors(properties, clock),
					StorageConfiguration.primaryAnchors(properties, clock), out);
			return anchors ? code : 1;
		}
		catch (RuntimeException e) {
			err.println("restore failed: " + e.getMessage());
			return 2;
		}
	}

	/**
	 * Copies the audit log's anchors (ADR 0008) back, each compared byte for byte; anchors the primary holds already
	 * must be identical.
	 *
	 * @return whether every anchor verified.
	 */
	static boolean copyAnchors(@org.jspecify.annotations.Nullable NamedObjects from, NamedObjects to, PrintStream out) {
		if (from == null) {
			return true;
		}
		var copied = 0;
		var names = from.list();
		var verified = true;
		for (var name : names) {
			var content = from.read(name).orElseThrow();
			try {
				to.write(name, content);
				copied++;
			}
			catch (NamedObjects.NameTaken present) {
				// kept; compared below
			}
			if (!java.util.Arrays.equals(to.read(name).orElse(null), content)) {
				out.println("  MISMATCH: anchor " + name + " differs from the replica's");
				verified = false;
			}
		}
		out.println("anchors: " + names.size() + " verified (" + copied + " copied)");
		out.println("note: the audit log's signing key is a secret kept outside the database and is not in the replica; "
				+ "restore its file from its own backup (lawtrace.audit.key-file) before starting the server");
		return verified;
	}

	/** One restore. */
	static final class Run {

		private final BlobStore primary;
		private final BlobStore replica;
		private final DataSource database;
		private final Flyway flyway;
		private final Spool spool;
		private final boolean force;
		private final PrintStream out;
		private final PrintStream err;

		Run(BlobStore primary, BlobStore replica, DataSource database, Flyway flyway, Spool spool, boolean force,
				PrintStream out, PrintStream err) {
			this.primary = primary;
			this.replica = replica;
			this.database = database;
			this.flyway = flyway;
			this.spool = spool;
			this.force = force;
			this.out = out;
			this.err = err;
		}

		int run() {
			try {
				return restore();
			}
			catch (IOException | SQLException e) {
				err.println("restore failed: " + e);
				return 2;
			}
		}

		private int restore() throws IOException, SQLException {
			try (var connection = database.getConnection()) {
				var tables = TableDump.tables(connection);
				if (!tables.isEmpty()) {
					err.println("restore: the database is not empty (" + tables.size() + " tables); restore loads only "
							+ "into an empty database and never overwrites records");
					return 2;
				}
			}
			var held = primary.inventory();
			if (!held.isEmpty() && !force) {
				err.println("restore: the primary store already holds " + held.size() + " blob(s); restore fills only "
						+ "an empty store (--force keeps those, checks them against the replica, copies the rest)");
				return 2;
			}
			if (!(replica instanceof NamedFiles named)) {
				err.println("restore: the replica cannot keep named objects");
				return 2;
			}
			var description = MetadataExport.newest(named).orElse(null);
			if (description == null) {
				err.println("restore: the replica holds no metadata export (metadata/*.json); nothing to restore the "
						+ "database from");
				return 2;
			}
			var mismatches = new ArrayList<String>();
			var export = Files.createTempFile(spool.directory(), "restore-", ".zip");
			try {
				try (var in = named.openNamed(description.name())) {
					Files.copy(in, export, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
				}
				ContentDigest exportDigest;
				try (var in = Files.newInputStream(export)) {
					exportDigest = Sm3Alongside.digest(in);
				}
				var recorded = new ContentDigest(description.sha256(), description.sm3(), description.sizeBytes());
				if (!exportDigest.equals(recorded)) {
					err.println("restore: the metadata export " + description.name() + " does not match its recorded "
							+ "digests (recorded " + recorded + ", read " + exportDigest + "); nothing was restored");
					return 1;
				}
				out.println("metadata export " + description.name() + " of " + description.exportedAt()
						+ ": SHA-256 and SM3 verified");

				Map<String, ContentDigest> replicated;
				try (var zip = new ZipFile(export.toFile())) {
					replicated = recordedDigests(zip);
				}
				var copied = copyBlobs(replicated, mismatches);

				flyway.migrate();
				var applied = new TreeSet<String>();
				for (var migration : flyway.info().applied()) {
					if (migration.getVersion() != null) {
						applied.add(migration.getVersion().getVersion());
					}
				}
				TableDump.Loaded loaded;
				try (var zip = new ZipFile(export.toFile())) {
					var needed = new TreeSet<>(TableDump.flywayVersions(zip));
					needed.removeAll(applied);
					if (!needed.isEmpty()) {
						err.println("restore: the export was made by a newer LawTrace (migrations " + needed
								+ " are unknown here); use the version that made it");
						return 2;
					}
					try (var connection = database.getConnection()) {
						loaded = TableDump.load(connection, zip);
					}
				}
				out.println("database: " + loaded.rows().size() + " tables, " + loaded.total() + " rows loaded"
						+ (loaded.skipped().isEmpty() ? ""
								: "; not made by the migrations, so skipped (the server makes them at its start): "
										+ loaded.skipped()));
				compareWithQueue(copied, mismatches);
			}
			finally {
				Files.deleteIfExists(export);
			}
			if (mismatches.isEmpty()) {
				out.println("restore: OK, every blob and the export verified (SHA-256, SM3, size)");
				return 0;
			}
			out.println("restore: " + mismatches.size() + " MISMATCH(ES):");
			mismatches.forEach(m -> out.println("  " + m));
			return 1;
		}

		/** Copies and verifies every blob of the replica; returns the verified digests by SHA-256. */
		private Map<String, ContentDigest> copyBlobs(Map<String, ContentDigest> recorded, List<String> mismatches) {
			var names = new TreeSet<>(replica.inventory());
			var verified = new HashMap<String, ContentDigest>();
			long bytes = 0;
			var present = 0;
			var started = System.nanoTime();
			for (var sha256 : names) {
				try {
					// against the digest verified when it was replicated, where the export has it: one SM3 pass
					var copied = BlobCopy.copy(replica, primary, sha256, recorded.get(sha256));
					verified.put(sha256, copied.digest());
					bytes += copied.digest().sizeBytes();
					if (copied.alreadyPresent()) {
						present++;
					}
				}
				catch (BlobCopy.Failed e) {
					mismatches.add("blob " + sha256 + ": " + (BlobCopy.Failed.COPY_DIFFERS.equals(e.kind())
							? "the primary's copy differs from the replica's: " : "the replica's copy is damaged: ")
							+ e.getMessage());
				}
				catch (RuntimeException e) {
					mismatches.add("blob " + sha256 + ": " + e);
				}
			}
			var seconds = (System.nanoTime() - started) / 1e9;
			out.printf("blobs: %d of %d verified (%d copied, %d already in the primary, checked), %d bytes in %.1f s%n",
					verified.size(), names.size(), verified.size() - present, present, bytes, seconds);
			return verified;
		}

		/** What the exported replication queue says each blob was when its replica copy was verified. */
		private static Map<String, ContentDigest> recordedDigests(ZipFile zip) throws IOException {
			var recorded = new HashMap<String, ContentDigest>();
			for (var row : TableDump.rowsOf(zip, "storage_replication")) {
				if (row.get("verified_at") != null && row.get("sm3") != null && row.get("size_bytes") != null) {
					var sha256 = String.valueOf(row.get("sha256")).strip();
					recorded.put(sha256, new ContentDigest(sha256, String.valueOf(row.get("sm3")).strip(),
							((Number) row.get("size_bytes")).longValue()));
				}
			}
			return recorded;
		}

		/** The restored queue says what each blob was when it was verified on the replica: compare. */
		private void compareWithQueue(Map<String, ContentDigest> restored, List<String> mismatches)
				throws SQLException {
			var checked = 0;
			try (var connection = database.getConnection(); var statement = connection.createStatement();
					var rows = statement.executeQuery(
							"select sha256, size_bytes, sm3, verified_at from storage_replication")) {
				while (rows.next()) {
					var sha256 = rows.getString("sha256").strip();
					var blob = restored.get(sha256);
					if (blob == null) {
						mismatches.add("blob " + sha256 + " is recorded in the export but is not in the replica"
								+ (rows.getObject("verified_at") == null ? " (it was not yet replicated when exported)" : ""));
						continue;
					}
					var sm3 = rows.getString("sm3");
					if (sm3 != null && (!sm3.strip().equals(blob.sm3()) || rows.getLong("size_bytes") != blob.sizeBytes())) {
						mismatches.add("blob " + sha256 + ": SM3/size differ from those verified when it was replicated");
					}
					checked++;
				}
			}
			out.println("checked against the replication record: " + checked + " blob(s)");
		}

	}
}
