package org.lawtrace.inspection.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.inspection.Conclusion;
import org.lawtrace.inspection.InspectionLedger;
import org.lawtrace.inspection.Review;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.staff.Permissions;
import org.lawtrace.staff.StaffDirectory;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The inspection ledger over REST (检查台账, ART-21): every concluded check, filtered by unit, officer and period,
 * with counts and pass rates per unit and officer; as Excel and PDF; and an officer's own checks.
 */
@RestController
@RequestMapping("/api/v1/inspection")
class InspectionLedgerController {

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final InspectionLedger ledger;
	private final StaffDirectory staff;
	private final BureauTime time;

	InspectionLedgerController(InspectionLedger ledger, StaffDirectory staff, BureauTime time) {
		this.ledger = ledger;
		this.staff = staff;
		this.time = time;
	}

	/** The ledger: the checks that match, and the counts and pass rates per unit and per officer among them. */
	@GetMapping("/ledger")
	@Permissions.SeeSpotChecks
	LedgerView ledger(@RequestParam(required = false) @Nullable UUID unit,
			@RequestParam(required = false) @Nullable UUID officer,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
		var checks = ledger.checks(new InspectionLedger.Filter(unit, officer, from, to));
		return new LedgerView(checks.stream().map(this::view).toList(), ledger.byUnit(checks), ledger.byOfficer(checks));
	}

	/** The ledger as an Excel workbook (checks, rates per unit, rates per officer); logged. */
	@GetMapping("/ledger.xlsx")
	@Permissions.SeeSpotChecks
	ResponseEntity<byte[]> xlsx(@RequestParam(required = false) @Nullable UUID unit,
			@RequestParam(required = false) @Nullable UUID officer,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			Authentication caller) {
		return file(ledger.xlsx(new InspectionLedger.Filter(unit, officer, from, to), caller.getName()), XLSX,
				"inspection-ledger.xlsx");
	}

	/** The ledger as a PDF; logged. */
	@GetMapping("/ledger.pdf")
	@Permissions.SeeSpotChecks
	ResponseEntity<byte[]> pdf(@RequestParam(required = false) @Nullable UUID unit,
			@RequestParam(required = false) @Nullable UUID officer,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			Authentication caller) {
		return file(ledger.pdf(new InspectionLedger.Filter(unit, officer, from, to), caller.getName()),
				MediaType.APPLICATION_PDF, "inspection-ledger.pdf");
	}

	/** The checks of the caller's own records and their conclusions. */
	@GetMapping("/mine")
	@Permissions.SeeOwnChecks
	List<CheckView> mine(Authentication caller) {
		return ledger.checksOf(staff.require(caller.getName()).id()).stream().map(this::view).toList();
	}

	record CheckView(UUID plan, String planTitle, UUID record, String recordLabel, @Nullable String caseNumber,
			UUID officer, String officerName, UUID unit, String unitName, String inspectorName,
			OffsetDateTime concludedAt, List<Review.Item> items, Conclusion conclusion, @Nullable String reasons) {
	}

	record LedgerView(List<CheckView> checks, List<InspectionLedger.Rate> byUnit, List<InspectionLedger.Rate> byOfficer) {
	}

	private CheckView view(InspectionLedger.Check c) {
		return new CheckView(c.planId(), c.plan(), c.recordId(), c.record(), c.caseNumber(), c.officerId().id(),
				c.officer(), c.unitId().id(), c.unit(), c.inspector(), time.local(c.concludedAt()), c.items(),
				c.conclusion(), c.reasons());
	}

	private static ResponseEntity<byte[]> file(byte[] bytes, MediaType type, String name) {
		return ResponseEntity.ok().contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(bytes);
	}
}
