package org.lawtrace.access;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.RecordRef;

/**
 * One record as a package describes it to a court: the facts the evidence rules ask of audio-visual material
 * (original carrier, how and when it was made, by whom) and the stored original's digests.
 *
 * @param extension the original's file name extension, without the dot, or empty; the file in the bag is named by
 *        the record's id, the original name is kept here
 * @param kind what sort of record: {@code VIDEO}, {@code AUDIO}, {@code PHOTO}, or a document's type
 * @param carrier the original carrier (原始载体): the recording device, as registered
 * @param method how it was made and reached the store (制作方法)
 * @param madeBy who made it (制作人), name and account
 * @param sound whether the record carries sound, so a transcript slot is offered (录音应附文字记录)
 */
public record PackageItem(RecordRef ref, String originalName, String extension, String kind, String mediaType,
		ContentDigest digest, @Nullable CaseId caseId, String carrier, String method, @Nullable Instant madeFrom,
		@Nullable Instant madeUntil, String madeBy, String storedBy, Instant storedAt, boolean sound) {
}
