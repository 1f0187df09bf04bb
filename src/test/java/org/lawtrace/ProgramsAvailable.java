package org.lawtrace;

import java.util.List;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.lawtrace.shared.InstalledProgram;

/**
 * Skips tests that need programs installed on the machine (ffmpeg, xorriso) with a clear message where they are
 * missing; under CI the same situation fails the run, so those tests can never be skipped silently.
 */
abstract class ProgramsAvailable implements ExecutionCondition {

	private final List<String> programs;
	private final String debianPackage;
	private final String tests;

	ProgramsAvailable(List<String> programs, String debianPackage, String tests) {
		this.programs = List.copyOf(programs);
		this.debianPackage = debianPackage;
		this.tests = tests;
	}

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		var missing = programs.stream().filter(program -> !InstalledProgram.find(program, null).available()).toList();
		if (missing.isEmpty()) {
			return ConditionEvaluationResult.enabled("runs with " + programs);
		}
		var problem = "no working " + missing + "; install with: apt-get install " + debianPackage;
		if (TestDatabase.underCi()) {
			throw new IllegalStateException("CI=true but " + problem);
		}
		System.err.println("SKIPPED " + tests + ": " + problem);
		return ConditionEvaluationResult.disabled("SKIPPED " + tests + ": " + problem);
	}
}
