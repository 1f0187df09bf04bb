package org.lawtrace.compliance;

/** A rule pack that cannot be used, with the line (1-based) of what is wrong and why. */
public class RulePackRefused extends RuntimeException {

	private final int line;
	private final String reason;

	RulePackRefused(int line, String reason) {
		super("line " + line + ": " + reason);
		this.line = line;
		this.reason = reason;
	}

	public int line() {
		return line;
	}

	public String reason() {
		return reason;
	}
}
