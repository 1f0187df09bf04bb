package org.lawtrace.shared;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

/**
 * How instants travel to and from {@code timestamp with time zone} columns. The PostgreSQL driver does not bind
 * {@link Instant}, so every repository speaks {@link OffsetDateTime} in UTC through these two.
 */
public final class DatabaseTime {

	private DatabaseTime() {
	}

	public static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	public static @Nullable Instant instant(@Nullable OffsetDateTime time) {
		return time == null ? null : time.toInstant();
	}
}
