package org.lawtrace.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.assertj.core.api.ThrowableAssert;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lawtrace.shared.ContentDigest;

/** ART-15.3: a copy to the replica counts only once it is read back and matches SHA-256, SM3 and size. */
class BlobCopyUnitTests {

	@TempDir
	Path primaryRoot;

	@TempDir
	Path replicaRoot;

	FileSystemBlobStore primary;
	FileSystemBlobStore replica;
	byte[] content;
	ContentDigest digest;

	@BeforeEach
	void stores() {
		primary = new FileSystemBlobStore(primaryRoot, new Spool(primaryRoot.resolve("tmp"), Clock.systemUTC()));
		replica = new FileSystemBlobStore(replicaRoot, new Spool(replicaRoot.resolve("tmp"), Clock.systemUTC()));
		content = new byte[3 * 1024 * 1024 + 17];
		new Random(7).nextBytes(content);
		digest = TwinDigest.of(content);
		primary.store(new ByteArrayInputStream(content), null);
	}

	@Test
	@DisplayName("ART-15.3 a copied blob is byte-identical on the replica and verified with both digests")
	void copiesAndVerifies() throws IOException {
		var copied = BlobCopy.copy(primary, replica, digest.sha256(), null);

		assertThat(copied.digest()).isEqualTo(digest);
		assertThat(copied.digest().sm3()).isNotNull();
		assertThat(copied.alreadyPresent()).isFalse();
		assertThat(Files.readAllBytes(replica.pathOf(digest.sha256()))).isEqualTo(content);
	}

	@Test
	@DisplayName("ART-15.3 a replica that damages the copy is caught by the read-back, not marked verified")
	void aCorruptedCopyIsCaughtByTheReadBack() {
		var damaging = new Damaging(replica);

		assertThatExceptionOfType(BlobCopy.Failed.class)
			.isThrownBy(() -> BlobCopy.copy(primary, damaging, digest.sha256(), null))
			.satisfies(e -> assertThat(e.kind()).isEqualTo(BlobCopy.Failed.COPY_DIFFERS))
			.withMessageContaining(digest.sha256());
	}

	@Test
	@DisplayName("ART-15.3 with the primary's SM3 on record, a copy that differs from it is caught as well")
	void aRecordedDigestIsHeldAgainstTheCopy() {
		var damaging = new Damaging(replica);

		failsAs(BlobCopy.Failed.COPY_DIFFERS, () -> BlobCopy.copy(primary, damaging, digest.sha256(), digest));
		// and a right copy, on a replica that keeps it whole, passes against the same record
		var whole = new FileSystemBlobStore(replicaRoot.resolve("other"),
				new Spool(replicaRoot.resolve("other-tmp"), Clock.systemUTC()));
		assertThat(BlobCopy.copy(primary, whole, digest.sha256(), digest).digest()).isEqualTo(digest);
	}

	@Test
	@DisplayName("ART-15.3 a primary whose bytes no longer match their name is not copied")
	void aDamagedSourceIsNotCopied() throws IOException {
		var file = primary.pathOf(digest.sha256());
		file.toFile().setWritable(true);
		var bytes = Files.readAllBytes(file);
		bytes[1000] ^= 0x01;
		Files.write(file, bytes);

		failsAs(BlobCopy.Failed.SOURCE_DIFFERS, () -> BlobCopy.copy(primary, replica, digest.sha256(), null));
		nothingPlaced(replica, replicaRoot.resolve("tmp"));
	}

