package org.lawtrace.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTests {

	static final Instant NOW = Instant.parse("2026-05-22T08:00:00Z");

	@TempDir
	Path directory;

	final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	@Test
	void sweepRemovesUploadFilesAbandonedByACrash() throws IOException {
		var spool = new Spool(directory, clock);
		var abandoned = leftover("ingest-1.part", NOW.minus(Spool.ABANDONED_AFTER).minusSeconds(1));
		var alsoAbandoned = leftover("ingest-2.part", NOW.minusSeconds(86_400));

		assertThat(spool.sweep()).isEqualTo(2);

		assertThat(abandoned).doesNotExist();
		assertThat(alsoAbandoned).doesNotExist();
	}

	@Test
	void sweepSparesUploadsStillBeingWritten() throws IOException {
		var spool = new Spool(directory, clock);
		var live = leftover("ingest-3.part", NOW.minusSeconds(60));

		assertThat(spool.sweep()).isZero();

		assertThat(live).exists();
	}

	@Test
	void sweepTouchesOnlyItsOwnFiles() throws IOException {
		var spool = new Spool(directory, clock);
		var foreign = leftover("notes.txt", NOW.minusSeconds(86_400));

		assertThat(spool.sweep()).isZero();

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
}
