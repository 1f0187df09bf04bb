package org.lawtrace.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * A program installed on this server that LawTrace runs as a child process (ffmpeg, ffprobe, xorriso), looked for
 * once at start-up: {@code <command> -version} must succeed within 20 seconds. What it printed first names the
 * version recorded beside what the program makes; when it does not answer, {@link #problem()} says why, for the
 * start-up log. The look runs in a thread of its own (issue 16: three programs' start-up took half a second of the
 * start), so the start goes on meanwhile; the first question about the program waits for the answer.
 */
public final class InstalledProgram {

	private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(20);
	private static final int LONGEST_NAME = 200;

	private final String command;
	private final CompletableFuture<Answer> answer;

	private record Answer(@Nullable String version, String problem) {
	}

	private InstalledProgram(String command, CompletableFuture<Answer> answer) {
		this.command = command;
		this.answer = answer;
	}

	/**
	 * @param command the command or its path; blank means the setting turned the program off.
	 * @param versionEnd where the program's name and version end in the first line it prints (ffmpeg goes on with
	 *        {@code " Copyright"}), or {@literal null} for the whole line.
	 */
	public static InstalledProgram find(String command, @Nullable String versionEnd) {
		var stripped = command.strip();
		if (stripped.isEmpty()) {
			return new InstalledProgram(stripped,
					CompletableFuture.completedFuture(new Answer(null, "turned off (empty setting)")));
		}
		var answer = new CompletableFuture<Answer>();
		var looking = new Thread(() -> {
			try {
				var problem = new StringBuilder();
				var version = version(stripped, versionEnd, problem);
				answer.complete(new Answer(version, problem.toString()));
			}
			catch (RuntimeException e) {
				// never leave a caller waiting: a program that cannot even be asked is not available
				answer.complete(new Answer(null, String.valueOf(e.getMessage())));
			}
		}, "looking-for-" + stripped.replaceAll(".*/", ""));
		looking.setDaemon(true);
		looking.start();
		return new InstalledProgram(stripped, answer);
	}

	/** Runs {@code then} once the program has answered (at once if it has), in the thread that looked for it. */
	public InstalledProgram whenKnown(Consumer<InstalledProgram> then) {
		answer.thenRun(() -> then.accept(this));
		return this;
	}

	public boolean available() {
		return version() != null;
	}

	/** Whether the setting is empty, which turns the program off rather than naming one that is missing. */
	public boolean turnedOff() {
		return command.isEmpty();
	}

	public String command() {
		return command;
	}

	/** Such as {@code ffmpeg version 5.1.6-0+deb12u1}; {@literal null} when not available. */
	public @Nullable String version() {
		return answer.join().version();
	}

	/** Why the program is not available; empty when it is. */
	public String problem() {
		return answer.join().problem();
	}

	private static @Nullable String version(String command, @Nullable String versionEnd, StringBuilder problem) {
		try {
			var process = new ProcessBuilder(command, "-version").redirectErrorStream(true).start();
			process.getOutputStream().close();
			// the version text is a few kilobytes, well within a pipe's buffer, so waiting first cannot deadlock
			if (!process.waitFor(VERSION_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
				process.destroyForcibly();
				problem.append("no answer within ").append(VERSION_TIMEOUT);
				return null;
			}
			var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (process.exitValue() != 0 || output.isBlank()) {
				problem.append("exit status ").append(process.exitValue()).append(": ").append(output.strip());
				return null;
			}
			var firstLine = output.strip().lines().findFirst().orElse("");
			var end = versionEnd == null ? -1 : firstLine.indexOf(versionEnd);
			var name = end > 0 ? firstLine.substring(0, end) : firstLine;
			return name.length() > LONGEST_NAME ? name.substring(0, LONGEST_NAME) : name;
		}
		catch (IOException e) {
			problem.append(e.getMessage());
			return null;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			problem.append("interrupted");
			return null;
		}
	}
}
