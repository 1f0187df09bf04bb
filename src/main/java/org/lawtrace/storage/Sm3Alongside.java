package org.lawtrace.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * SM3 computed in a thread of its own over bytes another thread reads (and hashes with SHA-256, or writes): SM3 in
 * Java runs at a seventh of SHA-256's speed, so a copy or a read-back that must check both takes SM3's time, not the
 * sum. Bytes are copied into a few pooled buffers, so the reader never waits unless SM3 falls behind by all of them.
 */
final class Sm3Alongside implements AutoCloseable {

	private static final int BUFFERS = 8;
	private static final int BUFFER_SIZE = 1024 * 1024;
	private static final Chunk END = new Chunk(new byte[0], 0);

	private record Chunk(byte[] bytes, int length) {
	}

	private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
	private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(BUFFERS + 1);
	private final SM3Digest sm3 = new SM3Digest();
	private final Thread worker;
	private volatile boolean stopped;
	private byte[] current;
	private int filled;
	private long size;

	Sm3Alongside() {
		for (var i = 0; i < BUFFERS - 1; i++) {
			free.add(new byte[BUFFER_SIZE]);
		}
		current = new byte[BUFFER_SIZE];
		worker = new Thread(this::digest, "sm3-alongside");
		worker.setDaemon(true);
		worker.start();
	}

	void update(byte[] bytes, int offset, int length) {
		size += length;
		while (length > 0) {
			var n = Math.min(length, current.length - filled);
			System.arraycopy(bytes, offset, current, filled, n);
			filled += n;
			offset += n;
			length -= n;
			if (filled == current.length) {
				hand();
			}
		}
	}

	long size() {
		return size;
	}

	/** @return the SM3 of every byte given, in hex; waits for the worker to catch up. */
	String finish() {
		if (filled > 0) {
			hand();
		}
		put(END);
		try {
			worker.join();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while computing SM3", e);
		}
		var out = new byte[sm3.getDigestSize()];
		sm3.doFinal(out, 0);
		return HexFormat.of().formatHex(out);
	}

	private void hand() {
		put(new Chunk(current, filled));
		try {
			current = free.take();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while computing SM3", e);
		}
		filled = 0;
	}

	private void put(Chunk chunk) {
		try {
			full.put(chunk);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while computing SM3", e);
		}
	}

	private void digest() {
		try {
			while (!stopped) {
				var chunk = full.take();
				if (chunk == END) {
					return;
				}
				sm3.update(chunk.bytes(), 0, chunk.length());
				free.put(chunk.bytes());
			}
		}
		catch (InterruptedException e) {
			// closed before finishing: the digest is abandoned
		}
	}

	/** Abandons the digest (after a failed copy); harmless after {@link #finish()}. */
	@Override
	public void close() {
		stopped = true;
		worker.interrupt();
	}

	/** An input stream that hands every byte read through it to SM3 alongside. */
	InputStream watching(InputStream in) {
		return new java.io.FilterInputStream(in) {

			@Override
			public int read() throws IOException {
				var b = super.read();
				if (b >= 0) {
					update(new byte[] { (byte) b }, 0, 1);
				}
				return b;
			}

			@Override
			public int read(byte[] bytes, int offset, int length) throws IOException {
				var n = super.read(bytes, offset, length);
				if (n > 0) {
					update(bytes, offset, n);
				}
				return n;
			}

			@Override
			public long skip(long n) {
				throw new UnsupportedOperationException("every byte must be digested");
			}
		};
	}

	/**
	 * Reads {@code in} to its end with SHA-256 in this thread and SM3 alongside: a whole fixity check at SM3's speed.
	 */
	static org.lawtrace.shared.ContentDigest digest(InputStream in) throws IOException {
		try (var sm3 = new Sm3Alongside()) {
			var sha256 = java.security.MessageDigest.getInstance("SHA-256");
			var buffer = new byte[TwinDigest.BUFFER_SIZE];
			int read;
			while ((read = in.read(buffer)) != -1) {
				sha256.update(buffer, 0, read);
				sm3.update(buffer, 0, read);
			}
			var sm3Hex = sm3.finish();
			return new org.lawtrace.shared.ContentDigest(HexFormat.of().formatHex(sha256.digest()), sm3Hex, sm3.size());
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException("Every Java runtime must provide SHA-256", e);
		}
	}
}
