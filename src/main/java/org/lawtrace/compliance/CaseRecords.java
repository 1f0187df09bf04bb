package org.lawtrace.compliance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.lawtrace.cases.CaseOutline;
import org.lawtrace.cases.CaseOutlines;
import org.lawtrace.compliance.CaseFacts.RecordingFacts;
import org.lawtrace.compliance.CaseFacts.StageFacts;
import org.lawtrace.compliance.DeviceChecks.CheckFact;
import org.lawtrace.devices.CheckHistory;
import org.lawtrace.documents.Document;
import org.lawtrace.recordings.RecordingId;
import org.lawtrace.recordings.RecordingOutline;
import org.lawtrace.recordings.RecordingOutlines;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.Cursors;
import org.lawtrace.shared.StageId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Gathers the facts the rules need for all cases whose ids fall in a range: the cases, their current recordings and
 * their devices' checks from those modules' bulk read APIs ({@link CaseOutlines}, {@link RecordingOutlines},
 * {@link CheckHistory}), a handful of set-based queries per range instead of several per case, and the exemptions
 * and bookmarks from this module's own tables.
 */
@Repository
class CaseRecords {

	private static final int CHUNK = 1000;

	private final JdbcClient jdbc;
	private final JdbcTemplate cursors;
	private final CaseOutlines cases;
	private final RecordingOutlines recordings;
	private final CheckHistory checks;

	CaseRecords(JdbcClient jdbc, DataSource dataSource, CaseOutlines cases, RecordingOutlines recordings,
			CheckHistory checks) {
		this.jdbc = jdbc;
		this.cursors = Cursors.template(dataSource);
		this.cases = cases;
		this.recordings = recordings;
		this.checks = checks;
	}

	/** The next batch of case ids after {@code after} (null: from the first), in id order. */
	List<UUID> caseIdsAfter(@Nullable UUID after, int limit) {
		return cases.idsAfter(after == null ? null : new CaseId(after), limit).stream().map(CaseId::id).toList();
	}

	List<UUID> firstCaseIds(int limit) {
		return caseIdsAfter(null, limit);
	}

	/** The cases a recording is or ever was linked to, so moving it re-judges the case it left. */
	List<UUID> casesOfRecording(UUID recording) {
		return recordings.casesEverLinked(new RecordingId(recording)).stream().map(CaseId::id).toList();
	}

	/** The facts of a range of cases, with the cases' outlines the dashboard's projection is kept from. */
	record Range(List<CaseFacts> facts, Map<UUID, CaseOutline> outlines) {

		/** The same cases with their text records attached. */
		Range withFacts(List<CaseFacts> attached) {
			return new Range(attached, outlines);
		}
	}

	/** Facts of every case with {@code first <= id <= last}, in id order. */
	Range between(UUID first, UUID last) {
		var outlines = cases.between(new CaseId(first), new CaseId(last));
		if (outlines.isEmpty()) {
			return new Range(List.of(), Map.of());
		}
		return assemble(outlines, recordings.ofCasesBetween(new CaseId(first), new CaseId(last)), first, last, null);
	}

	/** A case's outline, its recordings and its documents, as a full run reads them. */
	record Read(CaseOutline outline, List<RecordingOutline> recordings, List<Document> documents) {

		UUID id() {
			return outline.id().id();
		}
	}

	/**
	 * Every case with its recordings, in id order, read in one pass ({@link CaseOutlines#all} beside
	 * {@link RecordingOutlines#ofAllCases}); inside a read-only, repeatable-read transaction; close it.
	 */
	Stream<Read> all(Stream<Document> documents) {
		var linked = recordings.ofAllCases();
		var recordingsOf = new Cursors.Children<>(linked, r -> r.caseId().id());
		var documentsOf = new Cursors.Children<>(documents, d -> d.caseId().id());
		return cases.all()
			.map(c -> new Read(c, recordingsOf.of(c.id().id()), documentsOf.of(c.id().id())))
			.onClose(() -> {
				linked.close();
				documents.close();
			});
	}

