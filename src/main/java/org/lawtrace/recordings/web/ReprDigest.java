package org.lawtrace.recordings.web;

import java.util.Base64;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.InvalidInput;

/**
 * Reads the SHA-256 a client announces in an RFC 9530 {@code Repr-Digest} or {@code Content-Digest} header, such
 * as {@code sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:}.
 */
final class ReprDigest {

	private ReprDigest() {
	}

	static @Nullable String sha256Hex(@Nullable String header) {
		if (header == null || header.isBlank()) {
			return null;
		}
		for (var member : header.split(",")) {
			var pair = member.strip().split("=", 2);
			if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("sha-256")) {
				var value = pair[1].strip();
				if (value.length() < 3 || !value.startsWith(":") || !value.endsWith(":")) {
					throw new InvalidInput("Repr-Digest", "摘要头格式不正确 (malformed digest header)");
				}
				try {
					var bytes = Base64.getDecoder().decode(value.substring(1, value.length() - 1));
					if (bytes.length != 32) {
						throw new InvalidInput("Repr-Digest", "SHA-256 摘要长度不正确 (a SHA-256 digest is 32 bytes)");
					}
					return HexFormat.of().formatHex(bytes);
				}
				catch (IllegalArgumentException e) {
					throw new InvalidInput("Repr-Digest", "摘要头不是 base64 (digest is not base64)");
				}
			}
		}
		return null;
	}
}
