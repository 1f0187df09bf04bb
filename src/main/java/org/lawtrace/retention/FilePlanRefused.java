package org.lawtrace.retention;

/**
 * A file plan that cannot be put in force, naming the setting at fault. It stops the start: keeping records by
 * a plan nobody approved, or below the rules' minimum, is worse than not starting.
 */
public class FilePlanRefused extends RuntimeException {

	private final String setting;

	public FilePlanRefused(String source, String setting, String reason) {
		super("file plan " + source + ": " + setting + ": " + reason);
		this.setting = setting;
	}

	/** The setting at fault, e.g. {@code daily-recordings.period}. */
	public String setting() {
		return setting;
	}
}
