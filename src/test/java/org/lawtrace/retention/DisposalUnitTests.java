package org.lawtrace.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.RecordRef;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.UnitId;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.storage.BlobDestruction;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * ART-16: the records of an archived case are disposed of with the file's archival packages, which hold a copy of
 * each, so the file goes whole: its records are on the month's list like any others, and one of them kept (a hold, a
 * long-term mark, another register, not due) keeps them all, as does a long-term disc (ART-17) the file shares with
 * others.
 */
class DisposalUnitTests {

	private final CaseId archivedCase = new CaseId(UUID.randomUUID());
	private final CaseId otherCase = new CaseId(UUID.randomUUID());
	private final DueRecords due = mock(DueRecords.class);
	private final LegalHolds holds = mock(LegalHolds.class);
	private final ArchivePackagesDue packages = mock(ArchivePackagesDue.class);
	private final ArchiveFile file = archiveOf(archivedCase);
	private Disposal disposal;

	@BeforeEach
	void setUp() {
		var time = mock(BureauTime.class);
		when(time.today()).thenReturn(LocalDate.of(2040, 1, 1));
		var tombstones = mock(Tombstones.class);
		when(tombstones.all()).thenReturn(Set.of());
		var dispositions = mock(Dispositions.class);
		when(dispositions.onOpenDispositions()).thenReturn(Set.of());
		when(holds.inForce()).thenReturn(List.of());
		var longTerm = mock(LongTermPreservation.class);
		when(longTerm.approvedSubjects()).thenReturn(Set.of());
		when(packages.filesOf(any())).thenReturn(Map.of(archivedCase, file));
		disposal = new Disposal(due, dispositions, tombstones, holds, longTerm, mock(BlobDestruction.class),
				mock(StaffDirectory.class), time, mock(ApplicationEventPublisher.class),
				mock(PlatformTransactionManager.class), mock(DestructionRegister.class), mock(Archives.class), packages);
	}

	@Test
	@DisplayName("ART-16: the due records of an archived case may be disposed of, with its packages, like any others")
	void archivedCasesRecordsMayGo() {
		var inArchived = due(archivedCase);
		var inOther = due(otherCase);
		when(due.dueBy(any())).thenReturn(List.of(inArchived, inOther));

		assertThat(disposal.dueList()).allSatisfy(r -> assertThat(r.disposable()).isTrue());
	}

	@Test
	@DisplayName("ART-16, ART-17: a hold on one record of an archived case keeps every record of the file, not only that one")
	void aHoldOnOneRecordKeepsTheWholeFile() {
		var held = due(archivedCase);
		var sibling = due(archivedCase);
		var inOther = due(otherCase);
		when(due.dueBy(any())).thenReturn(List.of(held, sibling, inOther));
		when(holds.inForce()).thenReturn(List.of(new Hold(UUID.randomUUID(), Subject.of(held.record()), archivedCase,
				HoldKind.LITIGATION, "当事人提起行政诉讼", StaffId.random(), Instant.EPOCH, null, null, null)));

		var list = disposal.dueList();

		assertThat(withheldOf(list, held)).isEqualTo(DueRecord.Withheld.HELD);
		assertThat(withheldOf(list, sibling)).isEqualTo(DueRecord.Withheld.FILE_KEPT);
		assertThat(withheldOf(list, inOther)).isNull();
	}

	@Test
	@DisplayName("ART-16: a record of an archived file not wholly due comes withheld, and keeps its siblings too")
	void aFileNotWhollyDueIsKept() {
		var notYet = due(archivedCase).withheld(DueRecord.Withheld.FILE_KEPT);
		var sibling = due(archivedCase);
		when(due.dueBy(any())).thenReturn(List.of(notYet, sibling));

		assertThat(disposal.dueList()).allSatisfy(r -> assertThat(r.withheld()).isEqualTo(DueRecord.Withheld.FILE_KEPT));
	}

	@Test
	@DisplayName("ART-17: an archived file whose package is on a long-term disc shared with other files is kept")
	void aSharedDiscKeepsTheFile() {
		var inArchived = due(archivedCase);
		when(due.dueBy(any())).thenReturn(List.of(inArchived));
		when(packages.onSharedDisc(file)).thenReturn(true);

		assertThat(withheldOf(disposal.dueList(), inArchived)).isEqualTo(DueRecord.Withheld.SHARED_DISC);
	}

	private static DueRecord.Withheld withheldOf(List<DueRecord> list, DueRecord r) {
		return list.stream().filter(x -> x.record().equals(r.record())).findFirst().orElseThrow().withheld();
	}

	private static DueRecord due(CaseId caseId) {
		return new DueRecord(RecordRef.recording(UUID.randomUUID()), caseId, "东市监检〔2026〕1号", "现场检查录像",
				RetentionPeriod.years(10), LocalDate.of(2026, 12, 1), LocalDate.of(2036, 12, 1),
				List.of(new DueRecord.Blob("ORIGINAL", new ContentDigest("a".repeat(64), null, 1))), null);
	}

	private static ArchiveFile archiveOf(CaseId caseId) {
		return new ArchiveFile(UUID.randomUUID(), caseId, "2027-0001", UnitId.random(), 2027, 1, "INSPECTION", "test",
				RetentionPeriod.years(10), CutOff.CASE_CLOSED, LocalDate.of(2026, 12, 1), LocalDate.of(2036, 12, 1),
				Instant.EPOCH, StaffId.random(), null, null, List.of(), null);
	}
}
