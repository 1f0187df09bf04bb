package org.lawtrace.storage.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.storage.FixityReports;
import org.lawtrace.storage.IntegrityAlarms;
import org.lawtrace.staff.Permissions;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Fixity audits and integrity alarms over REST, for the custodian, the director and the discipline unit (ART-13,
 * ART-15, ART-22): the state of the audit cycle, a month's report as Excel, and the alarm inbox. No record content
 * is shown, only digests of blobs.
 */
@RestController
class IntegrityController {

	private static final int MAX_LISTED = 1000;

	private final FixityReports reports;
	private final IntegrityAlarms alarms;
	private final FixityWorkbook workbook;
	private final BureauTime time;

	IntegrityController(FixityReports reports, IntegrityAlarms alarms, FixityWorkbook workbook, BureauTime time) {
		this.reports = reports;
		this.alarms = alarms;
		this.workbook = workbook;
		this.time = time;
	}

	/**
	 * The fixity audit's current cycle (固定性校验): how many copies it knows and has checked this cycle, the checks
	 * passed, failed, found missing and repaired (per copy too), the oldest last check, copies still known bad, and
	 * the last run.
	 */
	@GetMapping("/api/v1/storage/fixity")
	@Permissions.SeeFixity
	FixityReports.Status fixity() {
		return reports.status();
	}

	/**
	 * The monthly fixity report (固定性校验月报) as an Excel workbook: checked, passed, failed, missing and repaired per
	 * copy for the month in the bureau's calendar, and every check that did not pass. {@code month} is
	 * {@code YYYY-MM}; the download is recorded in the audit log.
	 */
	@GetMapping("/api/v1/storage/fixity/report")
	@Permissions.SeeFixity
	ResponseEntity<byte[]> report(@RequestParam(required = false) @Nullable String month, Authentication caller) {
		return workbook.download(reports.month(month(month), time.zone()), caller.getName());
	}

	/** The integrity alarms (完整性告警), newest first; {@code open=true} for those not yet acknowledged. */
	@GetMapping("/api/v1/integrity/alarms")
	@Permissions.SeeFixity
	List<IntegrityAlarms.Alarm> alarms(@RequestParam(defaultValue = "false") boolean open,
			@RequestParam(defaultValue = "100") int limit) {
		if (limit < 1 || limit > MAX_LISTED) {
			throw new InvalidInput("limit", "limit 须在 1 到 1000 之间 (limit is 1 to 1000)");
		}
		return alarms.list(open, limit);
	}

	/**
	 * Acknowledges an alarm with a note saying what was done about it (确认告警); an alarm is acknowledged once (409
	 * naming {@code id} the second time), a blank note is refused naming {@code note}.
	 */
	@PostMapping("/api/v1/integrity/alarms/{id}/acknowledgement")
	@Permissions.AcknowledgeAlarms
	IntegrityAlarms.Alarm acknowledge(@PathVariable UUID id, @RequestBody Acknowledgement body, Authentication caller) {
		return alarms.acknowledge(id, body.note(), caller.getName());
	}

	/** @param note what was done about the alarm, up to 1000 characters. */
	record Acknowledgement(@Nullable String note) {
	}

	YearMonth month(@Nullable String month) {
		if (month == null || month.isBlank()) {
			return YearMonth.from(time.today());
		}
		try {
			return YearMonth.parse(month.strip());
		}
		catch (DateTimeParseException e) {
			throw new InvalidInput("month", "month 格式为 YYYY-MM (month is YYYY-MM): " + month);
		}
	}
}
