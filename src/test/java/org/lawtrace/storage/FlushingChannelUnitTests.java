package org.lawtrace.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlushingChannelUnitTests {

	@TempDir
	Path dir;

	@Test
	void writesEveryByteAndFlushesInTheBackgroundAsItGoes() throws Exception {
		var bytes = Contents.random((int) (2.5 * FlushingChannel.FLUSH_EVERY), 3);
		var flushes = new AtomicInteger();
		var background = Executors.newSingleThreadExecutor();
		var file = dir.resolve("spooled");
		try (var channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
				var flushing = new FlushingChannel(channel, task -> background.execute(() -> {
					flushes.incrementAndGet();
					task.run();
				}))) {
			TwinDigest.copy(new ByteArrayInputStream(bytes), flushing);
			flushing.forceAll();
		}
		finally {
			background.shutdown();
		}
		assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
		assertThat(flushes.get()).isBetween(1, 2);
	}
}
