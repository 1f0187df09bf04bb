package org.lawtrace.retention.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.retention.Disposal;
import org.lawtrace.retention.Disposition;
import org.lawtrace.retention.DueRecord;
import org.lawtrace.retention.Hold;
import org.lawtrace.retention.HoldKind;
import org.lawtrace.retention.LegalHolds;
import org.lawtrace.retention.LongTermMark;
import org.lawtrace.retention.LongTermPreservation;
import org.lawtrace.retention.Situation;
import org.lawtrace.retention.Subject;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.shared.RecordRef;
import org.lawtrace.staff.Permission;
import org.lawtrace.staff.Permissions;
import org.lawtrace.staff.StaffDirectory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Long-term marks (ART-17), holds and dispositions (ART-16) over REST. Marks are asked by a case's handlers or the
 * custodian and decided by the deputy director in charge or the director; holds are legal affairs'; dispositions are
 * proposed, appraised and carried out by the custodian and legal affairs, and approved by the director alone.
 */
@RestController
@RequestMapping("/api/v1/retention")
class RetentionController {

	private final LongTermPreservation longTerm;
	private final LegalHolds holds;
	private final Disposal disposal;
	private final StaffDirectory staff;

	RetentionController(LongTermPreservation longTerm, LegalHolds holds, Disposal disposal, StaffDirectory staff) {
		this.longTerm = longTerm;
		this.holds = holds;
		this.disposal = disposal;
		this.staff = staff;
	}

	/** The long-term marks, newest first; an officer sees those they asked for. */
	@GetMapping("/long-term-marks")
	@Permissions.SeeLongTermMarks
	List<LongTermMark> marks(Authentication caller) {
		if (Permission.SEE_DISPOSITIONS.grantedTo(caller) || Permission.DECIDE_LONG_TERM.grantedTo(caller)) {
			return longTerm.all();
		}
		var me = staff.require(caller.getName()).id();
		return longTerm.all().stream().filter(m -> m.requestedBy().equals(me)).toList();
	}

	/**
	 * Asks for a long-term mark on a case or a record (ART-17) in one of the four situations; {@code reason} is
	 * required for {@code OTHER}. Answers 201 with the request.
	 */
	@PostMapping("/long-term-marks")
	@Permissions.MarkLongTerm
	ResponseEntity<LongTermMark> requestMark(@RequestBody NewMark body, Authentication caller) {
		var mark = longTerm.request(subject(body.subjectType(), body.subjectId()), required(body.situation(), "situation"),
				body.reason(), caller.getName());
		return ResponseEntity.created(URI.create("/api/v1/retention/long-term-marks/" + mark.id())).body(mark);
	}

	/** The deputy director in charge of the case's unit, or the director, approves or refuses a mark. */
	@PostMapping("/long-term-marks/{id}/decision")
	@Permissions.DecideLongTerm
	LongTermMark decideMark(@PathVariable UUID id, @RequestBody Decision body, Authentication caller) {
		return longTerm.decide(id, required(body.approve(), "approve"), body.note(), caller.getName());
	}

	/** Every hold, newest first, in force or released. */
	@GetMapping("/holds")
	@Permissions.SeeDispositions
	List<Hold> holds() {
		return holds.all();
	}

	/** Legal affairs places a hold with a reason (复议/诉讼/信访). Answers 201 with the hold. */
	@PostMapping("/holds")
	@Permissions.PlaceHolds
	ResponseEntity<Hold> placeHold(@RequestBody NewHold body, Authentication caller) {
		var hold = holds.place(subject(body.subjectType(), body.subjectId()), required(body.kind(), "kind"),
				body.reason(), caller.getName());
		return ResponseEntity.created(URI.create("/api/v1/retention/holds/" + hold.id())).body(hold);
	}

	/** Legal affairs releases a hold, only with a reason. */
	@PostMapping("/holds/{id}/release")
	@Permissions.PlaceHolds
	Hold releaseHold(@PathVariable UUID id, @RequestBody Release body, Authentication caller) {
		return holds.release(id, body.reason(), caller.getName());
	}

	/** This month's disposition list: what is due, each with why it is withheld where it is. */
	@GetMapping("/due")
	@Permissions.SeeDispositions
	List<DueView> due() {
		return disposal.dueList().stream().map(DueView::of).toList();
	}

	/**
	 * Every disposition (销毁), newest first, with its records, appraisals, the director's decision and what was
	 * destroyed. For the custodian, legal affairs, the director and the discipline unit.
	 */
	@GetMapping("/dispositions")
	@Permissions.SeeDispositions
	List<Disposition> dispositions() {
		return disposal.all();
	}

