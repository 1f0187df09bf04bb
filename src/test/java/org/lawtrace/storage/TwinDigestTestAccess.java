package org.lawtrace.storage;

/** Lets tests of other modules compute a digest the way the store does. */
public final class TwinDigestTestAccess {

	private TwinDigestTestAccess() {
	}

	public static String sha256(byte[] bytes) {
		return TwinDigest.of(bytes).sha256();
	}
}
