package org.lawtrace.cases.web;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.lawtrace.cases.RecordStage;
import org.lawtrace.cases.StageKind;
import org.lawtrace.shared.InvalidInput;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The add-stage form as posted. {@code datetime-local} inputs carry no zone: they are read as the bureau's local
 * time, whatever zone the browser or server runs in.
 */
record StageForm(@Nullable StageKind kind,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable LocalDateTime startedAt,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable LocalDateTime endedAt, @Nullable String place,
		@Nullable List<String> present, @Nullable String note) {

	static final Set<String> FIELDS = Set.of("kind", "startedAt", "endedAt", "place", "present", "note");

	/** A blank form, with the officer filling it in as present. */
	static StageForm blank(String officer) {
		return new StageForm(null, null, null, "", List.of(officer), "");
	}

	RecordStage toCommand(ZoneId zone) {
		if (kind == null) {
			throw new InvalidInput("kind", "请选择环节类型 (choose the kind of stage)");
		}
		if (startedAt == null) {
			throw new InvalidInput("startedAt", "请填写开始时间 (the start time is required)");
		}
		return new RecordStage(kind, startedAt.atZone(zone).toInstant(),
				endedAt == null ? null : endedAt.atZone(zone).toInstant(), place,
				present == null ? List.of() : present, note);
	}

	public boolean isPresent(String username) {
		return present != null && present.contains(username);
	}
}
