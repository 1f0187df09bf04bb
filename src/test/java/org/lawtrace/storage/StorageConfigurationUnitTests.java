package org.lawtrace.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The wiring alone, in a bare context: no database, no web server, no other module. */
class StorageConfigurationUnitTests {

	static final Instant NOW = Instant.parse("2026-05-22T08:00:00Z");

	@TempDir
	Path root;

	ApplicationContextRunner runner() {
		return new ApplicationContextRunner().withUserConfiguration(StorageConfiguration.class)
			.withBean(Clock.class, () -> Clock.fixed(NOW, ZoneOffset.UTC))
			// the checked store records what it finds; nothing here reads a blob, so no table is touched
			.withBean(FixityLedger.class, () -> new FixityLedger(org.springframework.jdbc.core.simple.JdbcClient.create(
					new org.springframework.jdbc.datasource.SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:wiring"))))
			.withPropertyValues("lawtrace.storage.root=" + root);
	}

	@Test
	void usesTheFilesystemStoreUnlessToldOtherwise() {
		runner().run(context -> {
			assertThat(context).hasSingleBean(BlobStore.class);
			assertThat(context.getBean(BlobStore.class)).isInstanceOf(CheckedBlobStore.class);
			assertThat(context.getBean(Copies.class).primary()).isInstanceOf(FileSystemBlobStore.class);
			assertThat(root.resolve("blobs/sha256")).isDirectory();
			assertThat(root.resolve("tmp")).isDirectory();
		});
	}

	@Test
	void usesTheS3StoreWhenTypeIsS3() {
		runner().withPropertyValues("lawtrace.storage.type=s3", "lawtrace.storage.s3.endpoint=http://127.0.0.1:9",
				"lawtrace.storage.s3.bucket=evidence", "lawtrace.storage.s3.access-key=a",
				"lawtrace.storage.s3.secret-key=b")
			.run(context -> assertThat(context.getBean(Copies.class).primary()).isInstanceOf(S3BlobStore.class));
	}

	@Test
	void bindsS3SettingsWithDefaultsForPathStyleAndThirtyYearsRetention() {
		runner().withPropertyValues("lawtrace.storage.s3.bucket=evidence").run(context -> {
			var s3 = context.getBean(StorageProperties.class).s3();
			assertThat(s3.pathStyle()).isTrue();
			assertThat(s3.retention()).isEqualTo(Period.ofYears(30));
			assertThat(s3.region()).isEqualTo("us-east-1");
		});
	}

	@Test
	void refusesToStartWithAnUnknownStoreType() {
		runner().withPropertyValues("lawtrace.storage.type=tape").run(context -> assertThat(context).hasFailed());
	}

	@Test
	void refusesToStartTheS3StoreWithoutABucket() {
		runner().withPropertyValues("lawtrace.storage.type=s3").run(context -> assertThat(context).hasFailed());
	}

	@Test
	void sweepsAbandonedUploadsWhenTheApplicationIsReady() throws IOException {
		var abandoned = Files.createDirectories(root.resolve("tmp")).resolve("ingest-crashed.part");
		Files.write(abandoned, new byte[] { 1 });
		Files.setLastModifiedTime(abandoned, FileTime.from(NOW.minus(Duration.ofDays(1))));

		runner().run(context -> {
			var application = context.getSourceApplicationContext();
			application.publishEvent(new ApplicationReadyEvent(new SpringApplication(), new String[0], application,
					Duration.ZERO));

			assertThat(abandoned).doesNotExist();
		});
	}
}
