package org.lawtrace.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.InvalidInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an external program (ffmpeg, in practice) over a blob and takes what it writes to standard output into the
 * store as a new blob, through the same spool, digests and placement as an upload. The program gets the blob as a
 * file name, because video tools must seek (an MP4's index is often at its end); it never gets a writable handle.
 */
final class Derivation {

	/** The argument, or the part of one, that is replaced by the input file's name. */
	static final String INPUT = "{input}";

	private static final Logger log = LoggerFactory.getLogger(Derivation.class);
	static final String COPY_PREFIX = "derive-";
	static final String COPY_SUFFIX = ".src";
	private static final int STDERR_TAIL_CHARS = 2000;

	/**
	 * A copy is written once and then only read, for at most a derivation's timeout; one untouched for a day belongs
	 * to a process that died. Deleting a copy still being read would not even disturb its reader on POSIX systems.
	 */
	static final Duration ABANDONED_AFTER = Duration.ofDays(1);

	private final Spool spool;

	Derivation(Spool spool) {
		this.spool = spool;
	}

	/**
	 * @param input the blob's own file, which must be read-only to this process.
	 * @param placement where the output goes once it has been digested and the program has succeeded.
	 */
	StoredBlob run(Path input, List<String> command, Duration timeout, Spool.Placement placement) {
		var commandLine = withInput(command, input.toAbsolutePath().toString());
		Process process;
		try {
			process = new ProcessBuilder(commandLine).start();
		}
		catch (IOException e) {
			throw new DerivationFailed("Cannot start " + commandLine.get(0) + ": " + e.getMessage(), e);
		}
		return collect(process, commandLine.get(0), timeout, placement);
	}

	/**
	 * For a store with no local files: downloads the blob into the spool directory, runs the program over that copy
	 * and deletes it afterwards, whatever happened.
	 */
	StoredBlob runOnCopy(Supplier<InputStream> blob, List<String> command, Duration timeout,
			Spool.Placement placement) {
		requireInput(command);
		Path copy = null;
		try {
			copy = Files.createTempFile(spool.directory(), COPY_PREFIX, COPY_SUFFIX);
			try (var in = blob.get()) {
				Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
			}
			return run(copy, command, timeout, placement);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			deleteQuietly(copy);
		}
	}

	/** Deletes copies left behind by a process that died mid-derivation, and says how many there were. */
	static int sweep(Path directory, Instant now) {
		var cutoff = now.minus(ABANDONED_AFTER);
		var swept = 0;
		try (var files = Files.newDirectoryStream(directory, COPY_PREFIX + "*" + COPY_SUFFIX)) {
			for (var file : files) {
				if (Files.getLastModifiedTime(file).toInstant().isBefore(cutoff) && Files.deleteIfExists(file)) {
					swept++;
				}
			}
		}
		catch (IOException e) {
			log.warn("Could not sweep abandoned derivation copies from {}", directory, e);
		}
		if (swept > 0) {
			log.warn("Removed {} abandoned derivation copies from {}", swept, directory);
		}
		return swept;
	}

	private StoredBlob collect(Process process, String program, Duration timeout, Spool.Placement placement) {
		var timedOut = new AtomicBoolean();
		// the watchdog kills a program that hangs or crawls; reading its output then ends, and the run is refused
		process.onExit().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).exceptionally(e -> {
			timedOut.set(true);
			kill(process);
			return process;
		});
		var stderr = StderrTail.drain(process.getErrorStream());
		try {
			// nothing is ever typed at it: ffmpeg would otherwise wait for keys on an inherited terminal
			process.getOutputStream().close();
			try (var staged = stage(process, program, stderr, timedOut, timeout, placement)) {
				requireSuccess(process, program, stderr, timedOut, timeout);
				return staged.commit();
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			kill(process);
		}
	}

	private StagedBlob stage(Process process, String program, StderrTail stderr, AtomicBoolean timedOut,
			Duration timeout, Spool.Placement placement) {
		try {
			return spool.stage(process.getInputStream(), null, placement);
		}
		catch (InvalidInput empty) {
			// a failure explains an empty output better than "empty", so it is reported first
			requireSuccess(process, program, stderr, timedOut, timeout);
			throw new DerivationFailed(program + " wrote nothing to standard output" + stderr.describe());
		}
	}

	private static void requireSuccess(Process process, String program, StderrTail stderr, AtomicBoolean timedOut,
			Duration timeout) {
		int exit;
		try {
			// the watchdog bounds this wait: it kills the process at the timeout
			exit = process.waitFor();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new DerivationFailed(program + " was interrupted", e);
		}
		stderr.await();
		if (timedOut.get()) {
			throw new DerivationFailed(program + " took longer than " + timeout + " and was stopped" + stderr.describe());
		}
		if (exit != 0) {
			throw new DerivationFailed(program + " exited with status " + exit + stderr.describe());
		}
	}

	/** Refuses a command that would not read the blob, before anything is downloaded or started. */
	private static void requireInput(List<String> command) {
		if (command.isEmpty() || command.stream().noneMatch(argument -> argument.contains(INPUT))) {
			throw new IllegalArgumentException("A derivation command names its input as " + INPUT + ": " + command);
		}
	}

	private static List<String> withInput(List<String> command, String input) {
		requireInput(command);
		var line = new ArrayList<String>(command.size());
		for (var argument : command) {
			line.add(argument.replace(INPUT, input));
		}
		return line;
	}

	/**
	 * Kills through the process handle, not {@link Process#destroyForcibly()}, which would also close the output
	 * stream under the thread still reading it: that thread must see the end of the output, not an error.
	 */
	private static void kill(Process process) {
		if (process.isAlive()) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.toHandle().destroyForcibly();
		}
	}

	private static void deleteQuietly(@Nullable Path copy) {
		if (copy == null) {
			return;
		}
		try {
			Files.deleteIfExists(copy);
		}
		catch (IOException e) {
			log.warn("Could not delete derivation copy {}; the start-up sweep will", copy, e);
		}
	}

	/** Keeps reading a program's error output so it never blocks on a full pipe, and keeps its end for the report. */
	private static final class StderrTail implements Runnable {

		private final InputStream in;
		private final StringBuilder tail = new StringBuilder();
		private final Thread thread;

		private StderrTail(InputStream in) {
			this.in = in;
			this.thread = new Thread(this, "derivation-stderr");
			thread.setDaemon(true);
		}

		static StderrTail drain(InputStream in) {
			var tail = new StderrTail(in);
			tail.thread.start();
			return tail;
		}

		@Override
		public void run() {
			var buffer = new byte[8192];
			try (in) {
				int read;
				while ((read = in.read(buffer)) != -1) {
					append(new String(buffer, 0, read, StandardCharsets.UTF_8));
				}
			}
			catch (IOException closed) {
				// the process is gone; what was read is all there is
			}
		}

		private synchronized void append(String text) {
			tail.append(text);
			if (tail.length() > STDERR_TAIL_CHARS) {
				tail.delete(0, tail.length() - STDERR_TAIL_CHARS);
			}
		}

		void await() {
			try {
				thread.join(TimeUnit.SECONDS.toMillis(10));
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}

		synchronized String describe() {
			var text = tail.toString().strip();
			return text.isEmpty() ? "" : ": " + text;
		}
	}
}
