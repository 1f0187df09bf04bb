package org.lawtrace.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.shared.NotFound;
import org.lawtrace.shared.Unprocessable;

/** What every {@link BlobStore} promises, whatever it keeps blobs on; each implementation's tests extend this. */
abstract class BlobStoreContract {

	// crosses several copy buffers and ends mid-buffer, so chunk boundaries are exercised
	static final byte[] CONTENT = Contents.random(3 * TwinDigest.BUFFER_SIZE + 12345, 7);
	static final ContentDigest DIGEST = TwinDigest.of(CONTENT);
	/** What storing answers: the key, SHA-256 and size, with SM3 left for afterwards. */
	static final ContentDigest KEY = new ContentDigest(DIGEST.sha256(), null, DIGEST.sizeBytes());

	abstract BlobStore store();

	/** The directory uploads are spooled to, which must be empty whenever no upload is in progress. */
	abstract Path spoolDirectory();

	/** Changes one stored byte behind the store's back, as bit rot or tampering would. */
	abstract void flipByte(ContentDigest digest, long position) throws IOException;

	@Test
	@DisplayName("ART-15 stores content whole under its SHA-256 and SM3 digests")
	void storesContentWholeUnderItsDigests() throws IOException {
		var stored = store().store(new ByteArrayInputStream(CONTENT), null);

		assertThat(stored).isEqualTo(new StoredBlob(KEY, false));
		assertThat(store().contains(DIGEST)).isTrue();
		try (var in = store().open(DIGEST)) {
			assertThat(in.readAllBytes()).isEqualTo(CONTENT);
		}
		assertThat(spoolDirectory()).isEmptyDirectory();
	}

	@Test
	@DisplayName("ART-22(2) storing the same content again changes nothing and says so")
	void storingTheSameContentAgainIsANoOp() throws IOException {
		store().store(new ByteArrayInputStream(CONTENT), null);

		var again = store().store(new ByteArrayInputStream(CONTENT), DIGEST.sha256());

		assertThat(again).isEqualTo(new StoredBlob(KEY, true));
		try (var in = store().open(DIGEST)) {
			assertThat(in.readAllBytes()).isEqualTo(CONTENT);
		}
		assertThat(spoolDirectory()).isEmptyDirectory();
	}

	@Test
	void acceptsAnAnnouncedDigestInEitherCase() {
		var stored = store().store(new ByteArrayInputStream(CONTENT), DIGEST.sha256().toUpperCase(Locale.ROOT));

		assertThat(stored.digest()).isEqualTo(KEY);
	}

	@Test
	@DisplayName("ART-15 refuses content whose digest differs from the announced one, naming both, and keeps nothing")
	void refusesContentWhoseDigestDoesNotMatchAndKeepsNothing() {
		var announced = TwinDigest.of(new byte[] { 1, 2, 3 }).sha256();

		assertThatExceptionOfType(Unprocessable.class)
			.isThrownBy(() -> store().store(new ByteArrayInputStream(CONTENT), announced))
			.withMessageContaining("expected " + announced)
			.withMessageContaining("calculated " + DIGEST.sha256())
			.satisfies(e -> assertThat(e.field()).isEqualTo("sha256"));
		assertThat(store().contains(DIGEST)).isFalse();
		assertThat(spoolDirectory()).isEmptyDirectory();
	}

	@Test
	void refusesAMalformedAnnouncedDigestBeforeReadingAnything() {
		assertThatExceptionOfType(InvalidInput.class)
			.isThrownBy(() -> store().store(Contents.untouchable(), "not-a-digest"))
			.satisfies(e -> assertThat(e.field()).isEqualTo("sha256"));
		assertThat(spoolDirectory()).isEmptyDirectory();
	}

	@Test
	@DisplayName("ART-15 refuses empty content, which cannot be a record")
	void refusesEmptyContent() {
		assertThatExceptionOfType(InvalidInput.class)
			.isThrownBy(() -> store().store(InputStream.nullInputStream(), null))
			.satisfies(e -> assertThat(e.field()).isEqualTo("file"));
		assertThat(spoolDirectory()).isEmptyDirectory();
	}

