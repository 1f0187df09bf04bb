package org.lawtrace.storage;

import org.lawtrace.shared.ContentDigest;

/**
 * A store that can give up a blob for lawful disposition (销毁, ART-16). Package-private on purpose: only
 * {@link BlobDestruction}, which first checks the director's approval, reaches it; {@link BlobStore}, which every
 * module holds, has no way to delete.
 */
interface Destructible {

	/**
	 * Removes every stored version of the blob from this copy, or says why it could not.
	 *
	 * @param digest must not be {@literal null}.
	 * @return what happened to this copy; will never be {@literal null}.
	 */
	BlobDestruction.CopyOutcome destroy(ContentDigest digest);
}
