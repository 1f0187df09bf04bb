package org.lawtrace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips the PKCS#11 token tests with a clear message on a machine without SoftHSM2 ({@code softhsm2-util} and its
 * library) and OpenSC's {@code pkcs11-tool}; under CI the same situation fails the run, so those tests can never be
 * skipped silently.
 */
public class SoftHsmAvailable implements ExecutionCondition {

	/** Where Debian and others put SoftHSM2's PKCS#11 module. */
	private static final List<Path> LIBRARIES = List.of(Path.of("/usr/lib/softhsm/libsofthsm2.so"),
			Path.of("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"),
			Path.of("/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so"),
			Path.of("/usr/local/lib/softhsm/libsofthsm2.so"));

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		var missing = new ArrayList<String>();
		Stream.of("softhsm2-util", "pkcs11-tool").filter(program -> !runs(program)).forEach(missing::add);
		if (library() == null) {
			missing.add("libsofthsm2.so");
		}
		if (missing.isEmpty()) {
			return ConditionEvaluationResult.enabled("runs with SoftHSM2 at " + library());
		}
		var problem = "no working " + missing + "; install them with: apt-get install softhsm2 opensc";
		if (TestDatabase.underCi()) {
			throw new IllegalStateException("CI=true but " + problem);
		}
		System.err.println("SKIPPED PKCS#11 token tests: " + problem);
		return ConditionEvaluationResult.disabled("SKIPPED PKCS#11 token tests: " + problem);
	}

	/** SoftHSM2's PKCS#11 module, or null when it is not installed. */
	public static Path library() {
		return LIBRARIES.stream().filter(Files::isRegularFile).findFirst().orElse(null);
	}

	private static boolean runs(String program) {
		try {
			var process = new ProcessBuilder(program, "--version").redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
			// pkcs11-tool has no --version and answers its usage with 1; what matters is that it can be started
			return process.waitFor(30, TimeUnit.SECONDS);
		}
		catch (IOException e) {
			return false;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}
}
