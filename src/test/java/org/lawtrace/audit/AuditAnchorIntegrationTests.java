package org.lawtrace.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lawtrace.RunsBesideOtherTests;
import org.lawtrace.Api;
import org.lawtrace.PackagedJar;
import org.lawtrace.Patience;
import org.lawtrace.RealDatabaseAvailable;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * ART-22, issue 12 finding 4: the audit log's checkpoints are anchored outside the database, signed with a key kept
 * outside it, so an administrator who edits the database can no longer delete or rewrite entries unseen: the packaged
 * jar is run as operators run it, the database edited behind its back while it is stopped, and
 * {@code verify-log} must name what was done.
 */
@RunsBesideOtherTests
@ExtendWith(RealDatabaseAvailable.class)
class AuditAnchorIntegrationTests {

	private static final ObjectMapper JSON = new ObjectMapper();
	/** A short interval, so a test can wait for the time-driven checkpoint; counted checkpoints kept out of the way. */
	private static final Duration INTERVAL = Duration.ofSeconds(2);

	@Test
	@DisplayName("ART-22, finding 4: verify-log passes an untouched log and names an entry changed behind the server's "
			+ "back, the deleted last 15 entries, an entry rewritten with its hash recomputed after the checkpoints above "
			+ "it were deleted, and an anchor whose signature does not verify")
	void verifyLogNamesWhatWasDoneToTheDatabase() throws Exception {
		var server = PackagedJar.fresh("lawtrace_anchors");
		server.start();
		var anchors = server.dataDir().resolve("store").resolve("anchors");
		try {
			var port = server.port();
			for (var i = 0; i < 5; i++) {
				Api.as(port, "nobody.anchor" + i, "wrong").get().uri("/api/v1/cases").exchange().expectStatus()
					.isUnauthorized();
			}
			Api.openCase(port, Api.newCaseNumber());
			await().atMost(Patience.of(Duration.ofSeconds(30))).until(() -> total(port) >= 20);
		}
		finally {
			server.stop();
		}
		long entries;
		try (var db = connect(server)) {
			entries = count(db, "select count(*) from audit_entry");
		}
		var untouched = server.command("verify-log");
		// a checkpoint at start, the time-driven ones and one at the graceful stop: every entry anchored
		assertThat(untouched.output()).containsPattern("OK: " + entries + " entries, root [0-9a-f]{64}, "
				+ "[0-9]+ checkpoints? signed and matching; [0-9]+ anchors? outside the database covers? the first "
				+ entries + " entries; 0 entries lie beyond the last anchor");
		assertThat(untouched.exitCode()).isZero();

		// a row changed behind the server's back, its leaf hash left as it was
		Map<String, Object> second;
		try (var db = connect(server)) {
			second = row(db, 2);
			update(db, "update audit_entry set actor = ? where seq = 2", "someone.else");
		}
		var changed = server.command("verify-log");
		assertThat(changed.output()).contains("FAILED at entry 2: leaf hash differs");
		assertThat(changed.exitCode()).isEqualTo(1);
		try (var db = connect(server)) {
			update(db, "update audit_entry set actor = ? where seq = 2", second.get("actor"));
		}

		// finding 4b: one entry's actor rewritten, its leaf hash recomputed, the database's checkpoints above it deleted
		long rewritten;
		Map<String, Object> original;
		try (var db = connect(server)) {
			rewritten = count(db, "select count(*) from audit_entry") / 2;
			original = row(db, rewritten);
			var forged = new AuditEntry(rewritten, ((OffsetDateTime) original.get("recorded_at")).toInstant(),
					"someone.else", (String) original.get("action"), (String) original.get("subject_type"),
					(String) original.get("subject_id"), (String) original.get("outcome"),
					(String) original.get("detail"), "");
			update(db, "update audit_entry set actor = ?, leaf_hash = ? where seq = ?", "someone.else",
					forged.computedLeafHash(), rewritten);
			update(db, "delete from audit_checkpoint where tree_size > ?", rewritten);
		}
		var afterRewrite = server.command("verify-log");
		assertThat(afterRewrite.output()).contains("FAILED at entry " + rewritten)
			.contains("ENTRY_REWRITTEN entry " + rewritten + ": rewritten with its leaf hash recomputed")
			.contains("actor=someone.else");
		assertThat(afterRewrite.exitCode()).isEqualTo(1);
		try (var db = connect(server)) {
			update(db, "update audit_entry set actor = ?, leaf_hash = ? where seq = ?", original.get("actor"),
					original.get("leaf_hash"), rewritten);
		}

		// finding 4a: the last 15 entries deleted, and every checkpoint in the database that covered them
		var removed = new ArrayList<Map<String, Object>>();
		long size;
		try (var db = connect(server)) {
			size = count(db, "select count(*) from audit_entry");
			for (var seq = size - 15; seq < size; seq++) {
				removed.add(row(db, seq));
			}
			update(db, "delete from audit_entry where seq >= ?", size - 15);
			update(db, "delete from audit_checkpoint where tree_size > ?", size - 15);
		}
		var afterDelete = server.command("verify-log");
		assertThat(afterDelete.output())
			.contains("ENTRY_MISSING entries " + (size - 15) + "-" + (size - 1) + " (15): missing from the database "
					+ "although the anchor at size " + size)
			.contains("the end of the log was deleted");
		assertThat(afterDelete.exitCode()).isEqualTo(1);
		try (var db = connect(server)) {
			for (var r : removed) {
				update(db, "insert into audit_entry (seq, recorded_at, actor, action, subject_type, subject_id, "
						+ "outcome, detail, leaf_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", r.get("seq"),
						r.get("recorded_at"), r.get("actor"), r.get("action"), r.get("subject_type"),
						r.get("subject_id"), r.get("outcome"), r.get("detail"), r.get("leaf_hash"));
			}
		}

		// an anchor whose signature does not verify (replaced by someone with the store's file system) is reported
		var first = listAnchors(anchors).get(0);
		var genuine = Files.readString(first);
		@SuppressWarnings("unchecked")
		var fields = (Map<String, Object>) JSON.readValue(genuine, Map.class);
		var signature = (String) fields.get("signature");
		fields.put("signature", signature.substring(0, signature.length() - 2)
				+ (signature.endsWith("00") ? "01" : "00"));
		replace(first, JSON.writeValueAsString(fields));
		var forgedAnchor = server.command("verify-log");
		assertThat(forgedAnchor.output()).contains("ANCHOR_SIGNATURE").contains("does not verify");
		assertThat(forgedAnchor.exitCode()).isEqualTo(1);
		replace(first, genuine);
		var restored = server.command("verify-log");
		assertThat(restored.output()).contains("OK: ").contains("0 entries lie beyond the last anchor");
		assertThat(restored.exitCode()).isZero();
	}

