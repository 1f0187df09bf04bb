package org.lawtrace.inspection;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;

/** The JSON contract of {@code /api/v1/inspection}, pinned on the test side (ART-22). */
final class ViolationApi {

	private ViolationApi() {
	}

	static final ParameterizedTypeReference<List<SignalView>> SIGNALS = new ParameterizedTypeReference<>() {
	};

	static final ParameterizedTypeReference<List<ViolationView>> VIOLATIONS = new ParameterizedTypeReference<>() {
	};

	record Person(String username, String name) {
	}

	record SignalView(String id, String kind, int item, String kindName, String state, @Nullable Person person,
			@Nullable String subjectType, @Nullable String subjectId, String facts, String occurredAt, String raisedAt,
			@Nullable Person triagedBy, @Nullable String triageNote, @Nullable String violationId) {
	}

	record Source(String kind, @Nullable String reference, @Nullable String note) {
	}

	record NewViolation(List<String> officers, int item, List<Source> sources, String facts) {
	}

	record Officer(Person officer, @Nullable String defence, @Nullable String defendedAt) {
	}

	record Ruling(String sanction, String sanctionName, @Nullable LocalDate suspensionFrom,
			@Nullable LocalDate suspensionTo, @Nullable String leaders, @Nullable String reason, Person by, String at) {
	}

	record ViolationView(String id, int item, String facts, List<Officer> officers, List<Source> sources,
			Person registeredBy, String registeredAt, String state, @Nullable Ruling proposal,
			@Nullable Ruling decision) {
	}

	record RulingInput(String sanction, @Nullable LocalDate suspensionFrom, @Nullable LocalDate suspensionTo,
			@Nullable String leaders, @Nullable String reason) {
	}

	static Map<String, String> defence(String text) {
		return Map.of("defence", text);
	}

	static Map<String, String> reason(String text) {
		return Map.of("reason", text);
	}
}
