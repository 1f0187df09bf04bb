package org.lawtrace.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.RecordRef;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.storage.BlobDestruction;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * ART-16: a record whose case file is archived is kept off the month's disposition list, because the archival
 * package holds a copy of it that a disposition cannot destroy yet; destroying the record alone would leave that copy
 * while the destruction register says destroyed.
 */
class DisposalUnitTests {

	@Test
	@DisplayName("ART-16: a due record of an archived case is withheld as archived; one of a case not archived may go")
	void archivedCasesRecordsAreWithheld() {
		var archivedCase = new CaseId(UUID.randomUUID());
		var otherCase = new CaseId(UUID.randomUUID());
		var inArchived = due(archivedCase);
		var inOther = due(otherCase);
		var due = mock(DueRecords.class);
		var time = mock(BureauTime.class);
		when(time.today()).thenReturn(LocalDate.of(2040, 1, 1));
		when(due.dueBy(any())).thenReturn(List.of(inArchived, inOther));
		var tombstones = mock(Tombstones.class);
		when(tombstones.all()).thenReturn(Set.of());
		var dispositions = mock(Dispositions.class);
		when(dispositions.onOpenDispositions()).thenReturn(Set.of());
		var holds = mock(LegalHolds.class);
		when(holds.inForce()).thenReturn(List.of());
		var longTerm = mock(LongTermPreservation.class);
		when(longTerm.approvedSubjects()).thenReturn(Set.of());
		var archives = mock(Archives.class);
		when(archives.archivedAmong(any())).thenReturn(Set.of(archivedCase.id()));
		var disposal = new Disposal(due, dispositions, tombstones, holds, longTerm, mock(BlobDestruction.class),
				mock(StaffDirectory.class), time, mock(ApplicationEventPublisher.class),
				mock(PlatformTransactionManager.class), mock(DestructionRegister.class), archives);

		var list = disposal.dueList();

		assertThat(list).filteredOn(r -> r.record().equals(inArchived.record())).singleElement()
			.satisfies(r -> assertThat(r.withheld()).isEqualTo(DueRecord.Withheld.ARCHIVED));
		assertThat(list).filteredOn(r -> r.record().equals(inOther.record())).singleElement()
			.satisfies(r -> assertThat(r.disposable()).isTrue());
	}

	private static DueRecord due(CaseId caseId) {
		return new DueRecord(RecordRef.recording(UUID.randomUUID()), caseId, "东市监检〔2026〕1号", "现场检查录像",
				RetentionPeriod.years(10), LocalDate.of(2026, 12, 1), LocalDate.of(2036, 12, 1),
				List.of(new DueRecord.Blob("ORIGINAL", new ContentDigest("a".repeat(64), null, 1))), null);
	}
}
