package org.lawtrace.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolUnitTests {

	static final Instant NOW = Instant.parse("2026-05-22T08:00:00Z");

	@TempDir
	Path directory;

	final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	@Test
	void sweepRemovesUploadFilesAbandonedByACrash() throws IOException {
		var spool = new Spool(directory, clock);
		var abandoned = leftover("ingest-1.part", NOW.minus(Spool.ABANDONED_AFTER).minusSeconds(1));
		var alsoAbandoned = leftover("ingest-2.part", NOW.minusSeconds(86_400));

		assertThat(spool.sweep()).isEqualTo(new Spool.Swept(2, 6));

		assertThat(abandoned).doesNotExist();
		assertThat(alsoAbandoned).doesNotExist();
	}

	@Test
	void sweepSparesUploadsStillBeingWritten() throws IOException {
		var spool = new Spool(directory, clock);
		var live = leftover("ingest-3.part", NOW.minusSeconds(60));

		assertThat(spool.sweep().files()).isZero();

		assertThat(live).exists();
	}

	@Test
	void sweepTouchesOnlyItsOwnFiles() throws IOException {
		var spool = new Spool(directory, clock);
		var foreign = leftover("notes.txt", NOW.minusSeconds(86_400));

		assertThat(spool.sweep().files()).isZero();

		assertThat(foreign).exists();
	}

	@Test
	void sweepAtStartUpRemovesLeftovers() throws IOException {
		var spool = new Spool(directory, clock);
		var abandoned = leftover("ingest-4.part", NOW.minusSeconds(86_400));

		spool.sweepAtStartUp();

		assertThat(abandoned).doesNotExist();
	}

	@Test
	@DisplayName("ART-15.1 at start-up every leftover upload file goes, however fresh: a kill a second ago leaves one")
	void sweepAtStartUpRemovesFreshLeftoversToo() throws IOException {
		var spool = new Spool(directory, clock);
		var killedJustNow = leftover("ingest-5.part", NOW.minusSeconds(1));
		var foreign = leftover("notes.txt", NOW.minusSeconds(1));

		spool.sweepAtStartUp();

		assertThat(killedJustNow).doesNotExist();
		assertThat(foreign).exists();
	}

	@Test
	@DisplayName("ART-15.1 the periodic sweep never takes a file an upload of this instance still holds, however old")
	void periodicSweepSparesStagedContentItOwns() throws IOException {
		var spool = new Spool(directory, clock);
		try (var staged = spool.stage(new java.io.ByteArrayInputStream(new byte[] { 7, 8, 9 }), null,
				(file, digest) -> true)) {
			try (var files = Files.list(directory)) {
				for (var file : files.toList()) {
					Files.setLastModifiedTime(file, FileTime.from(NOW.minusSeconds(86_400)));
				}
			}
			var abandoned = leftover("ingest-6.part", NOW.minusSeconds(86_400));

			assertThat(spool.sweep()).isEqualTo(new Spool.Swept(1, 3));

			assertThat(abandoned).doesNotExist();
			try (var in = staged.open()) {
				assertThat(in.readAllBytes()).containsExactly(7, 8, 9);
			}
		}
		try (var files = Files.list(directory)) {
			assertThat(files).isEmpty();
		}
	}

	@Test
	void createsItsDirectoryWhenMissing() {
		var missing = directory.resolve("store/tmp");

		new Spool(missing, clock);

		assertThat(missing).isDirectory();
	}

	private Path leftover(String name, Instant lastWritten) throws IOException {
		var file = Files.write(directory.resolve(name), new byte[] { 1, 2, 3 });
		Files.setLastModifiedTime(file, FileTime.from(lastWritten));
		return file;
	}

	@Test
	@DisplayName("ART-15.1 issue 16: where instances share the spool, a start-up sweeps away its own leftovers at once and "
			+ "another instance's only once abandoned")
	void sweepAtStartUpLeavesAnotherInstancesLiveUploads() throws IOException {
		var spool = new Spool(directory, clock, "node-b");
		var ownKilled = leftover("ingest-node-b~6.part", NOW.minusSeconds(1));
		var othersLive = leftover("ingest-node-a~7.part", NOW.minusSeconds(1));
		var othersAbandoned = leftover("ingest-node-a~8.part", NOW.minus(Spool.ABANDONED_AFTER).minusSeconds(1));

		spool.sweepAtStartUp();

		assertThat(ownKilled).doesNotExist();
		assertThat(othersLive).exists();
		assertThat(othersAbandoned).doesNotExist();
	}

	@Test
	@DisplayName("ART-15.3 a copy staged by the kernel is read back whole, and one discarded or one whose source cannot be read leaves no spool file")
	void stagedCopiesLeaveNothingBehind() throws IOException {
		var spool = new Spool(directory.resolve("tmp"), clock);
		var bytes = Contents.random(17 * 1024 * 1024 + 3, 31);
		var source = Files.write(directory.resolve("source.bin"), bytes);

		try (var staged = spool.stageCopy(source, true, (spooled, digest) -> true)) {
			assertThat(staged.digest()).isEqualTo(TwinDigest.of(bytes));
		}
		assertThat(directory.resolve("tmp")).isEmptyDirectory();

		assertThatExceptionOfType(java.io.UncheckedIOException.class)
			.isThrownBy(() -> spool.stageCopy(directory.resolve("gone.bin"), false, (spooled, digest) -> true));
		assertThat(directory.resolve("tmp")).isEmptyDirectory();
	}
}
