package org.lawtrace.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.documents.Document;
import org.lawtrace.documents.DocumentCatalog;
import org.lawtrace.documents.DocumentVersion;
import org.lawtrace.recordings.RecordingCatalog;
import org.lawtrace.recordings.RecordingDerivatives;
import org.lawtrace.recordings.RecordingQuery;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.UnitId;
import org.lawtrace.storage.Copy;
import org.lawtrace.storage.RetentionLocks;

/**
 * Archiving sets the Object Lock retention of the package and the case's records to the file's period (ART-16). The
 * store's own part (COMPLIANCE retention only ever moves later; nothing to set on a filesystem store) is proved in
 * {@code S3StoreContract} (S3Mock and Ceph RGW) and in {@code RetentionLocks} itself.
 */
class RetentionLockExtensionUnitTests {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
	private static final Instant NOW = Instant.parse("2027-03-01T02:00:00Z");
	private static final ContentDigest PACKAGE = new ContentDigest("b".repeat(64), null, 10);
	private static final ContentDigest RECORD = new ContentDigest("c".repeat(64), null, 5);

	private final RetentionLocks locks = mock(RetentionLocks.class);
	private final List<Instant> asked = new ArrayList<>();

	RetentionLockExtension extension(CaseId caseId) {
		when(locks.retainAtLeast(any(), any())).thenAnswer(i -> {
			asked.add(i.getArgument(1));
			return List.of(new RetentionLocks.Locked(Copy.PRIMARY, true, "retained"));
		});
		var recordings = mock(RecordingCatalog.class);
		when(recordings.search(any(RecordingQuery.class))).thenReturn(new RecordingCatalog.Page(List.of(), 0, 0, 200));
		var version = mock(DocumentVersion.class);
		when(version.digest()).thenReturn(RECORD);
		var document = mock(Document.class);
		when(document.versions()).thenReturn(List.of(version));
		var documents = mock(DocumentCatalog.class);
		when(documents.documents(caseId)).thenReturn(List.of(document));
		return new RetentionLockExtension(locks, recordings, mock(RecordingDerivatives.class), documents,
				Clock.fixed(NOW, ZONE), Period.ofYears(5), Period.ofYears(100), mock(Archives.class),
				BureauTime.of(Clock.fixed(NOW, ZONE), ZONE));
	}

	@Test
	@DisplayName("ART-16: archiving locks the package and the case's records until the file's period has run out from its cut-off")
	void archivingLocksForTheFilesPeriod() {
		var caseId = CaseId.random();
		var closed = LocalDate.of(2026, 12, 1);
		extension(caseId).lockArchived(file(caseId, RetentionPeriod.years(10), closed,
				RetentionPeriod.years(10).dueOn(closed).orElseThrow()));
		var until = LocalDate.of(2036, 12, 1).atStartOfDay(ZONE).toInstant();
		verify(locks).retainAtLeast(PACKAGE, until);
		verify(locks).retainAtLeast(RECORD, until);
		assertThat(asked).containsOnly(until);
	}

	@Test
	@DisplayName("ART-16, ART-17: a permanent file is locked by the long-term lock setting from archiving")
	void permanentFileTakesTheLongTermLock() {
		var caseId = CaseId.random();
		extension(caseId).lockArchived(file(caseId, RetentionPeriod.PERMANENT, LocalDate.of(2026, 12, 1),
				null));
		var until = Instant.parse("2127-03-01T02:00:00Z");
		verify(locks).retainAtLeast(PACKAGE, until);
		verify(locks).retainAtLeast(RECORD, until);
	}

	private static ArchiveFile file(CaseId caseId, RetentionPeriod period, LocalDate cutOffDate,
			@Nullable LocalDate dueOn) {
		var v = new ArchiveVersion(1, PACKAGE, true, null, null, null, null, NOW, StaffId.random());
		return new ArchiveFile(UUID.randomUUID(), caseId, "2027-0001", UnitId.random(), 2027, 1, "ALL", "test", period,
				CutOff.CASE_CLOSED, cutOffDate, dueOn, NOW, StaffId.random(), null, null, List.of(v), null);
	}
}
