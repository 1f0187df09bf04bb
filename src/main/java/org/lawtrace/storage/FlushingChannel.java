package org.lawtrace.storage;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

import org.jspecify.annotations.Nullable;

/**
 * Writes to a spool file while a background thread pushes what is already written to disk. Left alone, the kernel
 * would hold a whole multi-gigabyte upload in memory and write it only at the final {@code force}, so the client
 * would wait for the disk after the network; flushing as it goes lets both work at once and leaves the final
 * {@code force} only the last stretch.
 */
final class FlushingChannel implements WritableByteChannel {

	/** Enough to keep the disk busy, little enough that the last flush is short. */
	static final long FLUSH_EVERY = 64L * 1024 * 1024;

	private final FileChannel file;
	private final Executor flusher;
	private long unflushed;
	private @Nullable CompletableFuture<Void> pending;

	FlushingChannel(FileChannel file, Executor flusher) {
		this.file = file;
		this.flusher = flusher;
	}

	@Override
	public int write(ByteBuffer source) throws IOException {
		var written = file.write(source);
		unflushed += written;
		if (unflushed >= FLUSH_EVERY && (pending == null || pending.isDone())) {
			rethrowFailure();
			unflushed = 0;
			pending = CompletableFuture.runAsync(() -> {
				try {
					// data only: the final force(true) records the file's size and times
					file.force(false);
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}, flusher);
		}
		return written;
	}

	/** Waits for a flush still under way, then forces everything, metadata included, to disk. */
	void forceAll() throws IOException {
		awaitPending();
		file.force(true);
	}

	/** Lets a flush still under way finish, so the file is never closed beneath it. */
	@Override
	public void close() throws IOException {
		awaitPending();
	}

	@Override
	public boolean isOpen() {
		return file.isOpen();
	}

	private void awaitPending() throws IOException {
		if (pending == null) {
			return;
		}
		try {
			pending.get();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("interrupted while flushing to disk");
		}
		catch (ExecutionException e) {
			throw e.getCause() instanceof UncheckedIOException io ? io.getCause()
					: new IOException("flushing to disk failed", e.getCause());
		}
		finally {
			pending = null;
		}
	}

	private void rethrowFailure() throws IOException {
		if (pending != null && pending.isCompletedExceptionally()) {
			awaitPending();
		}
	}
}
