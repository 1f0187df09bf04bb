package org.lawtrace.devices.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.DomainException;
import org.lawtrace.shared.web.PageText;

/**
 * The forms of the device page as typed: every value stays a string, so a refused form comes back with exactly what
 * was typed, and every problem found is kept, so the page says them all at once.
 */
final class DeviceForms {

	private DeviceForms() {
	}

	/** The problems of one form, by field ("" for the form as a whole), in the page's language. */
	static final class Problems {

		private final Map<String, String> byField = new LinkedHashMap<>();

		void add(String field, String message) {
			byField.putIfAbsent(field, PageText.forPage(message));
		}

		void add(DomainException e) {
			add(e.field() == null ? "" : e.field(), String.valueOf(e.getMessage()));
		}

		boolean any() {
			return !byField.isEmpty();
		}

		public Map<String, String> byField() {
			return byField;
		}

		public @Nullable String of(String field) {
			return byField.get(field);
		}

		/** Problems about fields the form does not show, said above the form. */
		public java.util.List<String> others(java.util.Collection<String> shown) {
			return byField.entrySet().stream().filter(e -> !shown.contains(e.getKey())).map(Map.Entry::getValue)
				.toList();
		}

		@Nullable Integer integer(String field, @Nullable String typed, boolean required, String missing,
				String notANumber) {
			if (typed == null || typed.isBlank()) {
				if (required) {
					add(field, missing);
				}
				return null;
			}
			try {
				return Integer.valueOf(typed.strip());
			}
			catch (NumberFormatException e) {
				add(field, notANumber);
				return null;
			}
		}

		@Nullable LocalDate date(String field, @Nullable String typed, boolean required, String missing,
				String notADate) {
			if (typed == null || typed.isBlank()) {
				if (required) {
					add(field, missing);
				}
				return null;
			}
			try {
				return LocalDate.parse(typed.strip());
			}
			catch (DateTimeParseException e) {
				add(field, notADate);
				return null;
			}
		}

		@Nullable BigDecimal amount(String field, @Nullable String typed, String notAnAmount) {
			if (typed == null || typed.isBlank()) {
				return null;
			}
			try {
				return new BigDecimal(typed.strip());
			}
			catch (NumberFormatException e) {
				add(field, notAnAmount);
				return null;
			}
		}
	}

	/** 使用前检查 (ART-11). */
	record CheckForm(@Nullable String batteryPercent, @Nullable String freeStoragePercent,
			@Nullable String freeStorageMb, @Nullable String clockOffsetSeconds, @Nullable String lensOk) {
	}

	/** 领用: to whom, by their staff id (never a login name on the page). */
	record IssueForm(@Nullable String holder) {
	}

	record NoteForm(@Nullable String note) {
	}

	record FaultForm(@Nullable String description) {
	}

	record ReasonForm(@Nullable String reason) {
	}

	record RepairForm(@Nullable String repairer, @Nullable String selfRepair, @Nullable String sentOn,
			@Nullable String note) {
	}

	record CloseForm(@Nullable String completedOn, @Nullable String cost, @Nullable String result) {
	}

	record MaintenanceForm(@Nullable String doneOn, @Nullable String note) {
	}

	record LossForm(@Nullable String destroyed, @Nullable String description) {
	}

	record TokenForm(@Nullable String name) {
	}
}
