package org.lawtrace.recordings;

import static org.lawtrace.shared.DatabaseTime.utc;
import static org.lawtrace.shared.DatabaseTime.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.RecordRef;
import org.lawtrace.shared.RecordVisibility;
import org.lawtrace.shared.StageId;
import org.lawtrace.shared.StaffId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Recordings and their revisions. There is no delete and no update of a recording or of a revision: a correction
 * only adds a revision and moves the "current" mark to it (ART-22(2)).
 */
@Repository
class Recordings {

	private static final String SELECT = """
			select r.*, v.id as revision_id, v.version, v.recorded_by, v.device_serial, v.started_at, v.ended_at,
			    v.case_id, v.changed_by, v.changed_at, v.reason, v.device_finding,
			    (select v1.recorded_by from recordings_revision v1 where v1.recording_id = r.id and v1.version = 1)
			        as recorded_at_ingest,
			    case when exists (select 1 from recordings_revision vl where vl.recording_id = r.id
			        and vl.case_id is not null) then true else false end as ever_linked
			from recordings_recording r join recordings_revision v on v.recording_id = r.id and v.current = true""";

	private final JdbcClient jdbc;

	Recordings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(Recording r) {
		var f = r.facts();
		jdbc.sql("""
				insert into recordings_recording (id, kind, media_type, original_name, size_bytes, sha256, sm3,
				    file_created_at, duration_millis, latitude, longitude, uploaded_by, uploaded_at, channel)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(r.id().id(), f.kind().name(), f.mediaType(), r.originalName(), r.digest().sizeBytes(),
					r.digest().sha256(), r.digest().sm3(), utc(f.createdAt()),
					f.duration() == null ? null : f.duration().toMillis(), f.latitude(), f.longitude(),
					r.uploadedBy().id(), utc(r.uploadedAt()), r.channel().name())
			.update();
		insertRevision(r.id(), r.current());
	}

	void addRevision(RecordingId id, Revision revision) {
		jdbc.sql("update recordings_revision set current = false where recording_id = ? and current = true")
			.param(id.id()).update();
		insertRevision(id, revision);
	}

	/** Fills in the SM3 computed after storing; only ever once, so a recorded SM3 cannot be changed. */
	/** Whether the SM3 was stored now, rather than by an earlier run. */
	boolean recordSm3(RecordingId id, String sm3) {
		return jdbc.sql("update recordings_recording set sm3 = ? where id = ? and sm3 is null").params(sm3, id.id())
			.update() == 1;
	}

	/** Recordings whose SM3 is still to be computed, oldest first: after a crash, these are caught up at start. */
	List<Recording> awaitingSm3() {
		return complete(jdbc.sql(SELECT + " where r.sm3 is null order by r.uploaded_at").query(Recordings::map).list());
	}

	Optional<Recording> byId(RecordingId id) {
		return complete(jdbc.sql(SELECT + " where r.id = ?").param(id.id()).query(Recordings::map).list()).stream()
			.findFirst();
	}

	Optional<Recording> bySha256(String sha256) {
		return complete(jdbc.sql(SELECT + " where r.sha256 = ?").param(sha256).query(Recordings::map).list()).stream()
			.findFirst();
	}

	List<Revision> history(RecordingId id) {
		var revisions = jdbc.sql("""
				select v.id as revision_id, v.* from recordings_revision v where v.recording_id = ? order by v.version""")
			.param(id.id()).query((rs, row) -> revision(rs)).list();
		var stages = stagesOf(revisions.stream().map(Revision::id).toList());
		return revisions.stream().map(v -> withStages(v, stages)).toList();
	}

	record Found(List<Recording> items, long total) {
	}

	Found search(RecordingQuery q, @Nullable StaffId recordedBy, @Nullable RecordVisibility visible) {
		var where = new StringBuilder(" where 1 = 1");
		var params = new HashMap<String, Object>();
		if (visible != null && !visible.everything()) {
			where.append(" and ").append(visibleTo(visible, params));
		}
		if (q.caseId() != null) {
			where.append(" and v.case_id = :caseId");
			params.put("caseId", q.caseId().id());
		}
		if (Boolean.TRUE.equals(q.unlinked())) {
			where.append(" and v.case_id is null");
		}
		else if (Boolean.FALSE.equals(q.unlinked())) {
			where.append(" and v.case_id is not null");
		}
		if (recordedBy != null) {
			where.append(" and v.recorded_by = :recordedBy");
			params.put("recordedBy", recordedBy.id());
		}
		if (q.sha256() != null) {
			where.append(" and r.sha256 = :sha256");
			params.put("sha256", q.sha256());
		}
		if (q.kind() != null) {
			where.append(" and r.kind = :kind");
			params.put("kind", q.kind().name());
		}
		var count = "select count(*) from recordings_recording r join recordings_revision v on v.recording_id = r.id "
				+ "and v.current = true" + where;
		var total = jdbc.sql(count).params(params).query(Long.class).single();
		params.put("limit", q.size());
		params.put("offset", (long) q.page() * q.size());
		var items = jdbc.sql(SELECT + where + " order by v.started_at desc, r.id limit :limit offset :offset")
			.params(params).query(Recordings::map).list();
		return new Found(complete(items), total);
	}

	/** How many recordings of the case record each of its stages now, seen or not. */
	Map<UUID, Long> countByStage(CaseId caseId) {
		var counts = new HashMap<UUID, Long>();
		jdbc.sql("""
				select s.stage_id, count(*) as n from recordings_revision v
				join recordings_revision_stage s on s.revision_id = v.id
				where v.current = true and v.case_id = ? group by s.stage_id""")
			.param(caseId.id())
			.query((rs, n) -> counts.put(rs.getObject("stage_id", UUID.class), rs.getLong("n")))
			.list();
		return counts;
	}

	/**
	 * ART-20, the same rule as {@link RecordVisibility#sees}: in a visible case, named by a grant, or made or uploaded
	 * by the viewer while in no case. Empty lists are left out, since {@code in ()} is no SQL.
	 */
	private static String visibleTo(RecordVisibility visible, Map<String, Object> params) {
		// the maker's own: by who uploaded it or recorded it at ingest, and only while it was never in a case (issue 11)
		var any = new StringBuilder("((v.case_id is null and not exists (select 1 from recordings_revision vl "
				+ "where vl.recording_id = r.id and vl.case_id is not null) and (r.uploaded_by = :viewer or exists "
				+ "(select 1 from recordings_revision v1 where v1.recording_id = r.id and v1.version = 1 "
				+ "and v1.recorded_by = :viewer)))");
		params.put("viewer", visible.viewer().id());
		if (!visible.cases().isEmpty()) {
			any.append(" or v.case_id in (:visibleCases)");
			params.put("visibleCases", visible.caseIds());
		}
		var records = visible.recordIds(RecordRef.Kind.RECORDING);
		if (!records.isEmpty()) {
			any.append(" or r.id in (:visibleRecords)");
			params.put("visibleRecords", records);
		}
		return any.append(")").toString();
	}

	private void insertRevision(RecordingId id, Revision v) {
		jdbc.sql("""
				insert into recordings_revision (id, recording_id, version, recorded_by, device_serial, started_at,
				    ended_at, case_id, changed_by, changed_at, reason, device_finding, current)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true)""")
			.params(v.id(), id.id(), v.version(), v.recordedBy().id(), v.deviceSerial(), utc(v.startedAt()),
					utc(v.endedAt()), v.caseId() == null ? null : v.caseId().id(), v.changedBy().id(),
					utc(v.changedAt()), v.reason(), v.deviceFinding() == null ? null : v.deviceFinding().name())
			.update();
		for (var stage : v.stageIds()) {
			jdbc.sql("insert into recordings_revision_stage (revision_id, stage_id) values (?, ?)")
				.params(v.id(), stage.id()).update();
		}
	}

	private List<Recording> complete(List<Recording> recordings) {
		var stages = stagesOf(recordings.stream().map(r -> r.current().id()).toList());
		return recordings.stream()
			.map(r -> new Recording(r.id(), r.originalName(), r.digest(), r.facts(), r.uploadedBy(), r.uploadedAt(),
					r.channel(), withStages(r.current(), stages), r.recordedAtIngest(), r.everLinked()))
			.toList();
	}

	private Map<UUID, List<StageId>> stagesOf(List<UUID> revisionIds) {
		if (revisionIds.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("select revision_id, stage_id from recordings_revision_stage where revision_id in (:ids)")
			.param("ids", revisionIds)
			.query((rs, row) -> Map.entry(rs.getObject("revision_id", UUID.class),
					new StageId(rs.getObject("stage_id", UUID.class))))
			.list().stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
	}

	private static Revision withStages(Revision v, Map<UUID, List<StageId>> stages) {
		return new Revision(v.id(), v.version(), v.recordedBy(), v.deviceSerial(), v.startedAt(), v.endedAt(),
				v.caseId(), stages.getOrDefault(v.id(), List.of()), v.changedBy(), v.changedAt(), v.reason(),
				v.deviceFinding());
	}

	private static Recording map(ResultSet rs, int row) throws SQLException {
		var duration = rs.getObject("duration_millis", Long.class);
		var facts = new MediaFacts(RecordingKind.valueOf(rs.getString("kind")), rs.getString("media_type"),
				instant(rs.getObject("file_created_at", OffsetDateTime.class)),
				duration == null ? null : Duration.ofMillis(duration), rs.getObject("latitude", Double.class),
				rs.getObject("longitude", Double.class));
		return new Recording(new RecordingId(rs.getObject("id", UUID.class)), rs.getString("original_name"),
				new ContentDigest(rs.getString("sha256"), rs.getString("sm3"), rs.getLong("size_bytes")), facts,
				new StaffId(rs.getObject("uploaded_by", UUID.class)),
				rs.getObject("uploaded_at", OffsetDateTime.class).toInstant(), Channel.valueOf(rs.getString("channel")),
				revision(rs), new StaffId(rs.getObject("recorded_at_ingest", UUID.class)), rs.getBoolean("ever_linked"));
	}

	private static Revision revision(ResultSet rs) throws SQLException {
		var caseId = rs.getObject("case_id", UUID.class);
		return new Revision(rs.getObject("revision_id", UUID.class), rs.getInt("version"),
				new StaffId(rs.getObject("recorded_by", UUID.class)), rs.getString("device_serial"),
				rs.getObject("started_at", OffsetDateTime.class).toInstant(),
				rs.getObject("ended_at", OffsetDateTime.class).toInstant(), caseId == null ? null : new CaseId(caseId),
				List.of(), new StaffId(rs.getObject("changed_by", UUID.class)),
				rs.getObject("changed_at", OffsetDateTime.class).toInstant(), rs.getString("reason"),
				rs.getString("device_finding") == null ? null : DeviceFinding.valueOf(rs.getString("device_finding")));
	}


}
