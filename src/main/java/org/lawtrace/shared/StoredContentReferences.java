package org.lawtrace.shared;

import java.util.Set;

/**
 * A module that names blobs of the write-once store in its records (recordings, their derivatives, documents,
 * packages) tells the store which ones, so the store can reconcile itself with the database without reading anyone's
 * tables.
 */
public interface StoredContentReferences {

	/** What the references are, for the report: {@code recording}, {@code document}, ... */
	String kind();

	/** @return the SHA-256 (hex) of every blob this module's records name; will never be {@literal null}. */
	Set<String> sha256s();

	/**
	 * What the records say each blob they name is (SHA-256, size and, once computed, SM3), so fixity audits check the
	 * stored bytes against the records rather than against the store itself. A module that records no digests beyond
	 * the SHA-256 returns none, and its blobs are only reconciled.
	 *
	 * @return one digest per blob, will never be {@literal null}.
	 */
	default java.util.Collection<ContentDigest> digests() {
		return java.util.List.of();
	}
}
