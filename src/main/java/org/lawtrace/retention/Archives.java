package org.lawtrace.retention;

import static org.lawtrace.shared.DatabaseTime.instant;
import static org.lawtrace.shared.DatabaseTime.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.UnitId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The archived files and their package versions; rows are only added, a file's mark set and cleared, and a file
 * marked disposed once a disposition destroyed its packages.
 */
@Repository
class Archives {

	static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final JdbcClient jdbc;

	Archives(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The next archive serial of a unit and year, taken in the caller's transaction: the row is locked by the
	 * update until it commits, and a serial once given is never given again, whatever becomes of the file.
	 */
	int nextSerial(UnitId unit, int year) {
		var updated = jdbc.sql("update archive_serial set last_serial = last_serial + 1 where unit_id = ? and archive_year = ?")
			.params(unit.id(), year).update();
		if (updated == 0) {
			jdbc.sql("insert into archive_serial (unit_id, archive_year, last_serial) values (?, ?, 1)")
				.params(unit.id(), year).update();
			return 1;
		}
		return jdbc.sql("select last_serial from archive_serial where unit_id = ? and archive_year = ?")
			.params(unit.id(), year).query(Integer.class).single();
	}

	void add(ArchiveFile f) {
		jdbc.sql("""
				insert into archive_file (id, case_id, archive_number, unit_id, archive_year, serial, category,
				    file_plan_version, retention_period, cut_off, cut_off_date, due_on, archived_at, archived_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(f.id(), f.caseId().id(), f.archiveNumber(), f.unitId().id(), f.year(), f.serial(), f.category(),
					f.filePlanVersion(), f.period().code(), f.cutOff().name(), f.cutOffDate(), f.dueOn(),
					utc(f.archivedAt()), f.archivedBy().id())
			.update();
	}

	void addVersion(UUID archiveId, ArchiveVersion v) {
		jdbc.sql("""
				insert into archive_version (archive_id, version, sha256, sm3, size_bytes, passed, report,
				    override_reason, overridden_by, reason, made_at, made_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(archiveId, v.version(), v.digest().sha256(), v.digest().sm3(), v.digest().sizeBytes(), v.passed(),
					json(v.report()), v.overrideReason(), v.overriddenBy() == null ? null : v.overriddenBy().id(),
					v.reason(), utc(v.madeAt()), v.madeBy().id())
			.update();
		jdbc.sql("update archive_file set changed_since = null, change_note = null where id = ?").param(archiveId)
			.update();
	}

	/** Marks a file as changed by a correction since its newest package; the first change's time is kept. */
	void markChanged(CaseId caseId, Instant at, String note) {
		jdbc.sql("""
				update archive_file set changed_since = coalesce(changed_since, ?), change_note = ?
				where case_id = ?""")
			.params(utc(at), note.length() > 500 ? note.substring(0, 500) : note, caseId.id()).update();
	}

	/** Every package version of the file was destroyed under this disposition (ART-16); the row and 档号 stay. */
	void disposed(UUID archiveId, UUID dispositionId, String registerNumber, Instant at) {
		jdbc.sql("""
				update archive_file set disposed_at = ?, disposition_id = ?, disposition_register = ?
				where id = ? and disposed_at is null""")
			.params(utc(at), dispositionId, registerNumber, archiveId).update();
	}

	Optional<ArchiveFile> byId(UUID id) {
		return jdbc.sql("select * from archive_file where id = ?").param(id).query(Archives::map).optional()
			.map(this::withVersions);
	}

	Optional<ArchiveFile> byCase(CaseId caseId) {
		return jdbc.sql("select * from archive_file where case_id = ?").param(caseId.id()).query(Archives::map)
			.optional().map(this::withVersions);
	}

	boolean archived(CaseId caseId) {
		return jdbc.sql("select count(*) from archive_file where case_id = ?").param(caseId.id()).query(Long.class)
			.single() > 0;
	}

	Set<UUID> archivedAmong(Collection<CaseId> cases) {
		if (cases.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("select case_id from archive_file where case_id in (:ids)")
			.param("ids", cases.stream().map(CaseId::id).toList()).query(UUID.class).list());
	}

	/** The newest first, at most {@code limit}, each with its versions. */
	List<ArchiveFile> latest(int limit) {
		return jdbc.sql("select * from archive_file order by archived_at desc, id limit ?").param(limit)
			.query(Archives::map).list().stream().map(this::withVersions).toList();
	}

	Set<String> sha256s() {
		return new HashSet<>(jdbc.sql("select sha256 from archive_version").query(String.class).list());
	}

	List<ContentDigest> digests() {
		return jdbc.sql("select sha256, sm3, size_bytes from archive_version")
			.query((rs, n) -> new ContentDigest(rs.getString(1).strip(), strip(rs.getString(2)), rs.getLong(3)))
			.list();
	}

	private ArchiveFile withVersions(ArchiveFile f) {
		return f.withVersions(jdbc.sql("select * from archive_version where archive_id = ? order by version")
			.param(f.id()).query(Archives::version).list());
	}

	static String json(ArchiveReport report) {
		return JSON.writeValueAsString(report);
	}

	private static ArchiveReport report(String json) {
		return JSON.readValue(json, ArchiveReport.class);
	}

	private static ArchiveVersion version(ResultSet rs, int row) throws SQLException {
		var overriddenBy = rs.getObject("overridden_by", UUID.class);
		return new ArchiveVersion(rs.getInt("version"), new ContentDigest(rs.getString("sha256").strip(),
				strip(rs.getString("sm3")), rs.getLong("size_bytes")), rs.getBoolean("passed"),
				report(rs.getString("report")), rs.getString("override_reason"),
				overriddenBy == null ? null : new StaffId(overriddenBy), rs.getString("reason"),
				instant(rs.getObject("made_at", OffsetDateTime.class)), new StaffId(rs.getObject("made_by", UUID.class)));
	}

	private static ArchiveFile map(ResultSet rs, int row) throws SQLException {
		return new ArchiveFile(rs.getObject("id", UUID.class), new CaseId(rs.getObject("case_id", UUID.class)),
				rs.getString("archive_number"), new UnitId(rs.getObject("unit_id", UUID.class)), rs.getInt("archive_year"),
				rs.getInt("serial"), rs.getString("category"), rs.getString("file_plan_version"),
				RetentionPeriod.parse(rs.getString("retention_period")), CutOff.valueOf(rs.getString("cut_off")),
				rs.getObject("cut_off_date", LocalDate.class), rs.getObject("due_on", LocalDate.class),
				instant(rs.getObject("archived_at", OffsetDateTime.class)),
				new StaffId(rs.getObject("archived_by", UUID.class)), instantOrNull(rs, "changed_since"),
				rs.getString("change_note"), List.of(), disposed(rs));
	}

	private static ArchiveFile.@Nullable Disposed disposed(ResultSet rs) throws SQLException {
		var at = instantOrNull(rs, "disposed_at");
		return at == null ? null : new ArchiveFile.Disposed(at, rs.getObject("disposition_id", UUID.class),
				rs.getString("disposition_register"));
	}

	private static @Nullable String strip(@Nullable String s) {
		return s == null ? null : s.strip();
	}

	private static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
		var t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : instant(t);
	}
}