	@Test
	void keepsNothingOfAnUploadThatBreaksOff() {
		assertThatExceptionOfType(UncheckedIOException.class)
			.isThrownBy(() -> store().store(Contents.breakingOffAfter(CONTENT), null));

		assertThat(store().contains(DIGEST)).isFalse();
		assertThat(spoolDirectory()).isEmptyDirectory();
	}

	@Test
	@DisplayName("ART-22(2) staged content can be read and checked, and is stored only when committed")
	void stagedContentIsStoredOnlyWhenCommitted() throws IOException {
		try (var staged = store().stage(new ByteArrayInputStream(CONTENT), DIGEST.sha256())) {
			assertThat(staged.digest()).isEqualTo(KEY);
			try (var in = staged.open()) {
				assertThat(in.readAllBytes()).isEqualTo(CONTENT);
			}
			assertThat(store().contains(DIGEST)).isFalse();
			assertThat(staged.commit()).isEqualTo(new StoredBlob(KEY, false));
			assertThatExceptionOfType(IllegalStateException.class).isThrownBy(staged::commit);
		}
		assertThat(store().contains(DIGEST)).isTrue();
		assertThat(spoolDirectory()).isEmptyDirectory();
	}

	@Test
	@DisplayName("ART-15 staged content that the caller refuses leaves nothing behind")
	void stagedContentClosedWithoutCommitLeavesNothing() {
		try (var staged = store().stage(new ByteArrayInputStream(CONTENT), null)) {
			assertThat(spoolDirectory()).isNotEmptyDirectory();
		}
		assertThat(store().contains(DIGEST)).isFalse();
		assertThat(spoolDirectory()).isEmptyDirectory();
	}

	@Test
	void stagingRefusesAMismatchedDigestAndKeepsNothing() {
		assertThatExceptionOfType(Unprocessable.class)
			.isThrownBy(() -> store().stage(new ByteArrayInputStream(CONTENT), "0".repeat(64)))
			.satisfies(e -> assertThat(e.field()).isEqualTo("sha256"));
		assertThat(spoolDirectory()).isEmptyDirectory();
	}

	@Test
	@DisplayName("ART-15: SM3 is computed after storing, from the stored bytes, and equals the known-answer digest")
	void computesSm3AfterStoring() {
		store().store(new ByteArrayInputStream(CONTENT), null);

		assertThat(store().withSm3(KEY)).isEqualTo(DIGEST);
		assertThat(TwinDigest.of("abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).sm3())
			.isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
	}

	@Test
	void computingSm3DetectsAFlippedByte() throws IOException {
		store().store(new ByteArrayInputStream(CONTENT), null);
		flipByte(KEY, 4321);

		assertThatExceptionOfType(BlobCorrupted.class).isThrownBy(() -> store().withSm3(KEY));
	}

	@Test
	void readsExactlyTheRequestedRange() throws IOException {
		store().store(new ByteArrayInputStream(CONTENT), null);
		var offset = TwinDigest.BUFFER_SIZE - 10;
		var length = TwinDigest.BUFFER_SIZE + 20;

		try (var in = store().openRange(DIGEST, offset, length)) {
			assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(CONTENT, offset, offset + length));
		}
	}

	@Test
	void readsTheFirstAndLastBytesAndEmptyRanges() throws IOException {
		store().store(new ByteArrayInputStream(CONTENT), null);
		var size = CONTENT.length;

		try (var first = store().openRange(DIGEST, 0, 1); var last = store().openRange(DIGEST, size - 1, 1);
				var empty = store().openRange(DIGEST, size, 0)) {
			assertThat(first.readAllBytes()).containsExactly(CONTENT[0]);
			assertThat(last.readAllBytes()).containsExactly(CONTENT[size - 1]);
			assertThat(empty.readAllBytes()).isEmpty();
		}
	}

	@Test
	void refusesRangesOutsideTheBlob() {
		store().store(new ByteArrayInputStream(CONTENT), null);
		var size = CONTENT.length;

		for (long[] range : new long[][] { { -1, 1 }, { 0, size + 1L }, { size, 1 }, { 10, -1 }, { 1, Long.MAX_VALUE } }) {
			assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> store().openRange(DIGEST, range[0], range[1]))
				.satisfies(e -> assertThat(e.field()).isEqualTo("range"));
		}
	}

