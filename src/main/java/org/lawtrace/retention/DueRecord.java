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
 * an approved long-term mark, already on a disposition, part of an archived file that may not go whole), or is null
 * when it may.
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
		 * 归档案卷须整卷销毁: its case file is archived, and the archival packages hold a copy of every record of the
		 * case, so the file is disposed of whole, packages and records together (ART-16); another record of it is held,
		 * marked long-term or not due yet, or the file itself is not due under its own period.
		 */
		FILE_KEPT,
		/**
		 * 归档包已刻入与其他档案共用的长期保存光盘: destroying that disc image would destroy the other files' copies too
		 * (ART-17); kept until the disc is dealt with.
		 */
		SHARED_DISC
	}

	public boolean disposable() {
		return withheld == null;
	}

	DueRecord withheld(Withheld why) {
		return new DueRecord(record, caseId, caseNumber, title, period, cutOff, dueOn, blobs, why);
	}
}
