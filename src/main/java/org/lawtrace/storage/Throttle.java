package org.lawtrace.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;

/**
 * Keeps a run of the fixity audit at or under its read rate, so it never starves uploads and playback of the disk:
 * after each read it sleeps for as long as it is ahead of the rate, counted from the start of the run.
 */
final class Throttle {

	private final long bytesPerSecond;
	private final long startedNanos = System.nanoTime();
	private long bytes;

	Throttle(long bytesPerSecond) {
		this.bytesPerSecond = Math.max(1, bytesPerSecond);
	}

	InputStream limit(InputStream in) {
		return new FilterInputStream(in) {

			@Override
			public int read() throws IOException {
				var b = super.read();
				if (b >= 0) {
					took(1);
				}
				return b;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				var n = super.read(buffer, offset, length);
				if (n > 0) {
					took(n);
				}
				return n;
			}
		};
	}

	private synchronized void took(long n) throws InterruptedIOException {
		bytes += n;
		var dueNanos = (long) (bytes * 1_000_000_000.0 / bytesPerSecond);
		var aheadNanos = dueNanos - (System.nanoTime() - startedNanos);
		if (aheadNanos > 1_000_000) {
			try {
				Thread.sleep(aheadNanos / 1_000_000, (int) (aheadNanos % 1_000_000));
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new InterruptedIOException("fixity audit interrupted");
			}
		}
	}
}
