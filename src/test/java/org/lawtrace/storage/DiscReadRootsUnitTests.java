package org.lawtrace.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lawtrace.shared.InvalidInput;

/**
 * ART-17, ART-20: a disc read back from a path on the server may only be read under the roots the bureau set for
 * mounted discs and read-back images, so the custodian cannot use the read-back to learn what other files the server
 * holds: outside them, through {@code ..} or through a link, the answer is the same whether the file exists or not.
 */
class DiscReadRootsUnitTests {

	@TempDir
	Path temp;

	@Test
	@DisplayName("ART-17: an image under a read-back root is read")
	void readsUnderARoot() throws Exception {
		var root = Files.createDirectories(temp.resolve("media"));
		var image = Files.writeString(root.resolve("disc.iso"), "iso");
		assertThat(DiscReading.withinRoots(image.toString(), List.of(root.toString()))).isEqualTo(image.toRealPath());
	}

	@Test
	@DisplayName("ART-20: outside the roots, by .. or by a link, existing or not, the read-back is refused alike")
	void refusesEverythingElseAlike() throws Exception {
		var root = Files.createDirectories(temp.resolve("media"));
		var secret = Files.writeString(temp.resolve("secret.txt"), "not a disc");
		var link = Files.createSymbolicLink(root.resolve("link.iso"), secret);
		for (var path : List.of(secret.toString(), temp.resolve("nothing-here").toString(),
				root.resolve("../secret.txt").toString(), link.toString())) {
			assertThatThrownBy(() -> DiscReading.withinRoots(path, List.of(root.toString())))
				.isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.getMessage())
					.contains("lawtrace.retention.disc-read-roots").doesNotContain("no such"));
		}
		assertThatThrownBy(() -> DiscReading.withinRoots(root.resolve("missing.iso").toString(), List.of(root.toString())))
			.isInstanceOf(InvalidInput.class).hasMessageContaining("no such");
	}
}
