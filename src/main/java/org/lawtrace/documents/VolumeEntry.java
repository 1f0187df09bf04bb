package org.lawtrace.documents;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One line of a volume's contents list (卷内文件目录): a document, or an AV record filed as evidence (ART-16.3).
 *
 * @param pages where the document lies in the volume, e.g. {@code 3-5}; null for an AV record, kept apart
 * @param effective whether the document's current version has its confirmations (ART-05.4); AV records: true
 */
public record VolumeEntry(int position, int section, @Nullable DocumentId documentId, @Nullable UUID recordingId,
		@Nullable String number, String title, String kindName, LocalDate date, @Nullable String pages,
		int pageCount, boolean effective, @Nullable String note) {
}
