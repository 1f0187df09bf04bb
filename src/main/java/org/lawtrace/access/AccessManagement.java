package org.lawtrace.access;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.lawtrace.cases.Case;
import org.lawtrace.cases.CaseManagement;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.Conflict;
import org.lawtrace.shared.DomainException;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.shared.NotFound;
import org.lawtrace.shared.NotPermitted;
import org.lawtrace.shared.RecordHolder;
import org.lawtrace.shared.RecordRef;
import org.lawtrace.shared.UnitId;
import org.lawtrace.shared.Text;
import org.lawtrace.staff.Role;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.staff.StaffMember;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Access by approval (ART-20): takes requests to see records' content, routes each to the deputy director in charge
 * of the requester's unit or, for major and complex cases, to the director, records their decisions, and ends
 * grants early when asked. Every refused decision or revocation is logged.
 */
@Service
@Transactional
public class AccessManagement {

	static final String SUBJECT = "ACCESS_REQUEST";
	static final int MAX_TEXT = 500;
	static final int MAX_RECORDS = 100;
	private static final int LISTED = 100;

	private final AccessRequests requests;
	private final CaseManagement cases;
	private final StaffDirectory staff;
	private final Map<RecordRef.Kind, RecordHolder> holders;
	private final BureauTime time;
	private final ApplicationEventPublisher events;
	private final int maxDays;

	AccessManagement(AccessRequests requests, CaseManagement cases, StaffDirectory staff, List<RecordHolder> holders,
			BureauTime time, ApplicationEventPublisher events, @Value("${lawtrace.access.max-days:30}") int maxDays) {
		this.requests = requests;
		this.cases = cases;
		this.staff = staff;
		this.holders = holders.stream().collect(Collectors.toMap(RecordHolder::kind, Function.identity()));
		this.time = time;
		this.events = events;
		this.maxDays = maxDays;
	}

	/** ART-20: asks to see a case's records, or chosen ones of them, routed to whoever must decide it. */
	public AccessRequest request(NewAccessRequest command, String actor) {
		var requester = staff.require(actor);
		var c = command.caseId() != null ? caseNamed(new CaseId(command.caseId())) : caseOfRecords(command);
		if (command.scope() == null) {
			throw new InvalidInput("scope", "请选择查阅范围：整个案件或所选记录 (scope is CASE or RECORDS)");
		}
		var records = records(command.scope(), command.records(), c.id());
		var purpose = Text.required("purpose", command.purpose(), MAX_TEXT,
				"请说明查阅事由（500字以内） (a purpose is required, at most 500 characters)");
		if (command.days() == null || command.days() < 1 || command.days() > maxDays) {
			throw new InvalidInput("days", "查阅期限应为1到" + maxDays + "天 (days must lie between 1 and " + maxDays + ")");
		}
		var request = AccessRequest.asked(requester.id(), requester.unitId(), c.id(), command.scope(), records,
				purpose, command.days(), route(c, requester), time.now());
		requests.add(request);
		events.publishEvent(new AccessRequested(request));
		return request;
	}

	/**
	 * Everything wrong with a request at once, as the request form shows it (issue 15): the same reasons as
	 * {@link #request}, each naming its field. Empty when {@link #request} would take it now.
	 */
	@Transactional(readOnly = true)
	public List<DomainException> problemsWith(NewAccessRequest command) {
		var problems = new ArrayList<DomainException>();
		Case c = null;
		try {
			c = command.caseId() != null ? caseNamed(new CaseId(command.caseId())) : caseOfRecords(command);
		}
		catch (InvalidInput e) {
			problems.add(e);
		}
		if (command.scope() == null) {
			problems.add(new InvalidInput("scope", "请选择查阅范围：整个案件或所选记录 (scope is CASE or RECORDS)"));
		}
		else if (c != null) {
			try {
				records(command.scope(), command.records(), c.id());
			}
			catch (InvalidInput e) {
				problems.add(e);
			}
		}
		try {
			Text.required("purpose", command.purpose(), MAX_TEXT,
					"请说明查阅事由（500字以内） (a purpose is required, at most 500 characters)");
		}
		catch (InvalidInput e) {
			problems.add(e);
		}
		if (command.days() == null || command.days() < 1 || command.days() > maxDays) {
			problems.add(new InvalidInput("days", "查阅期限应为1到" + maxDays + "天 (days must lie between 1 and " + maxDays + ")"));
		}
		return problems;
	}

	/** ART-20: the approver the request is routed to grants it, for the days asked, from now. */
	public AccessRequest approve(AccessRequestId id, @Nullable String opinion, String actor) {
		return decide(id, opinion, actor, true);
	}

	/** ART-20: the approver the request is routed to turns it down, saying why. */
	public AccessRequest reject(AccessRequestId id, @Nullable String opinion, String actor) {
		return decide(id, opinion, actor, false);
	}

