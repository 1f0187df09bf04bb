package org.lawtrace.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lawtrace.shared.ContentDigest;

class FileSystemBlobStoreUnitTests extends BlobStoreContract {

	@TempDir
	Path root;

	FileSystemBlobStore store;
	Spool spool;

	@BeforeEach
	void openStore() {
		spool = new Spool(root.resolve("tmp"), Clock.fixed(Instant.parse("2026-05-22T08:00:00Z"), ZoneOffset.UTC));
		store = new FileSystemBlobStore(root, spool);
	}

	@Override
	BlobStore store() {
		return store;
	}

	@Override
	Path spoolDirectory() {
		return spool.directory();
	}

	/** The test-only way in: give the owner write permission back, as an intruder with shell access could. */
	@Override
	void flipByte(ContentDigest digest, long position) throws IOException {
		var file = store.pathOf(digest.sha256());
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
		try (var channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
			var one = ByteBuffer.allocate(1);
			channel.read(one, position);
			one.put(0, (byte) (one.get(0) ^ 0x01)).rewind();
			channel.write(one, position);
		}
	}

	@Test
	void laysBlobsOutByTheFirstTwoBytesOfTheirSha256() {
		store.store(new ByteArrayInputStream(CONTENT), null);

		var hex = DIGEST.sha256();
		assertThat(root.resolve("blobs/sha256").resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex))
			.isRegularFile()
			.hasSize(CONTENT.length);
	}

	@Test
	@DisplayName("ART-22(2) a stored original has no write permission for anyone")
	void storedFileIsReadOnly() throws IOException {
		store.store(new ByteArrayInputStream(CONTENT), null);

		// Files.isWritable would say yes to root, who ignores permissions; the bits are what protect the file
		assertThat(Files.getPosixFilePermissions(store.pathOf(DIGEST.sha256()))).doesNotContain(
				PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
	}

	@Test
	@DisplayName("ART-22(2) storing the same content again leaves the original file untouched, even its mtime")
	void duplicateStoreLeavesTheOriginalFileUntouched() throws IOException {
		store.store(new ByteArrayInputStream(CONTENT), null);
		var file = store.pathOf(DIGEST.sha256());
		var longAgo = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
		Files.setLastModifiedTime(file, longAgo);
		var before = Files.readAttributes(file, BasicFileAttributes.class);

		store.store(new ByteArrayInputStream(CONTENT), null);

		var after = Files.readAttributes(file, BasicFileAttributes.class);
		assertThat(after.lastModifiedTime()).isEqualTo(longAgo);
		// the same inode: the original was not replaced by an identical copy
		assertThat(after.fileKey()).isEqualTo(before.fileKey());
	}

	@Test
	@DisplayName("ART-22(2) of simultaneous uploads of the same content exactly one stores it")
	void simultaneousUploadsOfTheSameContentStoreItOnce() throws Exception {
		var uploads = new ArrayList<Callable<StoredBlob>>();
		for (var i = 0; i < 4; i++) {
			uploads.add(() -> store.store(new ByteArrayInputStream(CONTENT), null));
		}

		var results = new ArrayList<StoredBlob>();
		var executor = Executors.newFixedThreadPool(4);
		try {
			for (var result : executor.invokeAll(uploads)) {
				results.add(result.get());
			}
		}
		finally {
			executor.shutdownNow();
		}

		assertThat(results).extracting(StoredBlob::alreadyPresent).containsOnlyOnce(false);
		assertThat(countFiles(root.resolve("blobs"))).isEqualTo(1);
		assertThat(spoolDirectory()).isEmptyDirectory();
	}

	@Test
	void storedFileHasTheDigestsItIsNamedBy() throws Exception {
		store.store(new ByteArrayInputStream(CONTENT), null);
		var file = store.pathOf(DIGEST.sha256());

		Contents.externalDigest(file, "sha256sum").ifPresent(hex -> assertThat(hex).isEqualTo(DIGEST.sha256()));
		Contents.externalDigest(file, "openssl", "dgst", "-sm3").ifPresent(hex -> assertThat(hex).isEqualTo(DIGEST.sm3()));
	}
}
