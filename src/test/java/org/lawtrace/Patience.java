package org.lawtrace;

import java.time.Duration;

/**
 * How long a test waits for a condition: a bound given for a four-core machine, stretched on smaller ones (twice on
 * two cores) and by {@code -Dlawtrace.test.patience=<factor>} on a busy one. Tests poll for the condition and go on as
 * soon as it holds; the bound only says when to give up.
 */
public final class Patience {

	private Patience() {
	}

	public static Duration of(Duration onFourCores) {
		var cores = Math.max(1, Runtime.getRuntime().availableProcessors());
		var factor = Math.max(1.0, 4.0 / cores) * Double.parseDouble(System.getProperty("lawtrace.test.patience", "1"));
		return Duration.ofMillis((long) (onFourCores.toMillis() * factor));
	}
}