	/** Ends a live grant: its approver or the director withdraws it, or the requester gives it up. */
	public AccessRequest revoke(AccessRequestId id, @Nullable String reason, String actor) {
		var request = require(id);
		var revoker = staff.require(actor);
		try {
			if (!mayRevoke(request, revoker)) {
				throw new NotPermitted("只有申请人、审批人或局长可以撤销授权 (only the requester, the approver or the "
						+ "director may revoke a grant)");
			}
			var revoked = request.revoke(revoker.id(), Text.optional("reason", reason, MAX_TEXT), time.now());
			if (!requests.revoke(revoked)) {
				throw new Conflict("status", "授权已被撤销 (the grant was revoked meanwhile)");
			}
			events.publishEvent(new AccessRevoked(revoked));
			return revoked;
		}
		catch (NotPermitted | Conflict e) {
			events.publishEvent(new AccessRefused(revoker.id(), "ACCESS_REVOKED", id, String.valueOf(e.getMessage())));
			throw e;
		}
	}

	/**
	 * A request as its requester, its deciders and the director may see it; to anyone else it does not exist, so
	 * guessing ids tells nothing.
	 */
	@Transactional(readOnly = true)
	public AccessRequest visibleTo(AccessRequestId id, String actor) {
		var request = require(id);
		var viewer = staff.require(actor);
		var involved = viewer.id().equals(request.requester()) || viewer.id().equals(request.decidedBy())
				|| viewer.id().equals(request.revokedBy()) || viewer.holds(Role.DIRECTOR)
				|| whyNotDecider(request, viewer, cases.require(request.caseId())) == null;
		if (!involved) {
			throw new NotFound("accessRequest", id);
		}
		return request;
	}

	/** The requests {@code actor} made, newest first. */
	@Transactional(readOnly = true)
	public List<AccessRequest> mine(String actor) {
		return requests.byRequester(staff.require(actor).id(), LISTED);
	}

	/** The pending requests {@code actor} may decide, oldest first: what the approver's home page shows. */
	@Transactional(readOnly = true)
	public List<AccessRequest> toDecide(String actor) {
		var approver = staff.require(actor);
		var candidates = new ArrayList<AccessRequest>();
		if (approver.holds(Role.DIRECTOR)) {
			candidates.addAll(requests.pending(AccessRequest.Route.DIRECTOR));
		}
		if (approver.holds(Role.DEPUTY_DIRECTOR)) {
			candidates.addAll(requests.pending(AccessRequest.Route.DEPUTY_DIRECTOR));
		}
		return candidates.stream()
			.filter(r -> whyNotDecider(r, approver, cases.require(r.caseId())) == null)
			.sorted(Comparator.comparing(AccessRequest::requestedAt))
			.toList();
	}

	/** The requests {@code actor} decided, newest first. */
	@Transactional(readOnly = true)
	public List<AccessRequest> decidedBy(String actor) {
		return requests.decidedBy(staff.require(actor).id(), LISTED);
	}

	/** Whether {@code actor} may approve or reject this request now. */
	@Transactional(readOnly = true)
	public boolean mayDecide(AccessRequest request, String actor) {
		return request.status() == AccessRequest.Status.PENDING
				&& whyNotDecider(request, staff.require(actor), cases.require(request.caseId())) == null;
	}

	/** Whether {@code actor} may revoke this request's grant now. */
	@Transactional(readOnly = true)
	public boolean mayRevoke(AccessRequest request, String actor) {
		return request.liveAt(time.now()) && mayRevoke(request, staff.require(actor));
	}

	/** The grants in force now that take in this record: what its page shows. */
	@Transactional(readOnly = true)
	public List<AccessRequest> liveGrantsOn(RecordRef record) {
		var placed = placement(record);
		return placed == null ? List.of() : requests.liveOn(record, placed.caseId(), time.now());
	}

	/** The case a record belongs to now; empty when it exists nowhere or is linked to none. */
	@Transactional(readOnly = true)
	public Optional<CaseId> caseOf(RecordRef record) {
		var placed = placement(record);
		return placed == null ? Optional.empty() : Optional.ofNullable(placed.caseId());
	}

	/** The grants in force now on the whole of a case. */
	@Transactional(readOnly = true)
	public List<AccessRequest> liveGrantsOnCase(CaseId caseId) {
		return requests.liveOnCase(caseId, time.now());
	}

	private AccessRequest decide(AccessRequestId id, @Nullable String opinion, String actor, boolean approve) {
		var request = require(id);
		var approver = staff.require(actor);
		try {
			var refusal = whyNotDecider(request, approver, cases.require(request.caseId()));
			if (refusal != null) {
				throw new NotPermitted(refusal);
			}
			var text = approve ? Text.optional("opinion", opinion, MAX_TEXT)
					: Text.required("opinion", opinion, MAX_TEXT,
						"不予批准须说明意见（500字以内） (a rejection needs an opinion, at most 500 characters)");
			var decided = approve ? request.approve(approver.id(), text == null ? "同意" : text, time.now())
					: request.reject(approver.id(), text, time.now());
			if (!requests.decide(decided)) {
				throw new Conflict("status", "该申请已被他人处理 (the request was decided meanwhile)");
			}
			events.publishEvent(approve ? new AccessGranted(decided) : new AccessRejected(decided));
			return decided;
		}
		catch (NotPermitted | Conflict e) {
			events.publishEvent(new AccessRefused(approver.id(), approve ? "ACCESS_GRANTED" : "ACCESS_REJECTED", id,
					String.valueOf(e.getMessage())));
			throw e;
		}
	}

