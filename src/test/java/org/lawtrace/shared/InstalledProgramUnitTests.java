package org.lawtrace.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16 (ADR 0031): an external program is looked for beside the start, and asked about only when needed. */
class InstalledProgramUnitTests {

	@Test
	@DisplayName("Issue 16: looking for a program does not wait for it; the first question about it does, and gets its version")
	void looksBesideTheCaller(@TempDir Path dir) throws IOException {
		var gate = dir.resolve("go");
		// a program that answers -version only once the test lets it: find() must come back while it still waits
		var program = script(dir, "slowtool", "while [ ! -e '" + gate + "' ]; do sleep 0.05; done\n"
				+ "echo 'slowtool version 1.2 : more'\n");
		var seen = new AtomicReference<InstalledProgram>();

		var found = InstalledProgram.find(program.toString(), " : ").whenKnown(seen::set);
		try {
			assertThat(seen.get()).as("the answer cannot be known before the program may answer").isNull();
		}
		finally {
			Files.createFile(gate);
		}
		assertThat(found.version()).isEqualTo("slowtool version 1.2");
		assertThat(found.available()).isTrue();
		assertThat(found.problem()).isEmpty();
	}

	@Test
	@DisplayName("A program that is missing, fails, or is turned off is not available and says why")
	void missingFailingOrOff(@TempDir Path dir) throws IOException {
		var missing = InstalledProgram.find(dir.resolve("no-such-tool").toString(), null);
		assertThat(missing.available()).isFalse();
		assertThat(missing.problem()).isNotEmpty();

		var failing = InstalledProgram.find(script(dir, "failing", "echo broken; exit 3\n").toString(), null);
		assertThat(failing.available()).isFalse();
		assertThat(failing.problem()).contains("exit status 3").contains("broken");

		var off = InstalledProgram.find("  ", null);
		assertThat(off.available()).isFalse();
		assertThat(off.problem()).contains("turned off");
	}

	private static Path script(Path dir, String name, String body) throws IOException {
		var file = dir.resolve(name);
		Files.writeString(file, "#!/bin/sh\n" + body);
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
		return file;
	}
}
