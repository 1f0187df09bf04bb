package org.lawtrace.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.NotFound;

/**
 * What {@link BlobStore#derive} promises on every store: a program reads the blob as a seekable local file, its
 * standard output becomes a new blob, a failure stores nothing, and the source blob stays exactly as it was
 * (ART-22(2): "the original is untouched and stays the evidence"). Harmless POSIX tools stand in for ffmpeg.
 */
abstract class BlobDerivationContract {

	static final byte[] CONTENT = BlobStoreContract.CONTENT;
	static final ContentDigest DIGEST = BlobStoreContract.DIGEST;
	static final Duration TIMEOUT = Duration.ofMinutes(1);

	/** What storing answers for these bytes: SHA-256 and size, with SM3 left for afterwards. */
	static ContentDigest key(byte[] bytes) {
		var digest = TwinDigest.of(bytes);
		return new ContentDigest(digest.sha256(), null, digest.sizeBytes());
	}

	abstract BlobStore store();

	abstract Path spoolDirectory();

	@BeforeEach
	void storeTheSource() {
		store().store(new ByteArrayInputStream(CONTENT), null);
	}

	@Test
	@DisplayName("ART-22(2) a program's standard output becomes a new blob and the original stays as it was")
	void storesWhatTheProgramWritesAsANewBlob() throws IOException {
		var derived = store().derive(DIGEST, List.of("head", "-c", "10", "{input}"), TIMEOUT);

		var first10 = Arrays.copyOf(CONTENT, 10);
		assertThat(derived).isEqualTo(new StoredBlob(key(first10), false));
		try (var in = store().open(derived.digest())) {
			assertThat(in.readAllBytes()).isEqualTo(first10);
		}
		// a derived blob gets its SM3 afterwards like any other
		assertThat(store().withSm3(derived.digest())).isEqualTo(TwinDigest.of(first10));
		assertThat(store().verify(DIGEST)).isEqualTo(DIGEST);
		assertThat(spoolDirectory()).isEmptyDirectory();
	}

	@Test
	@DisplayName("the program gets a seekable file, so tools that read an index at the end of a video work")
	void theProgramCanSeekInItsInput() throws IOException {
		// tail seeks to the end of a regular file instead of reading through it
		var derived = store().derive(DIGEST, List.of("tail", "-c", "10", "{input}"), TIMEOUT);

		try (var in = store().open(derived.digest())) {
			assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(CONTENT, CONTENT.length - 10, CONTENT.length));
		}
	}

	@Test
	void largeOutputStreamsThroughAndEqualContentIsStoredOnce() {
		var twice = new byte[CONTENT.length * 2];
		System.arraycopy(CONTENT, 0, twice, 0, CONTENT.length);
		System.arraycopy(CONTENT, 0, twice, CONTENT.length, CONTENT.length);
		var command = List.of("sh", "-c", "cat \"$1\" \"$1\"", "sh", "{input}");

		assertThat(store().derive(DIGEST, command, TIMEOUT)).isEqualTo(new StoredBlob(key(twice), false));
		assertThat(store().derive(DIGEST, command, TIMEOUT)).isEqualTo(new StoredBlob(key(twice), true));
		// a copy identical to the source is no new blob, and the source is not written again
		assertThat(store().derive(DIGEST, List.of("cat", "{input}"), TIMEOUT)).isEqualTo(new StoredBlob(key(CONTENT), true));
		assertThat(spoolDirectory()).isEmptyDirectory();
	}

	@Test
	@DisplayName("ART-22(2) a program that fails stores nothing, and its error output explains why")
	void aFailingProgramStoresNothing() {
		var command = List.of("sh", "-c", "head -c 10 \"$1\"; echo 'codec not supported' >&2; exit 3", "sh", "{input}");

		assertThatExceptionOfType(DerivationFailed.class).isThrownBy(() -> store().derive(DIGEST, command, TIMEOUT))
			.withMessageContaining("status 3")
			.withMessageContaining("codec not supported");
		assertThat(store().contains(TwinDigest.of(Arrays.copyOf(CONTENT, 10)))).isFalse();
		assertThat(store().verify(DIGEST)).isEqualTo(DIGEST);
		assertThat(spoolDirectory()).isEmptyDirectory();
	}

	@Test
	void aProgramThatWritesNothingStoresNothing() {
		assertThatExceptionOfType(DerivationFailed.class)
			.isThrownBy(() -> store().derive(DIGEST, List.of("head", "-c", "0", "{input}"), TIMEOUT))
			.withMessageContaining("wrote nothing");
		assertThat(spoolDirectory()).isEmptyDirectory();
	}

	@Test
	@DisplayName("a program that runs past the timeout is killed, with the processes it started, and stores nothing")
	void aProgramThatRunsTooLongIsKilled() {
		// the sleeping child keeps standard output open: only killing it too ends the run
		var command = List.of("sh", "-c", "head -c 10 \"$1\"; sleep 60", "sh", "{input}");
		var started = System.nanoTime();

		assertThatExceptionOfType(DerivationFailed.class)
			.isThrownBy(() -> store().derive(DIGEST, command, Duration.ofMillis(500)))
			.withMessageContaining("longer than PT0.5S");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
		assertThat(store().contains(TwinDigest.of(Arrays.copyOf(CONTENT, 10)))).isFalse();
		assertThat(spoolDirectory()).isEmptyDirectory();
	}

	@Test
	void aProgramThatCannotStartStoresNothing() {
		assertThatExceptionOfType(DerivationFailed.class)
			.isThrownBy(() -> store().derive(DIGEST, List.of("no-such-program-lawtrace", "{input}"), TIMEOUT))
			.withMessageContaining("Cannot start no-such-program-lawtrace");
		assertThat(spoolDirectory()).isEmptyDirectory();
	}

	@Test
	void refusesACommandThatDoesNotReadTheBlob() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> store().derive(DIGEST, List.of("echo", "hello"), TIMEOUT));
	}

	@Test
	void answersNotFoundForABlobItDoesNotHold() {
		var missing = TwinDigest.of(new byte[] { 1, 2, 3 });

		assertThatExceptionOfType(NotFound.class)
			.isThrownBy(() -> store().derive(missing, List.of("cat", "{input}"), TIMEOUT));
		assertThat(spoolDirectory()).isEmptyDirectory();
	}

	/** Runs a program that prints the name it was given for its input, and answers that name. */
	Path inputNameGivenToTheProgram() throws IOException {
		var derived = store().derive(DIGEST, List.of("printf", "%s", "{input}"), TIMEOUT);
		try (var in = store().open(derived.digest())) {
			return Path.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
	}
}
