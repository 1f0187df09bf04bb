package org.lawtrace.storage;

/**
 * What one fixity check of one copy found: the bytes matched the records ({@code PASSED}), did not
 * ({@code FAILED}), were not there ({@code MISSING}), or were put back from the other copy and then matched
 * ({@code REPAIRED}).
 */
public enum CheckResult {
	PASSED, FAILED, MISSING, REPAIRED
}
