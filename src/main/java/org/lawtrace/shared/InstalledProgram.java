package org.lawtrace.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * A program installed on this server that LawTrace runs as a child process (ffmpeg, ffprobe, xorriso), looked for
 * once at start-up: {@code <command> -version} must succeed within 20 seconds. What it printed first names the
 * version recorded beside what the program makes; when it does not answer, {@link #problem()} says why, for the
 * start-up log.
 */
public final class InstalledProgram {

	private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(20);
	private static final int LONGEST_NAME = 200;

	private final String command;
	private final @Nullable String version;
	private final String problem;

	private InstalledProgram(String command, @Nullable String version, String problem) {
		this.command = command;
		this.version = version;
		this.problem = problem;
	}

	/**
	 * @param command the command or its path; blank means the setting turned the program off.
	 * @param versionEnd where the program's name and version end in the first line it prints (ffmpeg goes on with
	 *        {@code " Copyright"}), or {@literal null} for the whole line.
	 */
	public static InstalledProgram find(String command, @Nullable String versionEnd) {
		var stripped = command.strip();
		if (stripped.isEmpty()) {
			return new InstalledProgram(stripped, null, "turned off (empty setting)");
		}
		var problem = new StringBuilder();
		var version = version(stripped, versionEnd, problem);
		return new InstalledProgram(stripped, version, problem.toString());
	}

	public boolean available() {
		return version != null;
	}

	public String command() {
		return command;
	}

	/** Such as {@code ffmpeg version 5.1.6-0+deb12u1}; {@literal null} when not available. */
	public @Nullable String version() {
		return version;
	}

	/** Why the program is not available; empty when it is. */
	public String problem() {
		return problem;
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
