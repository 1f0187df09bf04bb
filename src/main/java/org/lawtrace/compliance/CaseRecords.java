package org.lawtrace.compliance;

import static org.lawtrace.shared.DatabaseTime.instant;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.lawtrace.cases.CaseKind;
import org.lawtrace.cases.StageKind;
import org.lawtrace.compliance.CaseFacts.RecordingFacts;
import org.lawtrace.compliance.CaseFacts.StageFacts;
import org.lawtrace.compliance.DeviceChecks.CheckFact;
import org.lawtrace.recordings.DeviceFinding;
import org.lawtrace.recordings.RecordingKind;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.StageId;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.UnitId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the facts the rules need for all cases whose ids fall in a range, a handful of set-based queries per batch
 * of cases instead of several per case. It reads the cases, recordings and devices modules' tables directly, read
 * only: their APIs answer one case or one recording at a time, and a full re-evaluation of 100,000 cases with a
 * million recordings through them would take hours (see bench/compliance-evaluation.sh). The columns read here
 * are those modules' published migrations; a change there is a change here.
 */
@Repository
class CaseRecords {

	private final JdbcClient jdbc;

	CaseRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The next batch of case ids after {@code after} (null: from the first), in id order. */
	List<UUID> caseIdsAfter(UUID after, int limit) {
		return jdbc.sql("select id from cases_case where id > :after order by id fetch first :limit rows only")
			.param("after", after).param("limit", limit).query(UUID.class).list();
	}

	List<UUID> firstCaseIds(int limit) {
		return jdbc.sql("select id from cases_case order by id fetch first :limit rows only").param("limit", limit)
			.query(UUID.class).list();
	}

	/** The cases a recording is or ever was linked to, so moving it re-judges the case it left. */
	List<UUID> casesOfRecording(UUID recording) {
		return jdbc.sql("select distinct case_id from recordings_revision where recording_id = ? and case_id is not null")
			.param(recording).query(UUID.class).list();
	}