	@Test
	void answersNotFoundForABlobItDoesNotHold() {
		assertThat(store().contains(DIGEST)).isFalse();
		assertThatExceptionOfType(NotFound.class).isThrownBy(() -> store().open(DIGEST));
		assertThatExceptionOfType(NotFound.class).isThrownBy(() -> store().openRange(DIGEST, 0, 1));
		assertThatExceptionOfType(NotFound.class).isThrownBy(() -> store().openRange(DIGEST, 0, 0));
		assertThatExceptionOfType(NotFound.class).isThrownBy(() -> store().verify(DIGEST));
	}

	@Test
	@DisplayName("ART-22(2) a fixity check of an intact blob recomputes the same digests")
	void verifiesAnIntactBlob() {
		store().store(new ByteArrayInputStream(CONTENT), null);

		assertThat(store().verify(DIGEST)).isEqualTo(DIGEST);
	}

	@Test
	@DisplayName("ART-22(2) a fixity check detects a single flipped byte and reports both digests")
	void verifyDetectsAFlippedByte() throws IOException {
		store().store(new ByteArrayInputStream(CONTENT), null);

		flipByte(DIGEST, CONTENT.length / 2);

		assertThatExceptionOfType(BlobCorrupted.class).isThrownBy(() -> store().verify(DIGEST))
			.withMessageContaining("expected sha256=" + DIGEST.sha256())
			.withMessageContaining("calculated sha256=")
			.satisfies(e -> {
				assertThat(e.expected()).isEqualTo(DIGEST);
				assertThat(e.calculated().sha256()).isNotEqualTo(DIGEST.sha256());
				assertThat(e.calculated().sm3()).isNotEqualTo(DIGEST.sm3());
				assertThat(e.calculated().sizeBytes()).isEqualTo(DIGEST.sizeBytes());
			});
	}

	@Test
	@DisplayName("ART-22(2) the store offers no way to delete, overwrite or rename an original; only a quarantined or missing copy is repaired")
	void offersNoWayToDeleteOrOverwrite() {
		assertThat(BlobStore.class.getMethods()).extracting(Method::getName)
			.containsExactlyInAnyOrder("store", "stage", "contains", "open", "openRange", "withSm3", "verify", "derive",
					"inventory", "quarantine", "repair", "requireReachable", "sendDirect", "lyingAs");
	}

	@Test
	@DisplayName("ART-22(2) repair refuses to replace a copy that is in place and not quarantined")
	void repairRefusesAPresentCopy() {
		var digest = store().withSm3(store().store(new ByteArrayInputStream(CONTENT), null).digest());

		org.assertj.core.api.Assertions.assertThatIllegalStateException()
			.isThrownBy(() -> store().repair(digest, new ByteArrayInputStream(CONTENT)));
	}

	@Test
	@DisplayName("ART-15 a quarantined copy is repaired only with content matching both digests, then verifies")
	void repairsAQuarantinedCopyWithGoodContentOnly() {
		var digest = store().withSm3(store().store(new ByteArrayInputStream(CONTENT), null).digest());
		var where = store().quarantine(digest, java.time.Instant.parse("2026-12-05T10:00:00Z"));
		assertThat(where).contains("quarantine").contains(digest.sha256());

		var wrong = CONTENT.clone();
		wrong[0] ^= 1;
		assertThatExceptionOfType(BlobCorrupted.class)
			.isThrownBy(() -> store().repair(digest, new ByteArrayInputStream(wrong)));
		assertThat(store().repair(digest, new ByteArrayInputStream(CONTENT))).isEqualTo(digest);
		assertThat(store().verify(digest)).isEqualTo(digest);
	}

	@Test
	@DisplayName("ART-15 the store lists what it holds, for reconciling it with the records")
	void listsWhatItHolds() {
		assertThat(store().inventory()).isEmpty();

		store().store(new ByteArrayInputStream(CONTENT), null);

		assertThat(store().inventory()).containsExactly(DIGEST.sha256());
	}

	static long countFiles(Path directory) throws IOException {
		try (var files = Files.walk(directory)) {
			return files.filter(Files::isRegularFile).count();
		}
	}
}
