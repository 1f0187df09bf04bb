package org.lawtrace.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.DatabaseTime;
import org.lawtrace.shared.IntegrityAlarm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * The database's records go off-site too (ART-15.3): on a schedule (daily by default) every table, the audit log's
 * entries and checkpoints included, is dumped ({@link TableDump}) into one zip that is written to the replica under
 * {@code metadata/<when>.zip}, read back and checked against its SHA-256 and SM3, then described by a small
 * {@code metadata/<when>.json} beside it (its digests, tables and rows), which {@code restore} reads to find and check
 * the newest export without any database. Each run is recorded in {@code storage_metadata_export}.
 */
@Service
public class MetadataExport {

	private static final Logger log = LoggerFactory.getLogger(MetadataExport.class);
	static final String AREA = "metadata/";
	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd't'HHmmss'z'")
		.withZone(ZoneOffset.UTC);
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Replica replica;
	private final DataSource database;
	private final JdbcClient jdbc;
	private final Spool spool;
	private final BureauTime time;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transaction;
	private final Replication replication;

	MetadataExport(Replica replica, DataSource database, JdbcClient jdbc, Spool spool, BureauTime time,
			ApplicationEventPublisher events, TransactionTemplate transaction, Replication replication) {
		this.replication = replication;
		this.replica = replica;
		this.database = database;
		this.jdbc = jdbc;
		this.spool = spool;
		this.time = time;
		this.events = events;
		this.transaction = transaction;
	}

	/** One run of the export: what it wrote, or why it failed. */
	public record Export(UUID id, Instant startedAt, @Nullable Instant finishedAt, @Nullable String name,
			@Nullable String sha256, @Nullable String sm3, @Nullable Long sizeBytes, @Nullable Integer tables,
			@Nullable Long rows, @Nullable String error) {

		public boolean succeeded() {
			return finishedAt != null && error == null;
		}
	}

	/** What {@code metadata/<when>.json} says of its export. */
	record Description(String name, String sha256, String sm3, long sizeBytes, int tables, long rows,
			String exportedAt) {
	}

	/**
	 * Once a night in the whole cluster: every instance's timer fires at the same hour, one takes the job (ADR 0020);
	 * the lock is kept a minute at least, longer than the instances' clocks differ, and no longer, so a schedule set to
	 * run more often (a drill) still runs at each firing.
	 */
	@Scheduled(cron = "${lawtrace.storage.replica.metadata-export:0 0 2 * * *}", zone = "${lawtrace.zone:Asia/Shanghai}")
	@SchedulerLock(name = "storage-metadata-export",
			lockAtLeastFor = "${lawtrace.storage.replica.metadata-export-lock:PT1M}", lockAtMostFor = "PT12H")
	void onSchedule() {
		if (replica.configured()) {
			export();
		}
	}