	/** Every recording's kinds of bookmark, read in one pass for a full run. */
	BookmarkIndex bookmarks() {
		var index = new BookmarkIndex.Builder();
		cursors.query("select recording_id, kind from compliance_bookmark order by recording_id",
				(java.sql.ResultSet rs) -> index.add(rs.getObject(1, UUID.class), BookmarkKind.valueOf(rs.getString(2))));
		return index.build();
	}

	/**
	 * The facts of cases a full run read (consecutive in id order), with their exemptions and, from the run's index,
	 * their recordings' bookmarks.
	 */
	Range of(List<Read> reads, BookmarkIndex bookmarks) {
		if (reads.isEmpty()) {
			return new Range(List.of(), Map.of());
		}
		return assemble(reads.stream().map(Read::outline).toList(),
				reads.stream().flatMap(r -> r.recordings().stream()).toList(), reads.get(0).id(),
				reads.get(reads.size() - 1).id(), bookmarks);
	}

	private Range assemble(List<CaseOutline> outlines, List<RecordingOutline> linked, UUID first, UUID last,
			@Nullable BookmarkIndex index) {
		var recordingsByCase = new HashMap<CaseId, List<RecordingFacts>>();
		var recordingIds = new ArrayList<UUID>();
		for (var r : linked) {
			recordingIds.add(r.id().id());
			recordingsByCase.computeIfAbsent(r.caseId(), k -> new ArrayList<>())
				.add(new RecordingFacts(r.id().id(), r.kind(), r.recordedBy(), r.deviceSerial(), r.startedAt(),
						r.endedAt(), r.uploadedAt(), r.deviceFinding(), r.stageIds()));
		}
		var exemptions = new HashMap<UUID, Map<StageId, String>>();
		jdbc.sql("""
				select case_id, stage_id, reason from compliance_exemption
				where status = 'APPROVED' and case_id between :first and :last""")
			.param("first", first).param("last", last)
			.query((rs, n) -> exemptions.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashMap<>())
				.put(new StageId(rs.getObject(2, UUID.class)), rs.getString(3)))
			.list();
		var bookmarks = index != null ? index.of(recordingIds) : bookmarksOf(recordingIds);
		var facts = new ArrayList<CaseFacts>(outlines.size());
		var byId = new HashMap<UUID, CaseOutline>();
		for (var c : outlines) {
			byId.put(c.id().id(), c);
			var stages = c.stages().stream()
				.map(st -> new StageFacts(st.id(), st.kind(), st.start(), st.end(), st.present()))
				.toList();
			facts.add(new CaseFacts(c.id(), c.kind(), c.unit(), c.handlers(), c.hasParty(), c.openedAt(), stages,
					recordingsByCase.getOrDefault(c.id(), List.of()), exemptions.getOrDefault(c.id().id(), Map.of()),
					bookmarks, List.of()));
		}
		return new Range(facts, byId);
	}

	private Map<UUID, Set<BookmarkKind>> bookmarksOf(List<UUID> recordingIds) {
		var bookmarks = new HashMap<UUID, Set<BookmarkKind>>();
		for (var from = 0; from < recordingIds.size(); from += CHUNK) {
			var chunk = recordingIds.subList(from, Math.min(recordingIds.size(), from + CHUNK));
			jdbc.sql("select recording_id, kind from compliance_bookmark where recording_id in ("
					+ String.join(",", Collections.nCopies(chunk.size(), "?")) + ")")
				.params(chunk.toArray())
				.query((rs, n) -> bookmarks.computeIfAbsent(rs.getObject(1, UUID.class),
						k -> EnumSet.noneOf(BookmarkKind.class)).add(BookmarkKind.valueOf(rs.getString(2))))
				.list();
		}
		return bookmarks;
	}

	/** The pre-use checks of the devices the recordings of these cases name. */
	DeviceChecks checksOf(List<CaseFacts> facts) {
		var serials = new HashSet<String>();
		facts.forEach(c -> c.recordings().forEach(r -> {
			if (r.deviceSerial() != null) {
				serials.add(r.deviceSerial());
			}
		}));
		var bySerial = new HashMap<String, List<CheckFact>>();
		checks.ofSerials(serials).forEach((serial, outcomes) -> bySerial.put(serial,
				outcomes.stream().map(o -> new CheckFact(o.checkedAt(), o.good())).toList()));
		return new DeviceChecks(bySerial);
	}
}