	@Test
	@DisplayName("ART-22, finding 4: the signing key is in an owner-only file and nowhere in the database (also after "
			+ "moving it out of an older database); a checkpoint is anchored within T seconds of an entry and at shutdown")
	void keyOutsideTheDatabaseAndAnchorsByTimeAndAtShutdown() throws Exception {
		var server = PackagedJar.fresh("lawtrace_anchor_key");
		server.start("--lawtrace.audit.checkpoint-interval=PT2S", "--lawtrace.audit.checkpoint-every=100000");
		var anchors = server.dataDir().resolve("store").resolve("anchors");
		var keyFile = server.dataDir().resolve("keys").resolve("audit-signing-key.pem");
		try {
			var port = server.port();
			// a checkpoint is signed within T seconds of an entry, without waiting for N entries
			for (var i = 0; i < 5; i++) {
				Api.as(port, "nobody.anchor" + i, "wrong").get().uri("/api/v1/cases").exchange().expectStatus()
					.isUnauthorized();
			}
			var written = total(port);
			await().atMost(Patience.of(INTERVAL.plusSeconds(4))).pollInterval(Duration.ofMillis(200))
				.until(() -> lastAnchorSize(anchors) >= written);

			// the key file is its owner's alone, in a folder its owner alone enters
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile.getParent())))
				.isEqualTo("rwx------");
			Api.openCase(port, Api.newCaseNumber());
		}
		finally {
			server.stop();
		}

		var pem = Files.readString(keyFile);
		try (var db = connect(server)) {
			// at a graceful stop an anchor covers the last entry
			assertThat(lastAnchorSize(anchors)).isEqualTo(count(db, "select count(*) from audit_entry"));
			// the private key is nowhere in the database, only its public half
			assertThat(count(db, "select count(*) from audit_signing_key where private_key is not null")).isZero();
			var privateHex = SigningKey.fromPrivatePem(pem).privateHex();
			assertThat(everyValue(db)).noneMatch(v -> v.contains(privateHex) || v.contains("PRIVATE KEY"));

			// an older database that still holds the private key: moved to the key file at start, erased from it
			update(db, "update audit_signing_key set private_key = ? where id = 1", privateHex);
		}
		Files.delete(keyFile);
		server.start("--lawtrace.audit.checkpoint-interval=PT2S");
		try {
			assertThat(server.log()).contains("Moved the audit log's private signing key out of the database");
		}
		finally {
			server.stop();
		}
		assertThat(SigningKey.fromPrivatePem(Files.readString(keyFile)).publicHex())
			.isEqualTo(SigningKey.fromPrivatePem(pem).publicHex());
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
		try (var db = connect(server)) {
			assertThat(count(db, "select count(*) from audit_signing_key where private_key is not null")).isZero();
		}
		var afterMove = server.command("verify-log");
		assertThat(afterMove.output()).contains("OK: ");
		assertThat(afterMove.exitCode()).isZero();
	}

	private static void replace(Path file, String content) throws Exception {
		Files.delete(file);
		Files.writeString(file, content, StandardCharsets.UTF_8);
	}

	private static List<Path> listAnchors(Path folder) throws Exception {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (var files = Files.list(folder)) {
			return files.filter(f -> f.getFileName().toString().startsWith("audit-log-")).sorted().toList();
		}
	}

	private static long lastAnchorSize(Path folder) throws Exception {
		var all = listAnchors(folder);
		if (all.isEmpty()) {
			return -1;
		}
		return ((Number) JSON.readValue(all.get(all.size() - 1).toFile(), Map.class).get("treeSize")).longValue();
	}

	private static Connection connect(PackagedJar server) throws Exception {
		return DriverManager.getConnection(server.jdbcUrl(), server.jdbcUser(), server.jdbcPassword());
	}

	private static long count(Connection db, String sql) throws Exception {
		try (var statement = db.createStatement(); var rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static void update(Connection db, String sql, Object... parameters) throws Exception {
		try (var statement = db.prepareStatement(sql)) {
			for (var i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			statement.executeUpdate();
		}
	}

	private static Map<String, Object> row(Connection db, long seq) throws Exception {
		try (var statement = db.prepareStatement("select * from audit_entry where seq = ?")) {
			statement.setLong(1, seq);
			try (var rs = statement.executeQuery()) {
				rs.next();
				var row = new java.util.HashMap<String, Object>();
				for (var column : List.of("seq", "actor", "action", "subject_type", "subject_id", "outcome", "detail",
						"leaf_hash")) {
					row.put(column, rs.getObject(column));
				}
				row.put("recorded_at", rs.getObject("recorded_at", OffsetDateTime.class));
				return row;
			}
		}
	}

	/** Every value of every column of every table of the application's schema, as text. */
	private static List<String> everyValue(Connection db) throws Exception {
		var values = new ArrayList<String>();
		var tables = new ArrayList<String>();
		try (var rs = db.getMetaData().getTables(null, db.getSchema(), "%", new String[] { "TABLE" })) {
			while (rs.next()) {
				tables.add(rs.getString("TABLE_NAME"));
			}
		}
		assertThat(tables).contains("audit_signing_key", "audit_entry");
		for (var table : tables) {
			try (var statement = db.createStatement(); var rs = statement.executeQuery("select * from " + table)) {
				var columns = rs.getMetaData().getColumnCount();
				while (rs.next()) {
					for (var c = 1; c <= columns; c++) {
						var value = rs.getObject(c);
						if (value instanceof byte[] bytes) {
							values.add(HexFormat.of().formatHex(bytes));
							values.add(new String(bytes, StandardCharsets.ISO_8859_1));
						}
						else if (value != null) {
							values.add(value.toString());
						}
					}
				}
			}
		}
		return values;
	}

	private static long total(int port) {
		return Api.as(port, "zhou.tao").get().uri("/api/v1/audit/entries?size=1").exchange()
			.expectStatus().isOk().returnResult(AuditApi.EntryPage.class).getResponseBody().total();
	}
}
