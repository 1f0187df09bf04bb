package org.lawtrace.storage;

import org.lawtrace.shared.ContentDigest;

/**
 * A stored original whose bytes no longer match its recorded digest: the store's promise is broken, so this is an
 * alarm for the custodians, not a client error.
 */
public final class BlobCorrupted extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final ContentDigest expected;
	private final ContentDigest calculated;

	public BlobCorrupted(ContentDigest expected, ContentDigest calculated) {
		super("Blob " + expected.sha256() + " failed its fixity check: expected " + describe(expected)
				+ ", calculated " + describe(calculated));
		this.expected = expected;
		this.calculated = calculated;
	}

	public ContentDigest expected() {
		return expected;
	}

	public ContentDigest calculated() {
		return calculated;
	}

	private static String describe(ContentDigest digest) {
		return "sha256=" + digest.sha256() + " sm3=" + digest.sm3() + " size=" + digest.sizeBytes();
	}
}
