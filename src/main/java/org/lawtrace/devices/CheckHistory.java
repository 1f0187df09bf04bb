package org.lawtrace.devices;

import static org.lawtrace.shared.DatabaseTime.instant;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pre-use checks (ART-11) of many devices at once, by serial number, for modules that judge many recordings at
 * once instead of reading this module's tables.
 */
@Repository
@Transactional(readOnly = true)
public class CheckHistory {

	private static final int CHUNK = 1000;

	private final JdbcClient jdbc;

	CheckHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One pre-use check: when, and whether it passed or a leader overrode its failure. */
	public record CheckOutcome(Instant checkedAt, boolean good) {
	}

	/** Every check of the devices with these serial numbers, by serial number. */
	public Map<String, List<CheckOutcome>> ofSerials(Collection<String> serials) {
		var bySerial = new HashMap<String, List<CheckOutcome>>();
		var all = List.copyOf(serials);
		for (var from = 0; from < all.size(); from += CHUNK) {
			var chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
			jdbc.sql("""
					select d.serial_number, c.checked_at, c.failures, c.overridden_by from devices_check c
					join devices_device d on d.id = c.device_id where d.serial_number in (%s)"""
				.formatted(String.join(",", Collections.nCopies(chunk.size(), "?"))))
				.params(chunk.toArray())
				.query((rs, n) -> bySerial.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
					.add(new CheckOutcome(instant(rs.getObject(2, OffsetDateTime.class)),
							rs.getString(3).isEmpty() || rs.getObject(4) != null)))
				.list();
		}
		return bySerial;
	}
}
