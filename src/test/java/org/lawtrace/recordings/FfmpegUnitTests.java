package org.lawtrace.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lawtrace.FfmpegAvailable;

/**
 * ART-15.2: which failures of the machine's own ffmpeg say the file itself has no picture to take, so the poster's
 * further attempts (other seconds, black frames allowed) are skipped; a file with a picture is not given up on.
 */
@ExtendWith(FfmpegAvailable.class)
class FfmpegUnitTests {

	private final Ffmpeg ffmpeg = new Ffmpeg("ffmpeg", Duration.ofMinutes(1));

	@TempDir
	Path folder;

	@Test
	@DisplayName("An MP4 of sound only, random bytes named .mp4 and a cut-off MP4 fail as unusable inputs")
	void failuresAboutTheInputItself() throws Exception {
		var sound = make("sound.mp4", "-f", "lavfi", "-i", "sine=d=1", "-c:a", "aac");
		var random = folder.resolve("random.mp4");
		var bytes = new byte[5000];
		new Random(17).nextBytes(bytes);
		Files.write(random, bytes);
		var cut = folder.resolve("cut.mp4");
		Files.write(cut, Arrays.copyOf(Files.readAllBytes(sound), 3000));

		for (var input : List.of(sound, random, cut)) {
			var failure = run(ffmpeg.posterNotBlack(1), input);
			assertThat(failure).as(input.getFileName().toString()).isNotNull();
			assertThat(Ffmpeg.inputUnusable(failure)).as(failure).isTrue();
		}
	}

	@Test
	@DisplayName("A video shorter than the second a poster is first looked for is not given up on: the next attempt "
			+ "takes its picture")
	void aShortVideoIsNotGivenUpOn() throws Exception {
		var video = make("short.mp4", "-f", "lavfi", "-i", "testsrc=size=64x48:rate=10:duration=0.5", "-c:v",
				"libx264", "-pix_fmt", "yuv420p");
		var atOneSecond = run(ffmpeg.posterNotBlack(1), video);
		assertThat(atOneSecond).as("half a second of video has no picture at one second").isNotNull();
		assertThat(Ffmpeg.inputUnusable(atOneSecond)).as(atOneSecond).isFalse();
		assertThat(run(ffmpeg.posterNotBlack(0), video)).isNull();
		assertThat(Ffmpeg.inputUnusable(null)).isFalse();
	}

	private Path make(String name, String... arguments) throws IOException, InterruptedException {
		var target = folder.resolve(name);
		var line = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error"));
		line.addAll(List.of(arguments));
		line.addAll(List.of("-y", target.toString()));
		var process = new ProcessBuilder(line).redirectErrorStream(true).start();
		var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor()).as(output).isZero();
		return target;
	}

	/**
	 * Runs a poster command on {@code input}: null when it wrote a picture, else the failure worded as the store's
	 * derivation words it (program, exit status or empty output, then what the program wrote to standard error).
	 */
	private @Nullable String run(List<String> command, Path input) throws IOException, InterruptedException {
		var line = command.stream().map(part -> part.equals("{input}") ? input.toString() : part).toList();
		var picture = folder.resolve("out.jpg");
		var process = new ProcessBuilder(line).redirectOutput(picture.toFile()).start();
		var said = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		var exit = process.waitFor();
		if (exit != 0) {
			return "ffmpeg exited with status " + exit + ": " + said;
		}
		return Files.size(picture) > 0 ? null : "ffmpeg wrote nothing to standard output: " + said;
	}
}
