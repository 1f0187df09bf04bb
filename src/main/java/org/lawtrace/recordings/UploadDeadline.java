package org.lawtrace.recordings;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * ART-15.1: audio-visual material is stored within 2 days of its making. The seed does not say whether those are
 * calendar or working days, so it is a setting, calendar by default: a recording that ended on day D is on time if
 * stored by the end of day D + 2 in the bureau's zone. With working days, weekends and the configured public
 * holidays do not count, and the configured make-up working days (调休上班日) do. The compliance module's ART-15.1
 * check counts with this same setting (Chapter 8: one answer to "late", on the badge and in the findings).
 */
@Component
public class UploadDeadline {

	public enum Counting {
		CALENDAR, WORKING
	}

	/** Whether a recording was stored in time, its last permitted day, and by how many days it missed it. */
	public record Timeliness(LocalDate deadline, boolean onTime, long daysLate) {
	}

	private final int days;
	private final Counting counting;
	private final Set<LocalDate> holidays;
	private final Set<LocalDate> workingWeekendDays;
	private final ZoneId zone;

	UploadDeadline(@Value("${lawtrace.recordings.upload-deadline-days:2}") int days,
			@Value("${lawtrace.recordings.upload-deadline-counting:CALENDAR}") Counting counting,
			@Value("${lawtrace.recordings.holidays:}") Set<LocalDate> holidays,
			@Value("${lawtrace.recordings.working-weekend-days:}") Set<LocalDate> workingWeekendDays,
			@Value("${lawtrace.zone:Asia/Shanghai}") ZoneId zone) {
		this.days = days;
		this.counting = counting;
		this.holidays = Set.copyOf(holidays);
		this.workingWeekendDays = Set.copyOf(workingWeekendDays);
		this.zone = zone;
	}

	/** An upload deadline counted as the settings say, for whoever needs the same answer outside this module. */
	public static UploadDeadline of(int days, Counting counting, Set<LocalDate> holidays,
			Set<LocalDate> workingWeekendDays, ZoneId zone) {
		return new UploadDeadline(days, counting, holidays, workingWeekendDays, zone);
	}

	public Counting counting() {
		return counting;
	}

	/** The last day to store what was made on {@code madeOn} within {@code within} days, counted as set. */
	public LocalDate deadlineFor(LocalDate madeOn, int within) {
		if (counting == Counting.CALENDAR) {
			return madeOn.plusDays(within);
		}
		var day = madeOn;
		for (var counted = 0; counted < within;) {
			day = day.plusDays(1);
			if (working(day)) {
				counted++;
			}
		}
		return day;
	}

	public Timeliness judge(Instant endedAt, Instant storedAt) {
		var deadline = deadlineFor(LocalDate.ofInstant(endedAt, zone));
		var storedOn = LocalDate.ofInstant(storedAt, zone);
		var late = storedOn.isAfter(deadline) ? ChronoUnit.DAYS.between(deadline, storedOn) : 0;
		return new Timeliness(deadline, late == 0, late);
	}

	LocalDate deadlineFor(LocalDate madeOn) {
		return deadlineFor(madeOn, days);
	}

	private boolean working(LocalDate day) {
		if (workingWeekendDays.contains(day)) {
			return true;
		}
		var weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
		return !weekend && !holidays.contains(day);
	}
}
