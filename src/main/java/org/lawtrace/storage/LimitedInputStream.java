package org.lawtrace.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A stream that ends after a given number of bytes, so a range read cannot run on into the rest of the blob. */
final class LimitedInputStream extends FilterInputStream {

	private long remaining;

	LimitedInputStream(InputStream in, long limit) {
		super(in);
		this.remaining = limit;
	}

	@Override
	public int read() throws IOException {
		if (remaining <= 0) {
			return -1;
		}
		var b = super.read();
		if (b != -1) {
			remaining--;
		}
		return b;
	}

	@Override
	public int read(byte[] b, int off, int len) throws IOException {
		if (remaining <= 0) {
			return len == 0 ? 0 : -1;
		}
		var read = super.read(b, off, (int) Math.min(len, remaining));
		if (read > 0) {
			remaining -= read;
		}
		return read;
	}

	@Override
	public long skip(long n) throws IOException {
		var skipped = super.skip(Math.min(n, remaining));
		remaining -= skipped;
		return skipped;
	}

	@Override
	public int available() throws IOException {
		return (int) Math.min(super.available(), remaining);
	}

	@Override
	public boolean markSupported() {
		// a reset would have to give back the counted bytes; ranges are read straight through
		return false;
	}
}
