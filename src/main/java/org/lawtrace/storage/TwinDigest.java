package org.lawtrace.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.ContentDigest;

/**
 * SHA-256 and SM3 fed with the same bytes in one pass, so content is read only once however many digests we keep;
 * on ingest only SHA-256 (the store's key) is computed, since SM3 would slow every upload to its own speed.
 */
final class TwinDigest {

	/** Large enough to keep system calls rare on multi-gigabyte files, small enough to cost nothing per upload. */
	static final int BUFFER_SIZE = 256 * 1024;

	private final MessageDigest sha256;
	private final @Nullable SM3Digest sm3;
	private long size;

	TwinDigest() {
		this(true);
	}

	private TwinDigest(boolean withSm3) {
		sm3 = withSm3 ? new SM3Digest() : null;
		try {
			sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("Every Java runtime must provide SHA-256", e);
		}
	}

	void update(byte[] bytes, int offset, int length) {
		sha256.update(bytes, offset, length);
		if (sm3 != null) {
			sm3.update(bytes, offset, length);
		}
		size += length;
	}

	ContentDigest finish() {
		var hex = HexFormat.of();
		String sm3Hex = null;
		if (sm3 != null) {
			var sm3Bytes = new byte[sm3.getDigestSize()];
			sm3.doFinal(sm3Bytes, 0);
			sm3Hex = hex.formatHex(sm3Bytes);
		}
		return new ContentDigest(hex.formatHex(sha256.digest()), sm3Hex, size);
	}

	static ContentDigest of(byte[] bytes) {
		var digest = new TwinDigest();
		digest.update(bytes, 0, bytes.length);
		return digest.finish();
	}

	/** Reads {@code in} to its end, keeping only the digests. */
	static ContentDigest of(InputStream in) throws IOException {
		return of(in, true);
	}

	/** Reads {@code in} to its end, keeping its SHA-256, its size and, when {@code withSm3}, its SM3. */
	static ContentDigest of(InputStream in, boolean withSm3) throws IOException {
		var digest = new TwinDigest(withSm3);
		var buffer = new byte[BUFFER_SIZE];
		int read;
		while ((read = in.read(buffer)) != -1) {
			digest.update(buffer, 0, read);
		}
		return digest.finish();
	}

	/** Copies {@code in} to {@code out} through one fixed buffer, taking the SHA-256 of each chunk on its way. */
	static ContentDigest copy(InputStream in, WritableByteChannel out) throws IOException {
		var digest = new TwinDigest(false);
		var buffer = new byte[BUFFER_SIZE];
		var chunk = ByteBuffer.wrap(buffer);
		int read;
		// multipart parsers hand out a few KiB per read: filling the buffer first keeps writes and digest calls large
		while ((read = in.readNBytes(buffer, 0, buffer.length)) > 0) {
			digest.update(buffer, 0, read);
			chunk.clear().limit(read);
			while (chunk.hasRemaining()) {
				out.write(chunk);
			}
		}
		return digest.finish();
	}
}
