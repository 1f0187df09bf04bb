package org.lawtrace;

import java.nio.file.Files;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips the browser tests with a clear message on a machine without Debian's chromium and chromedriver; under CI
 * the same situation fails the run, so the browser tests can never be skipped silently.
 */
public class BrowserAvailable implements ExecutionCondition {

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		var missing = Stream.of(Browser.CHROMIUM, Browser.CHROMEDRIVER).filter(p -> !Files.isExecutable(p)).toList();
		if (missing.isEmpty()) {
			return ConditionEvaluationResult.enabled("runs in " + Browser.CHROMIUM);
		}
		var problem = "no " + missing + "; install them with: apt-get install chromium chromium-driver fonts-noto-cjk";
		if (TestDatabase.underCi()) {
			throw new IllegalStateException("CI=true but " + problem);
		}
		System.err.println("SKIPPED browser tests: " + problem);
		return ConditionEvaluationResult.disabled("SKIPPED browser tests: " + problem);
	}
}