	/**
	 * Exports the database into the replica now.
	 *
	 * @return the run, succeeded or failed; will never be {@literal null}.
	 * @throws IllegalStateException when no replica is configured.
	 */
	public Export export() {
		var store = replica.store().orElseThrow(() -> new IllegalStateException("no off-site replica is configured"));
		if (!(store instanceof NamedFiles named)) {
			throw new IllegalStateException("the replica cannot keep named objects");
		}
		try {
			// the anchors the export's audit entries are checked against go first
			replication.copyAnchors();
		}
		catch (RuntimeException e) {
			log.warn("Could not copy the anchors to the off-site replica before the export: {}", e.toString());
		}
		var id = UUID.randomUUID();
		var started = time.now();
		jdbc.sql("insert into storage_metadata_export (id, started_at) values (?, ?)")
			.params(id, DatabaseTime.utc(started)).update();
		Path file = null;
		try {
			file = Files.createTempFile(spool.directory(), "export-", ".zip");
			TableDump.Manifest manifest;
			try (var zip = new ZipOutputStream(Files.newOutputStream(file)); var connection = database.getConnection()) {
				manifest = dump(connection, zip, started);
			}
			ContentDigest digest;
			try (var in = Files.newInputStream(file)) {
				digest = Sm3Alongside.digest(in);
			}
			var stem = AREA + STAMP.format(started) + "-" + id.toString().substring(0, 8);
			var name = stem + ".zip";
			named.putNamed(name, file);
			try (var in = named.openNamed(name)) {
				var readBack = Sm3Alongside.digest(in);
				if (!readBack.equals(digest)) {
					throw new BlobCorrupted(digest, readBack);
				}
			}
			var description = new Description(name, digest.sha256(), digest.sm3(), digest.sizeBytes(),
					manifest.tables().size(), manifest.rows(), time.local(started).toString());
			Files.write(file, JSON.writeValueAsBytes(description));
			named.putNamed(stem + ".json", file);
			var finished = time.now();
			jdbc.sql("""
					update storage_metadata_export set finished_at = ?, name = ?, sha256 = ?, sm3 = ?, size_bytes = ?,
					    tables = ?, row_count = ? where id = ?""")
				.params(DatabaseTime.utc(finished), name, digest.sha256(), digest.sm3(), digest.sizeBytes(),
						manifest.tables().size(), manifest.rows(), id)
				.update();
			log.info("Exported the database into the off-site replica as {}: {} tables, {} rows, {} bytes, read back and "
					+ "verified", name, manifest.tables().size(), manifest.rows(), digest.sizeBytes());
			return new Export(id, started, finished, name, digest.sha256(), digest.sm3(), digest.sizeBytes(),
					manifest.tables().size(), manifest.rows(), null);
		}
		catch (IOException | SQLException | RuntimeException e) {
			var error = e.toString();
			error = error.length() > 2000 ? error.substring(0, 2000) : error;
			var finished = time.now();
			jdbc.sql("update storage_metadata_export set finished_at = ?, error = ? where id = ?")
				.params(DatabaseTime.utc(finished), error, id).update();
			log.warn("Exporting the database into the off-site replica failed", e);
			var detail = "数据库记录未能导出到异地备份 (exporting the records to the off-site replica failed): " + error;
			transaction.executeWithoutResult(
					status -> events.publishEvent(new IntegrityAlarm("REPLICA_EXPORT_FAILED", "EXPORT", id.toString(), detail)));
			return new Export(id, started, finished, null, null, null, null, null, null, error);
		}
		finally {
			if (file != null) {
				try {
					Files.deleteIfExists(file);
				}
				catch (IOException e) {
					log.warn("Could not delete the export's temporary file {}", file, e);
				}
			}
		}
	}

	/** One consistent snapshot: a read-only, repeatable-read transaction over every table. */
	private static TableDump.Manifest dump(Connection connection, ZipOutputStream zip, Instant started)
			throws SQLException, IOException {
		var autoCommit = connection.getAutoCommit();
		var isolation = connection.getTransactionIsolation();
		connection.setAutoCommit(false);
		connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
		try {
			var manifest = TableDump.write(connection, zip, started.toString());
			connection.commit();
			return manifest;
		}
		finally {
			connection.rollback();
			connection.setTransactionIsolation(isolation);
			connection.setAutoCommit(autoCommit);
		}
	}

	/** The newest run, or the newest that succeeded. */
	Optional<Export> last(boolean succeeded) {
		return jdbc.sql("select * from storage_metadata_export" + (succeeded
				? " where finished_at is not null and error is null" : "") + " order by started_at desc limit 1")
			.query((rs, n) -> new Export(rs.getObject("id", UUID.class),
					DatabaseTime.instant(rs.getObject("started_at", OffsetDateTime.class)),
					DatabaseTime.instant(rs.getObject("finished_at", OffsetDateTime.class)), rs.getString("name"),
					rs.getString("sha256"), rs.getString("sm3"), (Long) rs.getObject("size_bytes", Long.class),
					(Integer) rs.getObject("tables", Integer.class), (Long) rs.getObject("row_count", Long.class),
					rs.getString("error")))
			.optional();
	}

	/** The newest export's description in a replica, read without any database (for {@code restore}). */
	static Optional<Description> newest(NamedFiles replica) {
		var descriptions = replica.names(AREA).stream().filter(n -> n.endsWith(".json")).toList();
		if (descriptions.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(describe(replica, descriptions.get(descriptions.size() - 1)));
	}

	static Description describe(NamedFiles replica, String name) {
		try (var in = replica.openNamed(name)) {
			return JSON.readValue(in, Description.class);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