	/**
	 * The custodian proposes a disposition of the listed {@code records} among this month's list (never of
	 * everything by default). Answers 201; 409 naming {@code records} when none of them may be disposed of.
	 */
	@PostMapping("/dispositions")
	@Permissions.AppraiseDispositions
	ResponseEntity<Disposition> propose(@RequestBody(required = false) @Nullable NewDisposition body,
			Authentication caller) {
		if (body == null || body.records() == null || body.records().isEmpty()) {
			throw new InvalidInput("records", "请列出要销毁的记录 (list the records to dispose of)");
		}
		var only = body.records().stream().map(r -> new RecordRef(required(r.kind(), "records.kind"), required(r.id(), "records.id")))
					.toList();
		var d = disposal.propose(only, caller.getName());
		return ResponseEntity.created(URI.create("/api/v1/retention/dispositions/" + d.id())).body(d);
	}

	/**
	 * One disposition: its records, the appraisal opinions, the director's decision and, once carried out, each
	 * record's tombstone. 404 for an unknown id.
	 */
	@GetMapping("/dispositions/{id}")
	@Permissions.SeeDispositions
	Disposition disposition(@PathVariable UUID id) {
		return disposal.require(id);
	}

	/** An appraisal opinion (鉴定意见) of the custodian or legal affairs. */
	@PostMapping("/dispositions/{id}/appraisals")
	@Permissions.AppraiseDispositions
	Disposition appraise(@PathVariable UUID id, @RequestBody NewAppraisal body, Authentication caller) {
		return disposal.appraise(id, body.role(), required(body.agrees(), "agrees"), body.opinion(), caller.getName());
	}

	/** The director approves or refuses a disposition. */
	@PostMapping("/dispositions/{id}/decision")
	@Permissions.ApproveDispositions
	Disposition decide(@PathVariable UUID id, @RequestBody Decision body, Authentication caller) {
		return disposal.decide(id, required(body.approve(), "approve"), body.note(), caller.getName());
	}

	/**
	 * Carries out an approved disposition; refused (403) and logged without the director's approval. Blobs an
	 * object store will not let go of yet are reported on the items, and the disposition stays approved.
	 */
	@PostMapping("/dispositions/{id}/destruction")
	@Permissions.AppraiseDispositions
	Disposition carryOut(@PathVariable UUID id, Authentication caller) {
		return disposal.carryOut(id, caller.getName());
	}

	/** The destruction register (销毁清册) as an Excel workbook. */
	@GetMapping("/dispositions/{id}/register.xlsx")
	@Permissions.SeeDispositions
	ResponseEntity<byte[]> registerXlsx(@PathVariable UUID id) {
		var d = disposal.require(id);
		return download(disposal.registerXlsx(id), d.registerNumber() + ".xlsx",
				MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
	}

	/** The destruction register (销毁清册) as a PDF. */
	@GetMapping("/dispositions/{id}/register.pdf")
	@Permissions.SeeDispositions
	ResponseEntity<byte[]> registerPdf(@PathVariable UUID id) {
		var d = disposal.require(id);
		return download(disposal.registerPdf(id), d.registerNumber() + ".pdf", MediaType.APPLICATION_PDF);
	}

	static ResponseEntity<byte[]> download(byte[] body, String name, MediaType type) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
			.contentType(type)
			.body(body);
	}

	static Subject subject(Subject.@Nullable Type type, @Nullable UUID id) {
		return new Subject(required(type, "subjectType"), required(id, "subjectId"));
	}

	static <T> T required(@Nullable T value, String field) {
		if (value == null) {
			throw new InvalidInput(field, field + " 必填 (required)");
		}
		return value;
	}

	record NewMark(Subject.@Nullable Type subjectType, @Nullable UUID subjectId, @Nullable Situation situation,
			@Nullable String reason) {
	}

	record NewHold(Subject.@Nullable Type subjectType, @Nullable UUID subjectId, @Nullable HoldKind kind,
			@Nullable String reason) {
	}

	/** A due record as the API shows it: the period as its code ({@code 10Y}) and name ({@code 10年}). */
	record DueView(RecordRef.Kind kind, UUID id, @Nullable UUID caseId, @Nullable String caseNumber, String title,
			String period, String periodName, java.time.LocalDate cutOff, java.time.LocalDate dueOn, List<BlobView> blobs,
			DueRecord.@Nullable Withheld withheld) {

		static DueView of(DueRecord r) {
			return new DueView(r.record().kind(), r.record().id(), r.caseId() == null ? null : r.caseId().id(),
					r.caseNumber(), r.title(), r.period().code(), r.period().chinese(), r.cutOff(), r.dueOn(),
					r.blobs().stream().map(b -> new BlobView(b.role(), b.digest().sha256(), b.digest().sm3(),
							b.digest().sizeBytes())).toList(),
					r.withheld());
		}
	}

	record BlobView(String role, String sha256, @Nullable String sm3, long sizeBytes) {
	}

	record NewDisposition(@Nullable List<Chosen> records) {
	}

	record Chosen(RecordRef.@Nullable Kind kind, @Nullable UUID id) {
	}

	record Release(@Nullable String reason) {
	}

	/** {@code approve} must be stated: a decision is never taken by default. */
	record Decision(@Nullable Boolean approve, @Nullable String note) {
	}

	record NewAppraisal(Disposition.@Nullable AppraiserRole role, @Nullable Boolean agrees, @Nullable String opinion) {
	}
}