	@Test
	@DisplayName("ART-15.3 ADR 0032 between two filesystem stores the copy is read back as it is written, SHA-256 and size checked, and keeps the recorded SM3")
	void readsTheCopyBackAsItIsWritten() throws IOException {
		// larger than several of the kernel's copy steps, and not a multiple of them
		var large = new byte[20 * 1024 * 1024 + 5];
		new Random(11).nextBytes(large);
		var recorded = TwinDigest.of(large);
		primary.store(new ByteArrayInputStream(large), null);

		var copied = BlobCopy.copy(primary, replica, recorded.sha256(), recorded, false);

		assertThat(copied.readBackAsWritten()).isTrue();
		assertThat(copied.alreadyPresent()).isFalse();
		assertThat(copied.digest()).isEqualTo(recorded);
		var file = replica.pathOf(recorded.sha256());
		assertThat(Files.readAllBytes(file)).isEqualTo(large);
		assertThat(Files.getPosixFilePermissions(file)).as("placed write-once")
			.doesNotContain(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
		assertThat(spoolFiles(replicaRoot)).isEmpty();
		// a second copy finds it there and reads it back whole
		assertThat(BlobCopy.copy(primary, replica, recorded.sha256(), recorded, false).alreadyPresent()).isTrue();
	}

	@Test
	@DisplayName("ART-15.3 read back with SM3 as well, the copy's SM3 is recomputed from the copy and held against the record")
	void sm3ReadBackHoldsTheCopyAgainstTheRecordedSm3() throws IOException {
		var copied = BlobCopy.copy(primary, replica, digest.sha256(), null, true);
		assertThat(copied.digest()).isEqualTo(digest);

		var other = new FileSystemBlobStore(replicaRoot.resolve("other"),
				new Spool(replicaRoot.resolve("other-tmp"), Clock.systemUTC()));
		var wrongSm3 = new ContentDigest(digest.sha256(), "0".repeat(64), digest.sizeBytes());
		failsAs(BlobCopy.Failed.SOURCE_DIFFERS, () -> BlobCopy.copy(primary, other, digest.sha256(), wrongSm3, true));
		nothingPlaced(other, replicaRoot.resolve("other-tmp"));
	}

	@Test
	@DisplayName("ART-15.3 a copy that reads back other than its record says is discarded, never placed")
	void aCopyThatReadsBackWrongIsNeverPlaced() throws IOException {
		var longer = new ContentDigest(digest.sha256(), digest.sm3(), digest.sizeBytes() + 1);

		failsAs(BlobCopy.Failed.SOURCE_DIFFERS, () -> BlobCopy.copy(primary, replica, digest.sha256(), longer, false));

		nothingPlaced(replica, replicaRoot.resolve("tmp"));
	}

	@Test
	@DisplayName("ART-15.3 read back with SHA-256 alone, a replica that damages the copy is still caught")
	void sha256ReadBackCatchesADamagedCopy() {
		var damaging = new Damaging(replica);

		failsAs(BlobCopy.Failed.COPY_DIFFERS, () -> BlobCopy.copy(primary, damaging, digest.sha256(), digest, false));
		var another = new Damaging(new FileSystemBlobStore(replicaRoot.resolve("b"),
				new Spool(replicaRoot.resolve("b-tmp"), Clock.systemUTC())));
		failsAs(BlobCopy.Failed.COPY_DIFFERS, () -> BlobCopy.copy(primary, another, digest.sha256(), null, false));
	}

	private static void failsAs(String kind, ThrowableAssert.ThrowingCallable copy) {
		assertThatExceptionOfType(BlobCopy.Failed.class).isThrownBy(copy)
			.satisfies(e -> assertThat(e.kind()).isEqualTo(kind));
	}

	private void nothingPlaced(FileSystemBlobStore store, Path spool) throws IOException {
		assertThat(store.contains(digest)).isFalse();
		assertThat(spoolFiles(spool)).isEmpty();
	}

	static List<Path> spoolFiles(Path root) throws IOException {
		try (var files = Files.walk(root)) {
			return files.filter(f -> f.getFileName().toString().endsWith(".part")).toList();
		}
	}

	@Test
	@DisplayName("SM3 computed alongside equals SM3 computed in one thread, for sizes around the buffer edges")
	void sm3AlongsideIsSm3() throws IOException {
		for (var size : List.of(1, 1024 * 1024 - 1, 1024 * 1024, 1024 * 1024 + 1, 9 * 1024 * 1024 + 5)) {
			var bytes = new byte[size];
			new Random(size).nextBytes(bytes);
			assertThat(Sm3Alongside.digest(new ByteArrayInputStream(bytes))).isEqualTo(TwinDigest.of(bytes));
		}
	}

	/** A replica whose stored copy has one bit flipped: what a bad disk or transfer at the other site does. */
	private static final class Damaging implements BlobStore {

		private final FileSystemBlobStore store;

		Damaging(FileSystemBlobStore store) {
			this.store = store;
		}

		@Override
		public StoredBlob store(InputStream in, @Nullable String expectedSha256) {
			var stored = store.store(in, expectedSha256);
			try {
				var file = store.pathOf(stored.digest().sha256());
				file.toFile().setWritable(true);
				var bytes = Files.readAllBytes(file);
				bytes[bytes.length / 2] ^= 0x40;
				Files.write(file, bytes);
			}
			catch (IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
			return stored;
		}

		@Override
		public StagedBlob stage(InputStream in, @Nullable String expectedSha256) {
			throw new UnsupportedOperationException();
		}

		@Override
		public boolean contains(ContentDigest digest) {
			return store.contains(digest);
		}

		@Override
		public InputStream open(ContentDigest digest) {
			return store.open(digest);
		}

		@Override
		public InputStream openRange(ContentDigest digest, long offset, long length) {
			return store.openRange(digest, offset, length);
		}

		@Override
		public ContentDigest verify(ContentDigest digest) {
			return store.verify(digest);
		}

		@Override
		public StoredBlob derive(ContentDigest source, List<String> command, Duration timeout) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Set<String> inventory() {
			return store.inventory();
		}

		@Override
		public String quarantine(ContentDigest digest, java.time.Instant at) {
			return store.quarantine(digest, at);
		}

		@Override
		public ContentDigest repair(ContentDigest expected, InputStream good) {
			return store.repair(expected, good);
		}
	}
}
