import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import org.lawtrace.audit.AuditEntry;

/**
 * Writes N recordings straight into a LawTrace database, rows and audit entries as the server writes them: the
 * recording row with its first revision and an UPLOAD and an SM3_RECORDED entry each, and for one in ten a second
 * revision (a link to a case) with its REVISION entry, and two VIEW entries for every recording in between as noise.
 * The database must have been started once by the server (schema). Used by bench/records-verify.sh.
 * Run: java -cp target/classes:h2.jar bench/RecordsGenerator.java JDBC-URL USER PASSWORD N
 */
public class RecordsGenerator {

	private static final HexFormat HEX = HexFormat.of();

	public static void main(String[] args) throws Exception {
		var n = Integer.parseInt(args[3]);
		try (Connection db = DriverManager.getConnection(args[0], args[1], args[2])) {
			db.setAutoCommit(false);
			long seq;
			try (var rs = db.createStatement().executeQuery("select coalesce(max(seq) + 1, 0) from audit_entry")) {
				rs.next();
				seq = rs.getLong(1);
			}
			var recording = db.prepareStatement("insert into recordings_recording (id, kind, media_type, original_name, "
					+ "size_bytes, sha256, sm3, uploaded_by, uploaded_at, channel) values (?, 'VIDEO', 'video/mp4', ?, ?, ?, "
					+ "?, ?, ?, 'UPLOAD')");
			var revision = db.prepareStatement("insert into recordings_revision (id, recording_id, version, recorded_by, "
					+ "started_at, ended_at, case_id, changed_by, changed_at, reason, current) values (?, ?, ?, ?, ?, ?, ?, "
					+ "?, ?, ?, ?)");
			var entry = db.prepareStatement("insert into audit_entry (seq, recorded_at, actor, action, subject_type, "
					+ "subject_id, outcome, detail, leaf_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)");
			var recorder = UUID.nameUUIDFromBytes("bench-recorder".getBytes());
			var at = Instant.parse("2026-01-01T00:00:00Z");
			var random = new java.util.Random(12);
			var began = System.nanoTime();
			for (var i = 0; i < n; i++) {
				at = at.plus(Duration.ofSeconds(1));
				var id = UUID.randomUUID();
				var sha256 = hex(random);
				var sm3 = hex(random);
				var size = 1_000_000L + random.nextInt(1_000_000);
				var linked = i % 10 == 0;
				var caseId = UUID.nameUUIDFromBytes(("case-" + (i / 10)).getBytes());
				recording.setObject(1, id);
				recording.setString(2, "r" + i + ".mp4");
				recording.setLong(3, size);
				recording.setString(4, sha256);
				recording.setString(5, sm3);
				recording.setObject(6, recorder);
				recording.setTimestamp(7, Timestamp.from(at));
				recording.addBatch();
				revision(revision, id, 1, recorder, at, null, !linked);
				seq = entry(entry, seq, at, "UPLOAD", id, "sha256=" + sha256 + " size=" + size
						+ " kind=VIDEO channel=UPLOAD recordedBy=zhang.wei recordedById=" + recorder);
				seq = entry(entry, seq, at, "SM3_RECORDED", id, "sha256=" + sha256 + " size=" + size + " sm3=" + sm3);
				if (linked) {
					revision(revision, id, 2, recorder, at, caseId, true);
					seq = entry(entry, seq, at, "REVISION", id, "version=2 case=" + caseId + " stages=0 recordedById="
							+ recorder + " reason=关联案件");
				}
				seq = entry(entry, seq, at, "VIEW", id, "whole file");
				seq = entry(entry, seq, at, "VIEW", id, "bytes=0-1023");
				if (i % 1000 == 999) {
					recording.executeBatch();
					revision.executeBatch();
					entry.executeBatch();
					db.commit();
				}
			}
			recording.executeBatch();
			revision.executeBatch();
			entry.executeBatch();
			db.commit();
			System.out.printf("generated %d recordings and %d audit entries in %.1f s%n", n, seq,
					(System.nanoTime() - began) / 1e9);
		}
	}

	private static void revision(java.sql.PreparedStatement revision, UUID recording, int version, UUID recorder,
			Instant at, UUID caseId, boolean current) throws Exception {
		revision.setObject(1, UUID.randomUUID());
		revision.setObject(2, recording);
		revision.setInt(3, version);
		revision.setObject(4, recorder);
		revision.setTimestamp(5, Timestamp.from(at.minus(Duration.ofMinutes(10))));
		revision.setTimestamp(6, Timestamp.from(at.minus(Duration.ofMinutes(5))));
		revision.setObject(7, caseId);
		revision.setObject(8, recorder);
		revision.setTimestamp(9, Timestamp.from(at));
		revision.setString(10, version == 1 ? "上传 (uploaded)" : "关联案件");
		revision.setBoolean(11, current);
		revision.addBatch();
	}

	private static long entry(java.sql.PreparedStatement insert, long seq, Instant at, String action, UUID subject,
			String detail) throws Exception {
		var e = new AuditEntry(seq, at, "zhang.wei", action, "RECORDING", subject.toString(), "SUCCESS", detail, "");
		insert.setLong(1, seq);
		insert.setTimestamp(2, Timestamp.from(at));
		insert.setString(3, e.actor());
		insert.setString(4, action);
		insert.setString(5, "RECORDING");
		insert.setString(6, e.subjectId());
		insert.setString(7, "SUCCESS");
		insert.setString(8, detail);
		insert.setString(9, e.computedLeafHash());
		insert.addBatch();
		return seq + 1;
	}

	private static String hex(java.util.Random random) {
		var bytes = new byte[32];
		random.nextBytes(bytes);
		return HEX.formatHex(bytes);
	}
}
