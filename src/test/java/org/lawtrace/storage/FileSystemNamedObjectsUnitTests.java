package org.lawtrace.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemNamedObjectsUnitTests extends NamedObjectsContract {

	@TempDir
	Path root;

	FileSystemNamedObjects objects;

	@BeforeEach
	void open() {
		objects = new FileSystemNamedObjects(root.resolve("anchors"));
	}

	@Override
	NamedObjects objects() {
		return objects;
	}

	@Test
	@DisplayName("ART-22 each object is a read-only file under its name, with no temporary file left beside it")
	void keepsEachObjectAsAReadOnlyFile() throws IOException {
		objects.write("anchor-7.json", new byte[] { 1, 2, 3 });

		var file = root.resolve("anchors").resolve("anchor-7.json");
		assertThat(file).hasBinaryContent(new byte[] { 1, 2, 3 });
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("r--r-----");
		try (var files = Files.list(root.resolve("anchors"))) {
			assertThat(files).containsExactly(file);
		}
		if (!"root".equals(System.getProperty("user.name"))) {
			assertThatExceptionOfType(AccessDeniedException.class)
				.isThrownBy(() -> Files.write(file, new byte[] { 9 }, StandardOpenOption.WRITE));
		}
	}
}
