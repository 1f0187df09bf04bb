package org.lawtrace.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The bureau's clock and time zone: every "today" and every deadline is read through it. */
@Component
public class BureauTime {

	private final Clock clock;
	private final ZoneId zone;

	public BureauTime(Clock clock, @Value("${lawtrace.zone:Asia/Shanghai}") ZoneId zone) {
		this.clock = clock;
		this.zone = zone;
	}

	public static BureauTime of(Clock clock, ZoneId zone) {
		return new BureauTime(clock, zone);
	}

	/** Now, to the millisecond: finer precision than every supported database keeps would not round-trip. */
	public Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	public LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), zone);
	}

	public ZoneId zone() {
		return zone;
	}

	/** An instant as the bureau writes it: ISO-8601 with the bureau's offset. */
	public OffsetDateTime local(Instant instant) {
		return instant.atZone(zone).toOffsetDateTime();
	}
}
