package org.lawtrace.compliance;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.lawtrace.cases.StageKind;

/**
 * One rule of a pack: its id, the check it makes, the article it enforces, how heavy its findings are (a
 * partial record weighs {@code partialSeverity}), the stage kinds it applies to, its thresholds, and how many days
 * an officer has to fix what it finds.
 */
public record Rule(String id, Check check, String article, Severity severity, Severity partialSeverity,
		Set<StageKind> stages, Map<String, Long> settings, int fixDays, Map<String, String> documents) {

	public Rule {
		stages = stages.isEmpty() ? EnumSet.noneOf(StageKind.class) : EnumSet.copyOf(stages);
		settings = Map.copyOf(settings);
		documents = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(documents));
	}

	/** A rule without required documents (every check but {@code stage-documents}). */
	public Rule(String id, Check check, String article, Severity severity, Severity partialSeverity,
			Set<StageKind> stages, Map<String, Long> settings, int fixDays) {
		this(id, check, article, severity, partialSeverity, stages, settings, fixDays, Map.of());
	}

	boolean appliesTo(StageKind kind) {
		return stages.contains(kind);
	}

	long setting(String name) {
		var value = settings.get(name);
		return value != null ? value : check.defaults().get(name);
	}
}
