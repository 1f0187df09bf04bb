package org.lawtrace.inspection;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The thresholds of the signals (ART-22 (3), (4)): how many downloads a person makes in a day before it looks like
 * copying, how often one record may be downloaded, the bureau's working hours (in the bureau's time zone), and how
 * long a daily recording (no case) may run before it is put to the discipline unit.
 */
@Component
class SignalSettings {

	private final int downloadsPerDay;
	private final int downloadsOfOneRecord;
	private final LocalTime workStarts;
	private final LocalTime workEnds;
	private final Duration longDailyRecording;

	SignalSettings(@Value("${lawtrace.inspection.downloads-per-day:20}") int downloadsPerDay,
			@Value("${lawtrace.inspection.downloads-of-one-record:5}") int downloadsOfOneRecord,
			@Value("${lawtrace.inspection.work-starts:08:00}") LocalTime workStarts,
			@Value("${lawtrace.inspection.work-ends:18:00}") LocalTime workEnds,
			@Value("${lawtrace.inspection.long-daily-recording:PT2H}") Duration longDailyRecording) {
		this.downloadsPerDay = downloadsPerDay;
		this.downloadsOfOneRecord = downloadsOfOneRecord;
		this.workStarts = workStarts;
		this.workEnds = workEnds;
		this.longDailyRecording = longDailyRecording;
	}

	int downloadsPerDay() {
		return downloadsPerDay;
	}

	int downloadsOfOneRecord() {
		return downloadsOfOneRecord;
	}

	Duration longDailyRecording() {
		return longDailyRecording;
	}

	/** Working hours are Monday to Friday between the two times, in the bureau's zone. */
	boolean withinWorkingHours(Instant at, ZoneId zone) {
		var local = at.atZone(zone);
		if (local.getDayOfWeek() == DayOfWeek.SATURDAY || local.getDayOfWeek() == DayOfWeek.SUNDAY) {
			return false;
		}
		var t = local.toLocalTime();
		return !t.isBefore(workStarts) && t.isBefore(workEnds);
	}
}