	/**
	 * ART-20: why {@code approver} may not decide this request, or null when they may. The director decides any
	 * request but their own; a deputy director only ordinary cases' requests from units in their charge.
	 */
	private @Nullable String whyNotDecider(AccessRequest request, StaffMember approver, Case c) {
		if (approver.id().equals(request.requester())) {
			return "不能审批本人的查阅申请 (you cannot decide your own request)";
		}
		if (approver.holds(Role.DIRECTOR)) {
			return null;
		}
		if (!approver.holds(Role.DEPUTY_DIRECTOR)) {
			return "只有分管副局长或局长可以审批查阅申请 (only a deputy director or the director decides access requests)";
		}
		if (c.major()) {
			return "重大、疑难复杂案件的查阅须经局长批准 (access to a major or complex case is approved by the director)";
		}
		if (request.route() == AccessRequest.Route.DIRECTOR || !inCharge(approver, request.requesterUnit())) {
			return "申请人所在单位不由您分管 (the requester's unit is not in your charge)";
		}
		return null;
	}

	private boolean inCharge(StaffMember deputy, UnitId unit) {
		return staff.deputiesInChargeOf(unit).stream().anyMatch(d -> d.id().equals(deputy.id()));
	}

	private static boolean mayRevoke(AccessRequest request, StaffMember revoker) {
		return revoker.id().equals(request.requester()) || revoker.id().equals(request.decidedBy())
				|| revoker.holds(Role.DIRECTOR);
	}

	/**
	 * ART-20: the director for major and complex cases; otherwise the deputy directors in charge of the requester's
	 * unit (walking up the unit tree), or the director when no deputy but the requester is in charge of it.
	 */
	private AccessRequest.Route route(Case c, StaffMember requester) {
		if (c.major()) {
			return AccessRequest.Route.DIRECTOR;
		}
		var deputies = staff.deputiesInChargeOf(requester.unitId()).stream()
			.filter(d -> d.holds(Role.DEPUTY_DIRECTOR) && !d.id().equals(requester.id()))
			.toList();
		return deputies.isEmpty() ? AccessRequest.Route.DIRECTOR : AccessRequest.Route.DEPUTY_DIRECTOR;
	}

	/**
	 * Issue 15: a request made from a record's own address names the record, not its case, which the requester may
	 * not know: the case is the one the records belong to now. A record in no case, or none at all, gets the same
	 * answer, so the address's id tells no more than before.
	 */
	private Case caseOfRecords(NewAccessRequest command) {
		var named = command.records() == null ? List.<RecordRef>of() : command.records();
		if (command.scope() != AccessRequest.Scope.RECORDS || named.isEmpty() || named.get(0) == null) {
			throw new InvalidInput("caseId", "请指定要查阅的案件 (name the case)");
		}
		var placed = placement(named.get(0));
		if (placed == null || placed.caseId() == null) {
			throw new InvalidInput("records", "该记录不存在或尚未归入案件，无法申请查阅 (no such record in any case)");
		}
		return cases.require(placed.caseId());
	}

	private Case caseNamed(CaseId id) {
		try {
			return cases.require(id);
		}
		catch (NotFound e) {
			throw new InvalidInput("caseId", "案件不存在 (no such case)");
		}
	}

	/**
	 * The records a request names: none for a whole case; for chosen records, each one a record of that case now.
	 * A record that does not exist and one of another case get the same answer, so guessing ids tells nothing.
	 */
	private List<RecordRef> records(AccessRequest.Scope scope, @Nullable List<RecordRef> named, CaseId caseId) {
		var records = named == null ? List.<RecordRef>of() : named;
		if (scope == AccessRequest.Scope.CASE) {
			if (!records.isEmpty()) {
				throw new InvalidInput("records", "查阅整个案件时不列记录 (a request for the whole case lists no records)");
			}
			return List.of();
		}
		if (records.isEmpty() || records.size() > MAX_RECORDS) {
			throw new InvalidInput("records", "请选择1到" + MAX_RECORDS + "条记录 (choose 1 to " + MAX_RECORDS
					+ " records)");
		}
		if (new LinkedHashSet<>(records).size() != records.size()) {
			throw new InvalidInput("records", "记录重复 (a record is listed twice)");
		}
		for (var i = 0; i < records.size(); i++) {
			var record = records.get(i);
			var placed = record == null ? null : placement(record);
			if (placed == null || !caseId.equals(placed.caseId())) {
				throw new InvalidInput("records[" + i + "]", "不是本案的记录 (not a record of this case)");
			}
		}
		return records;
	}

	private RecordHolder.@Nullable Placement placement(RecordRef record) {
		var holder = holders.get(record.kind());
		return holder == null ? null : holder.find(record.id()).orElse(null);
	}

	private AccessRequest require(AccessRequestId id) {
		return requests.byId(id).orElseThrow(() -> new NotFound("accessRequest", id));
	}
}