	/** Facts of every case with {@code first <= id <= last}, in id order. */
	List<CaseFacts> between(UUID first, UUID last) {
		var cases = new LinkedHashMap<UUID, CaseRow>();
		jdbc.sql("""
				select c.id, c.kind, c.handling_unit_id, c.opened_at,
				       (select count(*) from cases_party p where p.case_id = c.id) as parties
				from cases_case c where c.id between :first and :last order by c.id""")
			.param("first", first).param("last", last)
			.query((rs, n) -> cases.put(rs.getObject("id", UUID.class),
					new CaseRow(CaseKind.valueOf(rs.getString("kind")), new UnitId(rs.getObject("handling_unit_id", UUID.class)),
							instant(rs.getObject("opened_at", OffsetDateTime.class)), rs.getLong("parties") > 0)))
			.list();
		if (cases.isEmpty()) {
			return List.of();
		}
		var handlers = new HashMap<UUID, List<StaffId>>();
		jdbc.sql("select case_id, staff_id from cases_handler where case_id between :first and :last order by case_id, position")
			.param("first", first).param("last", last)
			.query((rs, n) -> handlers.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
				.add(new StaffId(rs.getObject(2, UUID.class))))
			.list();
		var stageRows = jdbc.sql("""
				select id, case_id, kind, started_at, ended_at from cases_stage
				where case_id between :first and :last order by case_id, started_at""")
			.param("first", first).param("last", last)
			.query((rs, n) -> new StageRow(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
					StageKind.valueOf(rs.getString("kind")), instant(rs.getObject("started_at", OffsetDateTime.class)),
					instant(rs.getObject("ended_at", OffsetDateTime.class))))
			.list();
		var present = new HashMap<UUID, List<StaffId>>();
		inChunks("select stage_id, staff_id from cases_stage_present where stage_id in ",
				stageRows.stream().map(StageRow::id).toList(),
				(rs, n) -> present.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
					.add(new StaffId(rs.getObject(2, UUID.class))));
		var stages = new HashMap<UUID, List<StageFacts>>();
		for (var st : stageRows) {
			stages.computeIfAbsent(st.caseId(), k -> new ArrayList<>()).add(new StageFacts(new StageId(st.id()), st.kind(),
					st.start(), st.end(), present.getOrDefault(st.id(), List.of())));
		}
		var rows = jdbc.sql("""
				select r.id as revision_id, r.recording_id, r.case_id, r.recorded_by, r.device_serial, r.started_at,
				       r.ended_at, r.device_finding, rec.kind, rec.uploaded_at
				from recordings_revision r join recordings_recording rec on rec.id = r.recording_id
				where r.current and r.case_id between :first and :last""")
			.param("first", first).param("last", last)
			.query((rs, n) -> new RecordingRow(rs.getObject("revision_id", UUID.class),
					rs.getObject("recording_id", UUID.class), rs.getObject("case_id", UUID.class),
					RecordingKind.valueOf(rs.getString("kind")), new StaffId(rs.getObject("recorded_by", UUID.class)),
					rs.getString("device_serial"), instant(rs.getObject("started_at", OffsetDateTime.class)),
					instant(rs.getObject("ended_at", OffsetDateTime.class)),
					instant(rs.getObject("uploaded_at", OffsetDateTime.class)), rs.getString("device_finding")))
			.list();
		var linkedStages = new HashMap<UUID, List<StageId>>();
		inChunks("select revision_id, stage_id from recordings_revision_stage where revision_id in ",
				rows.stream().map(RecordingRow::revision).toList(),
				(rs, n) -> linkedStages.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
					.add(new StageId(rs.getObject(2, UUID.class))));
		var recordings = new HashMap<UUID, List<RecordingFacts>>();
		for (var r : rows) {
			recordings.computeIfAbsent(r.caseId(), k -> new ArrayList<>()).add(new RecordingFacts(r.recording(), r.kind(),
					r.recordedBy(), r.deviceSerial(), r.start(), r.end(), r.uploadedAt(),
					r.deviceFinding() == null ? null : DeviceFinding.valueOf(r.deviceFinding()),
					linkedStages.getOrDefault(r.revision(), List.of())));
		}
		var exemptions = new HashMap<UUID, Map<StageId, String>>();
		jdbc.sql("""
				select case_id, stage_id, reason from compliance_exemption
				where status = 'APPROVED' and case_id between :first and :last""")
			.param("first", first).param("last", last)
			.query((rs, n) -> exemptions.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashMap<>())
				.put(new StageId(rs.getObject(2, UUID.class)), rs.getString(3)))
			.list();
		var bookmarks = new HashMap<UUID, Set<BookmarkKind>>();
		inChunks("select recording_id, kind from compliance_bookmark where recording_id in ",
				rows.stream().map(RecordingRow::recording).toList(),
				(rs, n) -> bookmarks.computeIfAbsent(rs.getObject(1, UUID.class), k -> EnumSet.noneOf(BookmarkKind.class))
					.add(BookmarkKind.valueOf(rs.getString(2))));
		var facts = new ArrayList<CaseFacts>(cases.size());
		cases.forEach((id, c) -> facts.add(new CaseFacts(new CaseId(id), c.kind, c.unit,
				handlers.getOrDefault(id, List.of()), c.hasParty, c.openedAt, stages.getOrDefault(id, List.of()),
				recordings.getOrDefault(id, List.of()), exemptions.getOrDefault(id, Map.of()), bookmarks, List.of())));
		return facts;
	}

	/** The cases in the range that have text records. */
	List<UUID> withDocumentsBetween(UUID first, UUID last) {
		return jdbc.sql("select distinct case_id from documents_document where case_id between ? and ?")
			.params(first, last).query(UUID.class).list();
	}

	/** The pre-use checks of the devices the recordings of these cases name. */
	DeviceChecks checksBetween(UUID first, UUID last) {
		var bySerial = new HashMap<String, List<CheckFact>>();
		jdbc.sql("""
				select d.serial_number, c.checked_at, c.failures, c.overridden_by from devices_check c
				join devices_device d on d.id = c.device_id
				where d.serial_number in (select r.device_serial from recordings_revision r
				                          where r.current and r.case_id between :first and :last)""")
			.param("first", first).param("last", last)
			.query((rs, n) -> bySerial.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
				.add(new CheckFact(instant(rs.getObject(2, OffsetDateTime.class)),
						rs.getString(3).isEmpty() || rs.getObject(4) != null)))
			.list();
		return new DeviceChecks(bySerial);
	}

	/**
	 * Rows of a child table keyed by ids of the batch, in chunks of explicit ids: joining on the batch's id range
	 * instead made PostgreSQL scan the whole child table once per batch (a hash join), and lists of ids look the rows
	 * up by index on H2 and PostgreSQL alike.
	 */
	private void inChunks(String sql, List<UUID> ids, org.springframework.jdbc.core.RowMapper<?> row) {
		for (var from = 0; from < ids.size(); from += CHUNK) {
			var chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
			var marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
			jdbc.sql(sql + "(" + marks + ")").params(chunk.toArray()).query(row).list();
		}
	}

	private static final int CHUNK = 1000;

	private record StageRow(UUID id, UUID caseId, StageKind kind, java.time.Instant start,
			java.time.@org.jspecify.annotations.Nullable Instant end) {
	}

	private record RecordingRow(UUID revision, UUID recording, UUID caseId, RecordingKind kind, StaffId recordedBy,
			@org.jspecify.annotations.Nullable String deviceSerial, java.time.Instant start, java.time.Instant end,
			java.time.Instant uploadedAt, @org.jspecify.annotations.Nullable String deviceFinding) {
	}

	private record CaseRow(CaseKind kind, UnitId unit, java.time.Instant openedAt, boolean hasParty) {
	}
}
