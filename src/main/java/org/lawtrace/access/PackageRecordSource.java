package org.lawtrace.access;

import java.io.InputStream;
import java.util.List;
import java.util.UUID;

import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.RecordRef;

/**
 * Where evidence packages find records of one kind: the module that holds them implements this, so packages take in
 * audio-visual records (this module's {@code PackageRecordings}) and, once a documents module provides a bean of
 * this type for {@link RecordRef.Kind#DOCUMENT}, text records too, without this module depending on it.
 */
public interface PackageRecordSource {

	/** The kind of record this source answers for. */
	RecordRef.Kind kind();

	/**
	 * @throws org.lawtrace.shared.NotFound when there is no such record
	 */
	PackageItem describe(UUID id);

	/** The records of this kind that belong to the case now. */
	List<UUID> ofCase(CaseId caseId);

	/** The stored original, whole; the caller closes it. */
	InputStream open(PackageItem item);
}
