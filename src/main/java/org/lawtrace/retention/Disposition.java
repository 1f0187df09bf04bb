package org.lawtrace.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.RecordRef;
import org.lawtrace.shared.StaffId;

/**
 * A disposition (销毁, ART-16): the records found due when it was proposed, the appraisal opinions of the custodian
 * and legal affairs (鉴定意见), the director's decision, and, once carried out, what became of each blob. Its
 * register number names the destruction register (销毁清册).
 */
public record Disposition(UUID id, String registerNumber, String dueMonth, StaffId proposedBy, Instant proposedAt,
		Status status, @Nullable StaffId decidedBy, @Nullable Instant decidedAt, @Nullable String decisionNote,
		@Nullable StaffId carriedOutBy, @Nullable Instant carriedOutAt, List<Item> items, List<Appraisal> appraisals) {

	public Disposition {
		items = List.copyOf(items);
		appraisals = List.copyOf(appraisals);
	}

	public enum Status {
		/** 待鉴定/待审批. */
		PROPOSED,
		/** 局长已批准, not yet carried out (or a store refused some blob, to be tried again). */
		APPROVED,
		/** 局长不予批准. */
		REFUSED,
		/** 已销毁. */
		CARRIED_OUT
	}

	/** Appraisers: the custodian and legal affairs each give one opinion. */
	public enum AppraiserRole {
		CUSTODIAN, LEGAL_AFFAIRS
	}

	/**
	 * One blob on the disposition, and what became of it in each copy once carried out: a blob of a record
	 * ({@code record}), or of an archived case file ({@code archiveId}): a package version ({@code PACKAGE-V1}...) or a
	 * disc image holding one ({@code DISC-IMAGE}), destroyed with the case's records (ART-16).
	 */
	public record Item(int position, @Nullable RecordRef record, @Nullable UUID archiveId, @Nullable CaseId caseId,
			@Nullable String caseNumber, String title, String period, LocalDate cutOff, LocalDate dueOn, String blobRole,
			ContentDigest digest, @Nullable String primaryOutcome, @Nullable String replicaOutcome,
			@Nullable String outcomeDetail, @Nullable Instant destroyedAt) {

		/** The kind its rows carry for an archived file's blob, beside {@code RECORDING} and {@code DOCUMENT}. */
		static final String ARCHIVE = "ARCHIVE";

		/** A blob of an archived case file (a package version or a disc image), not of a record. */
		public boolean archival() {
			return archiveId != null;
		}

		public boolean ofRecording() {
			return record != null && record.kind() == RecordRef.Kind.RECORDING;
		}
	}

	public record Appraisal(UUID id, AppraiserRole role, boolean agrees, String opinion, StaffId givenBy,
			Instant givenAt) {
	}

	/** How many records (not blobs) the disposition lists. */
	public long records() {
		return items.stream().map(Item::record).filter(java.util.Objects::nonNull).distinct().count();
	}

	/** How many archived case files the disposition destroys with their records (ART-16). */
	public long archivedFiles() {
		return items.stream().map(Item::archiveId).filter(java.util.Objects::nonNull).distinct().count();
	}

	public boolean appraisedBy(AppraiserRole role) {
		return appraisals.stream().anyMatch(a -> a.role() == role);
	}

	/** Both appraisers have given their opinion and both agree to destroy. */
	public boolean appraisedInFavour() {
		return appraisedBy(AppraiserRole.CUSTODIAN) && appraisedBy(AppraiserRole.LEGAL_AFFAIRS)
				&& appraisals.stream().allMatch(Appraisal::agrees);
	}

	public boolean open() {
		return status == Status.PROPOSED || status == Status.APPROVED;
	}
}
