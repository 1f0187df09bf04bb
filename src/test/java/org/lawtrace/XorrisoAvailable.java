package org.lawtrace;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips the optical disc tests with a clear message on a machine without xorriso; under CI the same
 * situation fails the run, so those tests can never be skipped silently.
 */
public class XorrisoAvailable implements ExecutionCondition {

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		var missing = Stream.of("xorriso").filter(program -> !runs(program)).toList();
		if (missing.isEmpty()) {
			return ConditionEvaluationResult.enabled("runs with xorriso");
		}
		var problem = "no working " + missing + "; install it with: apt-get install xorriso";
		if (TestDatabase.underCi()) {
			throw new IllegalStateException("CI=true but " + problem);
		}
		System.err.println("SKIPPED optical disc tests: " + problem);
		return ConditionEvaluationResult.disabled("SKIPPED optical disc tests: " + problem);
	}

	private static boolean runs(String program) {
		try {
			var process = new ProcessBuilder(program, "-version").redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
			return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
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
