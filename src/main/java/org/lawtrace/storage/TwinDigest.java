package org.lawtrace.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.lawtrace.shared.ContentDigest;

/** SHA-256 and SM3 fed with the same bytes in one pass, so content is read only once however many digests we keep. */
final class TwinDigest {

	/** Large enough to keep system calls rare on multi-gigabyte files, small enough to cost nothing per upload. */
	static final int BUFFER_SIZE = 256 * 1024;

	private final MessageDigest sha256;
	private final SM3Digest sm3 = new SM3Digest();
	private long size;

	TwinDigest() {
		try {
			sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("Every Java runtime must provide SHA-256", e);
		}
	}

	void update(byte[] bytes, int offset, int length) {
		sha256.update(bytes, offset, length);
		sm3.update(bytes, offset, length);
		size += length;
	}

	ContentDigest finish() {
		var sm3Bytes = new byte[sm3.getDigestSize()];
		sm3.doFinal(sm3Bytes, 0);
		var hex = HexFormat.of();
		return new ContentDigest(hex.formatHex(sha256.digest()), hex.formatHex(sm3Bytes), size);
	}

	static ContentDigest of(byte[] bytes) {
		var digest = new TwinDigest();
		digest.update(bytes, 0, bytes.length);
		return digest.finish();
	}

	/** Reads {@code in} to its end, keeping only the digests. */
	static ContentDigest of(InputStream in) throws IOException {
		var digest = new TwinDigest();
		var buffer = new byte[BUFFER_SIZE];
		int read;
		while ((read = in.read(buffer)) != -1) {
			digest.update(buffer, 0, read);
		}
		return digest.finish();
	}

	/** Copies {@code in} to {@code out} through one fixed buffer, digesting each chunk on its way through. */
	static ContentDigest copy(InputStream in, WritableByteChannel out) throws IOException {
		var digest = new TwinDigest();
		var buffer = new byte[BUFFER_SIZE];
		var chunk = ByteBuffer.wrap(buffer);
		int read;
		while ((read = in.read(buffer)) != -1) {
			digest.update(buffer, 0, read);
			chunk.clear().limit(read);
			while (chunk.hasRemaining()) {
				out.write(chunk);
			}
		}
		return digest.finish();
	}
}
