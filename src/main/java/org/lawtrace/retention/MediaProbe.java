package org.lawtrace.retention;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.InstalledProgram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Opens audio-visual records with ffprobe for the usability check (可用性): the bytes are fed on its standard input
 * while the same read writes them into the package, so a 4 GiB video is read once, never copied aside. Where ffprobe
 * is not installed, the check falls back to the container's signature, and the report says which it was.
 */
@Component
class MediaProbe {

	private static final Logger log = LoggerFactory.getLogger(MediaProbe.class);

	private final InstalledProgram program;

	MediaProbe(@Value("${lawtrace.retention.ffprobe:ffprobe}") String command) {
		this.program = InstalledProgram.find(command, null).whenKnown(program -> {
			if (!program.available() && !program.turnedOff()) {
				log.warn("{} does not answer -version: archiving checks audio-visual records by their container "
						+ "signature only (lawtrace.retention.ffprobe)", program.command());
			}
		});
	}

	boolean available() {
		return program.available();
	}

	/** One probe in progress: write the bytes to {@link #sink()}, then {@link #finish()}. */
	interface Probe {

		/** Where the bytes go; writes after the prober has stopped reading are dropped. */
		OutputStream sink();

		/** @return null when the file opened, else why not */
		@Nullable String finish();

		String method();
	}

	Probe start() {
		if (!program.available()) {
			return new SignatureProbe();
		}
		var command = program.command();
		try {
			var process = new ProcessBuilder(List.of(command, "-v", "error", "-show_entries", "format=format_name",
					"-of", "default=nw=1:nk=1", "-i", "pipe:0")).redirectErrorStream(true).start();
			var output = new ByteArrayOutputStream();
			var reader = new Thread(() -> {
				try (var in = process.getInputStream()) {
					in.transferTo(output);
				}
				catch (IOException e) {
					// the process's exit status tells what happened
				}
			}, "ffprobe-output");
			reader.setDaemon(true);
			reader.start();
			return new FfprobeProbe(process, reader, output);
		}
		catch (IOException e) {
			return new SignatureProbe();
		}
	}

	private static final class FfprobeProbe implements Probe {

		private final Process process;
		private final Thread reader;
		private final ByteArrayOutputStream output;
		private final OutputStream sink;

		FfprobeProbe(Process process, Thread reader, ByteArrayOutputStream output) {
			this.process = process;
			this.reader = reader;
			this.output = output;
			var stdin = process.getOutputStream();
			this.sink = new OutputStream() {
				private boolean closed;

				@Override
				public void write(int b) throws IOException {
					write(new byte[] { (byte) b }, 0, 1);
				}

				@Override
				public void write(byte[] b, int off, int len) {
					if (closed) {
						return;
					}
					try {
						stdin.write(b, off, len);
					}
					catch (IOException e) {
						// ffprobe read what it needed and left: the rest is not its business
						closed = true;
					}
				}

				@Override
				public void close() {
					closed = true;
					try {
						stdin.close();
					}
					catch (IOException e) {
						// already gone
					}
				}
			};
		}

		@Override
		public OutputStream sink() {
			return sink;
		}

		@Override
		public @Nullable String finish() {
			try {
				try {
					sink.close();
				}
				catch (IOException e) {
					// the prober is gone; its exit status says how it went
				}
				if (!process.waitFor(5, TimeUnit.MINUTES)) {
					process.destroyForcibly();
					return "ffprobe did not finish";
				}
				reader.join(10_000);
				var said = output.toString(StandardCharsets.UTF_8).strip();
				return process.exitValue() == 0 && !said.isEmpty() ? null
						: "ffprobe cannot open it: " + (said.length() > 300 ? said.substring(0, 300) : said);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				process.destroyForcibly();
				return "interrupted";
			}
		}

		@Override
		public String method() {
			return "ffprobe";
		}
	}

	/** Without ffprobe: the first bytes must be a known audio, video or image container's. */
	private static final class SignatureProbe implements Probe {

		private final byte[] head = new byte[16];
		private int filled;
		private final OutputStream sink = new OutputStream() {
			@Override
			public void write(int b) {
				write(new byte[] { (byte) b }, 0, 1);
			}

			@Override
			public void write(byte[] b, int off, int len) {
				var n = Math.min(len, head.length - filled);
				if (n > 0) {
					System.arraycopy(b, off, head, filled, n);
					filled += n;
				}
			}
		};

		@Override
		public OutputStream sink() {
			return sink;
		}

		@Override
		public @Nullable String finish() {
			return FileSignatures.media(head, filled) ? null : "not a known audio or video container";
		}

		@Override
		public String method() {
			return "container signature";
		}
	}

	/** Reads {@code in} to its end into {@code out} and the probe at once. */
	static long tee(InputStream in, OutputStream out, Probe probe) throws IOException {
		var buffer = new byte[256 * 1024];
		long total = 0;
		for (int n; (n = in.read(buffer)) != -1;) {
			out.write(buffer, 0, n);
			probe.sink().write(buffer, 0, n);
			total += n;
		}
		return total;
	}
}
