package org.lawtrace.storage;

import java.io.IOException;
import java.io.InputStream;

import org.lawtrace.shared.ContentDigest;

/** The fixity check (固定性校验) both stores run: recompute every digest and the size, and accept only equality. */
final class Fixity {

	private Fixity() {
	}

	/**
	 * @param expected what the content is recorded to be, must not be {@literal null}.
	 * @param content the stored bytes, read to their end, must not be {@literal null}.
	 * @return the recomputed digest, SM3 included; equal to {@code expected} where that knows its SM3.
	 * @throws BlobCorrupted carrying both digests when SHA-256, size or a known SM3 differs.
	 */
	static ContentDigest verify(ContentDigest expected, InputStream content) throws IOException {
		return verify(expected, content, true);
	}

	/**
	 * The same, leaving SM3 out when {@code withSm3} is false: SHA-256 and size only, at several times SM3's speed.
	 */
	static ContentDigest verify(ContentDigest expected, InputStream content, boolean withSm3) throws IOException {
		var calculated = TwinDigest.of(content, withSm3);
		if (!calculated.sameContentAs(expected)) {
			throw new BlobCorrupted(expected, calculated);
		}
		return calculated;
	}
}
