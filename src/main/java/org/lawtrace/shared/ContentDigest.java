package org.lawtrace.shared;

import org.jspecify.annotations.Nullable;

import java.util.Locale;

/**
 * What a stored original is (原始记录的数字摘要): its SHA-256 and SM3 (GB/T 32905) digests in lowercase hex, and
 * its length in bytes.
 * <p>
 * SHA-256 and size are the key of the write-once store and are known the moment content is stored; SM3 stands
 * beside them because domestic verifiers ask for the 国密 algorithm. SM3 runs several times slower than SHA-256
 * on any CPU without SM3 instructions, so it is computed just after the content is safe rather than while a
 * multi-gigabyte upload waits, and is {@literal null} until then. Hex in other case is accepted and normalised,
 * so two digests of the same bytes are always equal.
 */
public record ContentDigest(String sha256, @Nullable String sm3, long sizeBytes) {

	public ContentDigest {
		sha256 = requireHex256("sha256", sha256);
		sm3 = sm3 == null ? null : requireHex256("sm3", sm3);
		if (sizeBytes < 0) {
			throw new InvalidInput("sizeBytes", "大小不能为负 (size must not be negative): " + sizeBytes);
		}
	}

	/** The same content with its SM3 digest known. */
	public ContentDigest withSm3(String sm3) {
		return new ContentDigest(sha256, sm3, sizeBytes);
	}

	/** Whether two digests name the same bytes: same SHA-256 and size, and the same SM3 where both know it. */
	public boolean sameContentAs(ContentDigest other) {
		return sha256.equals(other.sha256) && sizeBytes == other.sizeBytes
				&& (sm3 == null || other.sm3 == null || sm3.equals(other.sm3));
	}

	/**
	 * Checks the shape of a 256-bit digest written in hex, as a client may send it.
	 *
	 * @param field the name of the field the value came in, must not be {@literal null}.
	 * @param hex the digest, {@literal null} is refused.
	 * @return the digest in lowercase, will never be {@literal null}.
	 * @throws InvalidInput naming {@code field} when the value is not 64 hex characters.
	 */
	public static String requireHex256(String field, String hex) {
		// digests are read by the hundred thousand in bulk reads and are nearly always stored normalised already:
		// checked character by character, and copied only when they need stripping or lowering
		var normalised = hex == null ? "" : isHex256(hex) ? hex : hex.strip().toLowerCase(Locale.ROOT);
		if (!isHex256(normalised)) {
			throw new InvalidInput(field, "摘要格式不正确 (digest must be 64 hex characters): " + field);
		}
		return normalised;
	}

	private static boolean isHex256(String s) {
		if (s.length() != 64) {
			return false;
		}
		for (var i = 0; i < 64; i++) {
			var c = s.charAt(i);
			if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
				return false;
			}
		}
		return true;
	}
}
