package org.lawtrace.storage;

import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.InvalidInput;

/** The one rule for byte ranges both stores share: a range lies wholly within the blob it names. */
final class Ranges {

	private Ranges() {
	}

	static void requireWithin(ContentDigest digest, long offset, long length) {
		if (offset < 0 || length < 0 || offset > digest.sizeBytes() || length > digest.sizeBytes() - offset) {
			throw new InvalidInput("range", "范围超出文件 (range outside the content): offset " + offset + ", length "
					+ length + ", size " + digest.sizeBytes());
		}
	}
}
