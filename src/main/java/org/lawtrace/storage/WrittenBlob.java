package org.lawtrace.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.ContentDigest;

/**
 * Stores what a writer produces (a package zipped as its originals are read) without a temporary copy: the writer
 * runs on a thread of its own into a pipe, the store digests what arrives, and the blob is only staged until the
 * writer has finished without fault, so a failed writer leaves nothing behind.
 */
public final class WrittenBlob {

	private static final int PIPE = 1024 * 1024;

	/** Writes the blob's bytes to {@code out}; closing it is not its job. */
	@FunctionalInterface
	public interface Writer {

		void writeTo(OutputStream out) throws IOException;
	}

	private WrittenBlob() {
	}

	/** @param name the writer thread's name, for thread dumps. */
	public static ContentDigest store(BlobStore store, String name, Writer writer) {
		var failure = new AtomicReference<@Nullable RuntimeException>();
		try (var in = new PipedInputStream(PIPE)) {
			var out = new PipedOutputStream(in);
			var thread = new Thread(() -> {
				try (out) {
					writer.writeTo(out);
				}
				catch (IOException e) {
					failure.set(new UncheckedIOException(e));
				}
				catch (RuntimeException e) {
					failure.set(e);
				}
			}, name);
			thread.start();
			try (var staged = store.stage(in, null)) {
				join(thread);
				if (failure.get() != null) {
					throw failure.get();
				}
				return staged.commit().digest();
			}
			finally {
				in.close();
				join(thread);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void join(Thread writer) {
		try {
			writer.join();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while writing " + writer.getName(), e);
		}
	}
}
