package org.lawtrace.retention;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.RecordRef;

/**
 * A record whose retention period has run out (到期), with every blob it names: a document's versions, a recording's
 * original and the copies made of it. {@code withheld} says why it may not be disposed of after all (a hold in force,
 * an approved long-term mark, already on a disposition, an archived file), or is null when it may.
 */
public record DueRecord(RecordRef record, @Nullable CaseId caseId, @Nullable String caseNumber, String title,
		RetentionPeriod period, LocalDate cutOff, LocalDate dueOn, List<Blob> blobs, @Nullable Withheld withheld) {

	public DueRecord {
		blobs = List.copyOf(blobs);
	}

	/** One blob of the record and which of its files it is ({@code ORIGINAL}, {@code VERSION-2}, {@code POSTER}...). */
	public record Blob(String role, ContentDigest digest) {
	}

	/** Why a due record is kept all the same. */
	public enum Withheld {
		/** 冻结中: a hold for reconsideration, litigation or a petition covers it. */
		HELD,
		/** 长期保存: it or its case carries an approved long-term mark (ART-17). */
		LONG_TERM,
		/** 已列入销毁清册: it is on a disposition not yet carried out. */
		PROPOSED,
		/**
		 * 已归档: its case file is archived, and the archival package holds a copy of it that a disposition cannot yet
		 * destroy; destroying the record alone would leave the copy while the register says destroyed.
		 */
		ARCHIVED
	}

	public boolean disposable() {
		return withheld == null;
	}

	DueRecord withheld(Withheld why) {
		return new DueRecord(record, caseId, caseNumber, title, period, cutOff, dueOn, blobs, why);
	}
}
