package org.lawtrace.recordings.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.lawtrace.cases.CaseManagement;
import org.lawtrace.cases.Stage;
import org.lawtrace.cases.StageKind;
import org.lawtrace.recordings.Recording;
import org.lawtrace.recordings.RecordingCatalog;
import org.lawtrace.recordings.RecordingId;
import org.lawtrace.recordings.RecordingKind;
import org.lawtrace.recordings.RecordingQuery;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.CaseId;
import org.springframework.stereotype.Component;

/**
 * The case timeline (ART-06 at a glance): each stage of a case with its recordings' coverage and, where ART-06 asks
 * for recording throughout, the gaps. Recordings the viewer may see come with their name and link; the others
 * (ART-20) only as coverage that exists and needs approval: when, but not what, who or which file.
 */
@Component
class CaseTimeline {

	/** Enough pages of recordings for any real case; a case beyond it is drawn from its first recordings. */
	private static final int MAX_PAGES = 25;

	private final CaseManagement cases;
	private final RecordingCatalog catalog;
	private final BureauTime time;

	CaseTimeline(CaseManagement cases, RecordingCatalog catalog, BureauTime time) {
		this.cases = cases;
		this.catalog = catalog;
		this.time = time;
	}

	/** What the page says of a recording it may show. */
	record Shown(UUID id, String name, RecordingKind kind) {
	}

	/** A stage and its row. */
	record Row(UUID stageId, StageKind kind, String article, StageCoverage<Shown> coverage) {
	}

	/** @throws org.lawtrace.shared.NotFound for a case that does not exist */
	List<Row> of(CaseId caseId, String viewer) {
		cases.require(caseId);
		var all = all(caseId, null);
		var seen = new HashSet<RecordingId>();
		all(caseId, viewer).forEach(r -> seen.add(r.id()));
		var rows = new ArrayList<Row>();
		for (Stage stage : cases.stages(caseId)) {
			var pieces = all.stream()
				.filter(r -> r.current().stageIds().contains(stage.id()))
				.map(r -> piece(r, seen.contains(r.id())))
				.toList();
			var coverage = StageCoverage.of(stage.kind(), time.local(stage.startedAt()),
					stage.endedAt() == null ? null : time.local(stage.endedAt()), pieces);
			rows.add(new Row(stage.id().id(), stage.kind(), stage.kind().article(), coverage));
		}
		return rows;
	}

	private StageCoverage.Piece<Shown> piece(Recording r, boolean seen) {
		var v = r.current();
		return new StageCoverage.Piece<>(time.local(v.startedAt()), time.local(v.endedAt()),
				r.kind() != RecordingKind.PHOTO, seen ? new Shown(r.id().id(), r.originalName(), r.kind()) : null);
	}

	/** The case's recordings: all of them when {@code viewer} is null, else those the viewer may see (ART-20). */
	private List<Recording> all(CaseId caseId, @org.jspecify.annotations.Nullable String viewer) {
		var out = new ArrayList<Recording>();
		for (int page = 0; page < MAX_PAGES; page++) {
			var query = new RecordingQuery(caseId, null, null, null, null, page, RecordingQuery.MAX_PAGE_SIZE);
			var found = viewer == null ? catalog.search(query) : catalog.search(query, viewer);
			out.addAll(found.items());
			if (out.size() >= found.total() || found.items().isEmpty()) {
				break;
			}
		}
		return out;
	}
}
