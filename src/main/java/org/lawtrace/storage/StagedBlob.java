package org.lawtrace.storage;

import java.io.InputStream;

/**
 * Content that has been received and digested but is not yet in the store: the caller inspects it (media type,
 * embedded metadata) and then either {@linkplain #commit() commits} it or closes it, which discards it without a
 * trace. Refused uploads therefore never reach the write-once store.
 */
public interface StagedBlob extends AutoCloseable {

	/** @return the digest and size of the received content, will never be {@literal null}. */
	org.lawtrace.shared.ContentDigest digest();

	/** @return the received content from its first byte; the caller closes it. Will never be {@literal null}. */
	InputStream open();

	/**
	 * Puts the content into the store under its digest; storing bytes that are already present changes nothing.
	 *
	 * @return what was stored, will never be {@literal null}.
	 * @throws IllegalStateException when already committed or discarded.
	 */
	StoredBlob commit();

	/** Discards the content unless it was committed. */
	@Override
	void close();
}
