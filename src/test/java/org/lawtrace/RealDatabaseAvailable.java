package org.lawtrace;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips the PostgreSQL run with a clear message on a newcomer's machine without PostgreSQL; under CI the same
 * situation fails the run, so the PostgreSQL tests can never be skipped silently.
 */
public class RealDatabaseAvailable implements ExecutionCondition {

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (!TestDatabase.postgres()) {
			return ConditionEvaluationResult.enabled("runs on embedded H2");
		}
		var problem = TestDatabase.postgresUnavailable();
		if (problem == null) {
			return ConditionEvaluationResult.enabled("runs on PostgreSQL at " + TestDatabase.pgUrl());
		}
		if (TestDatabase.underCi()) {
			throw new IllegalStateException("CI=true but " + problem);
		}
		System.err.println("SKIPPED on PostgreSQL: " + problem);
		return ConditionEvaluationResult.disabled("SKIPPED on PostgreSQL: " + problem);
	}
}
