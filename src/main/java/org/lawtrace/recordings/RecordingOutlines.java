package org.lawtrace.recordings;

import static org.lawtrace.shared.DatabaseTime.instant;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.Cursors;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.StageId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recordings module's bulk reads over ranges of cases (current revisions only), so a module that looks at
 * every case asks here instead of reading this module's tables.
 */
@Repository
@Transactional(readOnly = true)
public class RecordingOutlines {

	private static final int CHUNK = 1000;

	private final JdbcClient jdbc;
	private final JdbcTemplate cursors;

	RecordingOutlines(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.cursors = Cursors.template(dataSource);
	}

	/**
	 * The recordings now linked to any case, sorted by case id and read as the caller walks them ({@link Cursors}),
	 * to be walked beside {@code CaseOutlines.all()}: one pass over the table instead of a round of index lookups per
	 * range of cases. Call it inside a read-only, repeatable-read transaction and close the stream.
	 */
	public Stream<RecordingOutline> ofAllCases() {
		// the stages joined as one aggregate (a hash join), not looked up revision by revision
		return cursors.queryForStream("""
				select r.recording_id, r.case_id, r.recorded_by, r.device_serial, r.started_at, r.ended_at,
				       r.device_finding, rec.kind, rec.uploaded_at, s.stages
				from recordings_revision r join recordings_recording rec on rec.id = r.recording_id
				left join (select revision_id, array_agg(stage_id) as stages from recordings_revision_stage
				           group by revision_id) s on s.revision_id = r.id
				where r.current and r.case_id is not null
				order by r.case_id""", RecordingOutlines::outline);
	}

	/** The recordings now linked to a case with {@code first <= id <= last}. */
	public List<RecordingOutline> ofCasesBetween(CaseId first, CaseId last) {
		// each revision's stages come with it (an index lookup inside the database), not in a second round of
		// queries by lists of revision ids
		return jdbc.sql("""
				select r.recording_id, r.case_id, r.recorded_by, r.device_serial, r.started_at, r.ended_at,
				       r.device_finding, rec.kind, rec.uploaded_at,
				       (select array_agg(s.stage_id) from recordings_revision_stage s where s.revision_id = r.id) as stages
				from recordings_revision r join recordings_recording rec on rec.id = r.recording_id
				where r.current and r.case_id between :first and :last""")
			.param("first", first.id()).param("last", last.id())
			.query(RecordingOutlines::outline)
			.list();
	}

	private static RecordingOutline outline(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		var finding = rs.getString("device_finding");
		return new RecordingOutline(new RecordingId(rs.getObject("recording_id", UUID.class)),
				RecordingKind.valueOf(rs.getString("kind")), new CaseId(rs.getObject("case_id", UUID.class)),
				new StaffId(rs.getObject("recorded_by", UUID.class)), rs.getString("device_serial"),
				instant(rs.getObject("started_at", OffsetDateTime.class)),
				instant(rs.getObject("ended_at", OffsetDateTime.class)),
				instant(rs.getObject("uploaded_at", OffsetDateTime.class)),
				finding == null ? null : DeviceFinding.valueOf(finding), stages(rs.getArray("stages")));
	}

	/** The stage ids a query aggregated ({@code array_agg}), none when it aggregated no rows. */
	private static List<StageId> stages(java.sql.@Nullable Array ids) throws java.sql.SQLException {
		if (ids == null) {
			return List.of();
		}
		var stages = new ArrayList<StageId>();
		for (var id : (Object[]) ids.getArray()) {
			stages.add(new StageId((UUID) id));
		}
		return stages;
	}

	/** The cases a recording is or ever was linked to, so a move re-judges the case it left as well. */
	public List<CaseId> casesEverLinked(RecordingId recording) {
		return jdbc.sql("select distinct case_id from recordings_revision where recording_id = ? and case_id is not null")
			.param(recording.id())
			.query(UUID.class)
			.list()
			.stream()
			.map(CaseId::new)
			.toList();
	}

	/**
	 * Up to {@code limit} recordings with an id after {@code after} (from the first when null), in id order, with
	 * their digests and every revision: the table read page by page, to be checked against the audit log.
	 */
	public List<RecordingFacts> facts(@Nullable RecordingId after, int limit) {
		var heads = after == null
				? jdbc.sql("select id, sha256, size_bytes, sm3 from recordings_recording order by id limit ?")
					.param(limit).query(RecordingOutlines::head).list()
				: jdbc.sql("select id, sha256, size_bytes, sm3 from recordings_recording where id > ? order by id limit ?")
					.params(after.id(), limit).query(RecordingOutlines::head).list();
		return withRevisions(heads);
	}

	/** The same facts of the named recordings that exist; those that do not are left out. */
	public List<RecordingFacts> factsOf(java.util.Collection<RecordingId> ids) {
		var heads = new ArrayList<RecordingFacts>();
		var all = ids.stream().map(RecordingId::id).distinct().toList();
		for (var from = 0; from < all.size(); from += CHUNK) {
			var chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
			heads.addAll(jdbc.sql("select id, sha256, size_bytes, sm3 from recordings_recording where id in ("
					+ String.join(",", Collections.nCopies(chunk.size(), "?")) + ") order by id")
				.params(chunk.toArray()).query(RecordingOutlines::head).list());
		}
		return withRevisions(heads);
	}

	private List<RecordingFacts> withRevisions(List<RecordingFacts> heads) {
		if (heads.isEmpty()) {
			return heads;
		}
		var revisions = new HashMap<UUID, List<RecordingFacts.RevisionFacts>>();
		var ids = heads.stream().map(h -> h.id().id()).toList();
		for (var from = 0; from < ids.size(); from += CHUNK) {
			var chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
			jdbc.sql("select recording_id, version, recorded_by, case_id, current from recordings_revision "
					+ "where recording_id in (" + String.join(",", Collections.nCopies(chunk.size(), "?"))
					+ ") order by recording_id, version")
				.params(chunk.toArray())
				.query((rs, n) -> revisions.computeIfAbsent(rs.getObject("recording_id", UUID.class),
						k -> new ArrayList<>())
					.add(new RecordingFacts.RevisionFacts(rs.getInt("version"),
							new StaffId(rs.getObject("recorded_by", UUID.class)),
							rs.getObject("case_id", UUID.class) == null ? null
									: new CaseId(rs.getObject("case_id", UUID.class)),
							rs.getBoolean("current"))))
				.list();
		}
		return heads.stream()
			.map(h -> new RecordingFacts(h.id(), h.sha256(), h.sizeBytes(), h.sm3(),
					revisions.getOrDefault(h.id().id(), List.of())))
			.toList();
	}

	private static RecordingFacts head(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new RecordingFacts(new RecordingId(rs.getObject("id", UUID.class)), rs.getString("sha256").strip(),
				rs.getLong("size_bytes"), rs.getString("sm3") == null ? null : rs.getString("sm3").strip(), List.of());
	}
}
