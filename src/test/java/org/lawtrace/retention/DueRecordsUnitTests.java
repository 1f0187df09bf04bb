package org.lawtrace.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lawtrace.cases.Case;
import org.lawtrace.cases.CaseKind;
import org.lawtrace.cases.CaseManagement;
import org.lawtrace.cases.CaseOutlines;
import org.lawtrace.cases.Procedure;
import org.lawtrace.documents.Document;
import org.lawtrace.documents.DocumentCatalog;
import org.lawtrace.documents.DocumentId;
import org.lawtrace.documents.DocumentVersion;
import org.lawtrace.recordings.RecordingCatalog;
import org.lawtrace.recordings.RecordingDerivatives;
import org.lawtrace.recordings.RecordingQuery;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.UnitId;
import org.springframework.core.io.DefaultResourceLoader;

/** The due list under a file plan row counted from archiving (归档之日). */
class DueRecordsUnitTests {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@TempDir
	Path dir;

	@Test
	@DisplayName("ART-16: a row whose cut-off is archiving counts from the day the file was archived, and a file not archived is never due")
	void archivingCutOffCountsFromTheArchivesDate() throws Exception {
		Files.writeString(dir.resolve("file-plan.yaml"), """
				version: test-archived
				confirmed: true
				categories:
				  - id: ALL
				    name: 全部
				    period: 10Y
				    cut-off: ARCHIVED
				daily-recordings:
				  period: 1Y
				""", StandardCharsets.UTF_8);
		var plan = new FilePlan(new DefaultResourceLoader(), "file:" + dir + "/file-plan.yaml");
		var c = FilePlanUnitTests.aCase(CaseKind.SUPERVISION_INSPECTION, Procedure.GENERAL, false);
		var outlines = mock(CaseOutlines.class);
		when(outlines.closedIdsAfter(isNull(), any(Integer.class))).thenReturn(List.of(c.id()));
		var cases = mock(CaseManagement.class);
		when(cases.require(c.id())).thenReturn(c);
		var document = mock(Document.class);
		var version = mock(DocumentVersion.class);
		when(version.number()).thenReturn(1);
		when(version.digest()).thenReturn(new ContentDigest("a".repeat(64), null, 3));
		when(document.id()).thenReturn(DocumentId.random());
		when(document.title()).thenReturn("现场检查笔录");
		when(document.versions()).thenReturn(List.of(version));
		var documents = mock(DocumentCatalog.class);
		when(documents.documents(c.id())).thenReturn(List.of(document));
		var archives = mock(Archives.class);
		var time = BureauTime.of(Clock.fixed(Instant.parse("2040-01-01T00:00:00Z"), ZONE), ZONE);
		var recordings = mock(RecordingCatalog.class);
		when(recordings.search(any(RecordingQuery.class))).thenReturn(new RecordingCatalog.Page(List.of(), 0, 0, 200));
		var due = new DueRecords(plan, outlines, cases, recordings,
				mock(RecordingDerivatives.class), documents, time, archives);
		// closed 2026-03-01: ten years from the closing have run out by 2040, but the row counts from archiving
		when(archives.byCase(c.id())).thenReturn(Optional.empty());
		assertThat(due.dueBy(LocalDate.of(2040, 1, 1))).as("not archived: the period has not begun").isEmpty();

		when(archives.archived(c.id())).thenReturn(true);
		when(archives.byCase(c.id())).thenReturn(Optional.of(archived(c, Instant.parse("2031-06-30T16:30:00Z"))));
		assertThat(due.dueBy(LocalDate.of(2041, 6, 30))).as("archived 2031-07-01 bureau time: due ten years on").isEmpty();
		assertThat(due.dueBy(LocalDate.of(2041, 7, 1))).singleElement().satisfies(r -> {
			assertThat(r.cutOff()).isEqualTo(LocalDate.of(2031, 7, 1));
			assertThat(r.dueOn()).isEqualTo(LocalDate.of(2041, 7, 1));
			assertThat(r.period()).isEqualTo(RetentionPeriod.years(10));
			assertThat(r.withheld()).as("the whole file is due: it may go").isNull();
		});
	}

	@Test
	@DisplayName("ART-16: the cut-off day is the closing or the archiving as the row says, none before it happened")
	void cutOffOf() {
		var closed = LocalDate.of(2026, 3, 1);
		var archived = LocalDate.of(2026, 5, 1);
		assertThat(DueRecords.cutOffOf(CutOff.CASE_CLOSED, closed, archived)).isEqualTo(closed);
		assertThat(DueRecords.cutOffOf(CutOff.ARCHIVED, closed, archived)).isEqualTo(archived);
		assertThat(DueRecords.cutOffOf(CutOff.ARCHIVED, closed, null)).isNull();
		assertThat(DueRecords.cutOffOf(CutOff.CASE_CLOSED, null, null)).isNull();
	}

	private static ArchiveFile archived(Case c, Instant at) {
		var day = LocalDate.ofInstant(at, ZONE);
		return new ArchiveFile(java.util.UUID.randomUUID(), c.id(), "2031-0001", UnitId.random(), 2031, 1, "ALL",
				"test-archived", RetentionPeriod.years(10), CutOff.ARCHIVED, day,
				RetentionPeriod.years(10).dueOn(day).orElseThrow(), at, StaffId.random(), null, null, List.of(), null);
	}
}
