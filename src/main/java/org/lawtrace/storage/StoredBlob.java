package org.lawtrace.storage;

import org.lawtrace.shared.ContentDigest;

/**
 * The outcome of storing content: its digest, and whether identical content was stored before (then nothing was
 * written).
 */
public record StoredBlob(ContentDigest digest, boolean alreadyPresent) {
}
