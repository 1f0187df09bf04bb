package org.lawtrace.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class FileSystemBlobDerivationUnitTests extends BlobDerivationContract {

	static final Instant NOW = Instant.parse("2026-05-22T08:00:00Z");

	@TempDir
	Path root;

	private FileSystemBlobStore store;
	private Spool spool;

	@Override
	BlobStore store() {
		if (store == null) {
			spool = new Spool(root.resolve("tmp"), Clock.fixed(NOW, ZoneOffset.UTC));
			store = new FileSystemBlobStore(root, spool);
		}
		return store;
	}

	@Override
	Path spoolDirectory() {
		return spool.directory();
	}

	@Test
	@DisplayName("ART-22(2) the program reads the original's own read-only file, which keeps its inode, mode and mtime")
	void theProgramReadsTheOriginalInPlaceAndLeavesItUntouched() throws IOException {
		var original = store.pathOf(DIGEST.sha256());
		var longAgo = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
		Files.setLastModifiedTime(original, longAgo);
		var before = Files.readAttributes(original, BasicFileAttributes.class);

		assertThat(inputNameGivenToTheProgram()).isEqualTo(original.toAbsolutePath());
		store.derive(DIGEST, List.of("head", "-c", "100", "{input}"), TIMEOUT);

		var after = Files.readAttributes(original, BasicFileAttributes.class);
		assertThat(after.fileKey()).isEqualTo(before.fileKey());
		assertThat(after.lastModifiedTime()).isEqualTo(longAgo);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(original))).isEqualTo("r--r-----");
	}

	@Test
	void sweepsOnlyDerivationCopiesADayOld() throws IOException {
		var directory = spoolDirectory();
		var abandoned = Files.createFile(directory.resolve("derive-1.src"));
		Files.setLastModifiedTime(abandoned, FileTime.from(NOW.minus(Derivation.ABANDONED_AFTER).minusSeconds(1)));
		var inUse = Files.createFile(directory.resolve("derive-2.src"));
		Files.setLastModifiedTime(inUse, FileTime.from(NOW.minusSeconds(3600)));
		var upload = Files.createFile(directory.resolve("ingest-3.part"));
		Files.setLastModifiedTime(upload, FileTime.from(NOW.minus(Derivation.ABANDONED_AFTER).minusSeconds(1)));

		assertThat(Derivation.sweep(directory, NOW)).isEqualTo(1);
		assertThat(abandoned).doesNotExist();
		assertThat(inUse).exists();
		assertThat(upload).exists();
	}

	@Test
	void sweepsAbandonedDerivationCopiesWhenTheApplicationIsReady(@TempDir Path otherRoot) throws IOException {
		var abandoned = Files.createDirectories(otherRoot.resolve("tmp")).resolve("derive-crashed.src");
		Files.write(abandoned, new byte[] { 1 });
		Files.setLastModifiedTime(abandoned, FileTime.from(NOW.minus(Derivation.ABANDONED_AFTER).minusSeconds(1)));

		new ApplicationContextRunner().withUserConfiguration(StorageConfiguration.class)
			.withBean(Clock.class, () -> Clock.fixed(NOW, ZoneOffset.UTC))
			// the checked store records what it finds; nothing here reads a blob, so no table is touched
			.withBean(FixityLedger.class, () -> new FixityLedger(org.springframework.jdbc.core.simple.JdbcClient.create(
					new org.springframework.jdbc.datasource.SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:sweep"))))
			.withPropertyValues("lawtrace.storage.root=" + otherRoot)
			.run(context -> {
				var application = context.getSourceApplicationContext();
				application.publishEvent(new ApplicationReadyEvent(new SpringApplication(), new String[0], application,
						Duration.ZERO));

				assertThat(abandoned).doesNotExist();
			});
	}
}
