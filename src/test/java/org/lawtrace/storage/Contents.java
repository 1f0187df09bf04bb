package org.lawtrace.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/** Test content: deterministic bytes, broken streams, and digests from the operating system's own tools. */
final class Contents {

	private Contents() {
	}

	/** java.util.Random's generator is fixed by its specification, so the same seed gives the same bytes anywhere. */
	static byte[] random(int size, long seed) {
		var bytes = new byte[size];
		new Random(seed).nextBytes(bytes);
		return bytes;
	}

	/** An upload that breaks off: delivers {@code bytes}, then fails as a dropped connection does. */
	static InputStream breakingOffAfter(byte[] bytes) {
		return new InputStream() {

			private final InputStream delivered = new ByteArrayInputStream(bytes);

			@Override
			public int read() throws IOException {
				var b = delivered.read();
				if (b == -1) {
					throw new IOException("connection reset");
				}
				return b;
			}

			@Override
			public int read(byte[] b, int off, int len) throws IOException {
				var read = delivered.read(b, off, len);
				if (read == -1) {
					throw new IOException("connection reset");
				}
				return read;
			}
		};
	}

	/** A stream that must never be read. */
	static InputStream untouchable() {
		return new InputStream() {

			@Override
			public int read() {
				throw new AssertionError("the content was read although the request was refused up front");
			}
		};
	}

	/**
	 * Runs a digest tool such as {@code sha256sum} or {@code openssl dgst -sm3} on a file.
	 *
	 * @return the hex digest it printed, or empty where the tool is not installed.
	 */
	static Optional<String> externalDigest(Path file, String... command) throws Exception {
		var commandLine = new String[command.length + 1];
		System.arraycopy(command, 0, commandLine, 0, command.length);
		commandLine[command.length] = file.toString();
		Process process;
		try {
			process = new ProcessBuilder(commandLine).redirectErrorStream(true).start();
		}
		catch (IOException notInstalled) {
			return Optional.empty();
		}
		var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
			return Optional.empty();
		}
		// sha256sum prints "<hex>  <file>", openssl prints "SM3(<file>)= <hex>"
		return Optional.of(output.contains("= ") ? output.substring(output.lastIndexOf("= ") + 2) : output.split("\\s+")[0]);
	}
}
