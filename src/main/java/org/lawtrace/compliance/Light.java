package org.lawtrace.compliance;

import java.util.Collection;

/** The checklist's traffic light for a stage or a case. */
public enum Light {
	GREEN, AMBER, RED;

	static Light of(Collection<Severity> open) {
		if (open.contains(Severity.MAJOR)) {
			return RED;
		}
		return open.contains(Severity.MINOR) ? AMBER : GREEN;
	}
}
