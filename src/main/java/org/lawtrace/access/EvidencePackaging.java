package org.lawtrace.access;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.audit.AuditLog;
import org.lawtrace.cases.Case;
import org.lawtrace.cases.CaseManagement;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.DomainException;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.shared.NotFound;
import org.lawtrace.shared.NotPermitted;
import org.lawtrace.shared.RecordRef;
import org.lawtrace.staff.Role;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.staff.StaffMember;
import org.lawtrace.storage.BlobStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes evidence packages (证据材料包) for reconsideration bodies and courts (ART-18, ART-19): only the legal affairs
 * unit, for a named body, of a case or chosen records that approved requests have opened to the clerk. What goes in
 * and for whom is decided here; {@link PackageAssembly} streams the BagIt bag into the write-once store.
 */
@Service
public class EvidencePackaging {

	static final int MAX_ITEMS = 500;
	private static final int MAX_RECIPIENT = 200;
	private static final int MAX_TEXT = 1000;
	private static final int MAX_TRANSCRIPT = 20_000;

	private final Map<RecordRef.Kind, PackageRecordSource> sources = new HashMap<>();
	private final EvidencePackages packages;
	private final CaseManagement cases;
	private final StaffDirectory staff;
	private final AuditLog audit;
	private final BlobStore store;
	private final PackageAssembly assembly;
	private final BureauTime time;
	private final ApplicationEventPublisher events;
	private final AccessRequests requests;
	private final @Nullable Duration validFor;

	EvidencePackaging(List<PackageRecordSource> sources, EvidencePackages packages, CaseManagement cases,
			StaffDirectory staff, AuditLog audit, BlobStore store, BureauTime time, ApplicationEventPublisher events,
			AccessRequests requests, PackageAssembly assembly,
			@Value("${lawtrace.access.package-valid-for:}") @Nullable Duration validFor) {
		this.assembly = assembly;
		this.requests = requests;
		this.validFor = validFor;
		sources.forEach(s -> this.sources.put(s.kind(), s));
		this.packages = packages;
		this.cases = cases;
		this.staff = staff;
		this.audit = audit;
		this.store = store;
		this.time = time;
		this.events = events;
	}

	/**
	 * ART-19: packs the order for its recipient, stores the bag, and logs who made it, for whom and of what.
	 *
	 * @throws NotPermitted unless {@code actor} is of the legal affairs unit
	 * @throws InvalidInput naming the field at fault; nothing is stored then
	 */
	@Transactional
	public EvidencePackage create(PackageOrder order, String actor) {
		var maker = staff.require(actor);
		if (!maker.holds(Role.LEGAL_AFFAIRS) || maker.holds(Role.ADMIN)) {
			throw new NotPermitted("只有法制机构可以制作证据材料包 (ART-19: only legal affairs makes evidence packages)");
		}
		var recipientKind = order.recipientKind();
		if (recipientKind == null) {
			throw new InvalidInput("recipientKind", "请选择接收机关类型 (choose the kind of recipient body)");
		}
		var recipient = required("recipient", order.recipient(), MAX_RECIPIENT, "请填写接收机关名称 (name the recipient body)");
		var purpose = required("purpose", order.purpose(), MAX_TEXT, "请填写用途或证明事项 (say what the package is for)");
		var theCase = order.caseId() == null ? null : cases.require(new CaseId(order.caseId()));
		var chosen = choose(order, theCase, purpose);
		var now = time.now();
		var grantsEnd = requireApproved(maker, chosen, recipient, now);
		var id = UUID.randomUUID();
		var subjects = new LinkedHashSet<AuditLog.Subject>();
		if (theCase != null) {
			subjects.add(new AuditLog.Subject("CASE", theCase.id().id().toString()));
		}
		chosen.forEach(c -> subjects.add(new AuditLog.Subject(c.item().ref().kind().name(), c.item().ref().id().toString())));
		var custody = audit.custodyExtract(subjects);
		var digest = assembly.store(id, chosen, custody, recipientKind, recipient, purpose, theCase, maker, now);
		var made = new EvidencePackage(id, recipientKind, recipient, purpose, theCase == null ? null : theCase.id(),
				digest, chosen.size(), custody.entries().size(), custody.checkpoint().treeSize(), maker.id(), now,
				validFor == null || now.plus(validFor).isAfter(grantsEnd) ? grantsEnd : now.plus(validFor));
		var items = new ArrayList<EvidencePackage.Item>();
		for (var i = 0; i < chosen.size(); i++) {
			var c = chosen.get(i);
			items.add(new EvidencePackage.Item(i + 1, c.item().ref(), "data/" + c.path(), c.offeredToProve()));
		}
		packages.add(made, items);
		events.publishEvent(new PackageCreated(made));
		chosen.forEach(c -> events.publishEvent(new PackageItemExported(c.item().ref(), made)));
		return made;
	}

	/**
	 * Everything wrong with an order at once, as the export page shows it (issue 15): each missing or faulty field,
	 * and each chosen record that no live grant opens to {@code actor} (ART-20), named by its file name. Empty when
	 * {@link #create} would take the order as it stands now.
	 */
	@Transactional(readOnly = true)
	public List<DomainException> problemsWith(PackageOrder order, String actor) {
		var maker = staff.require(actor);
		if (!maker.holds(Role.LEGAL_AFFAIRS) || maker.holds(Role.ADMIN)) {
			return List.of(new NotPermitted("只有法制机构可以制作证据材料包 (ART-19: only legal affairs makes evidence packages)"));
		}
		var problems = new ArrayList<DomainException>();
		if (order.recipientKind() == null) {
			problems.add(new InvalidInput("recipientKind", "请选择接收机关类型 (choose the kind of recipient body)"));
		}
		attempt(problems, () -> required("recipient", order.recipient(), MAX_RECIPIENT, "请填写接收机关名称 (name the recipient body)"));
		var purpose = attempt(problems, () -> required("purpose", order.purpose(), MAX_TEXT,
				"请填写用途或证明事项 (say what the package is for)"));
		var theCase = order.caseId() == null ? null : cases.require(new CaseId(order.caseId()));
		var chosen = attempt(problems, () -> choose(order, theCase, purpose == null ? "-" : purpose));
		if (chosen != null) {
			var now = time.now();
			for (var c : chosen) {
				if (grantedUntil(maker, c.item().ref(), c.item().caseId(), now) == null) {
					problems.add(new NotPermitted("items", "「" + c.item().originalName() + "」未经批准查阅，不能制作材料包，请先申请查阅 "
							+ "(ART-20: ask for access to this record and have it approved before packing it)"));
				}
			}
		}
		return problems;
	}

	private static <T> @Nullable T attempt(List<DomainException> problems, java.util.function.Supplier<T> check) {
		try {
			return check.get();
		}
		catch (InvalidInput e) {
			problems.add(e);
			return null;
		}
	}

	/**
	 * ART-19 makes legal affairs the only channel to courts, not an exception to ART-20: like anyone, the clerk packs
	 * only records an approved request has opened to them, so every hand-over rests on a leader's approval. A live
	 * grant is needed for every record, whatever else opens it to the clerk, since the package is handed out only as
	 * long as such grants last.
	 *
	 * @return the earliest end of the grants the package rests on: when it expires
	 */
	private Instant requireApproved(StaffMember maker, List<ChosenItem> chosen, String recipient, Instant now) {
		Instant earliest = null;
		for (var i = 0; i < chosen.size(); i++) {
			var item = chosen.get(i).item();
			var end = grantedUntil(maker, item.ref(), item.caseId(), now);
			if (end == null) {
				events.publishEvent(new PackageRefused(maker.id(), item.ref(), recipient));
				throw new NotPermitted("未经批准查阅的记录不能制作材料包，请先申请查阅 "
						+ "(ART-20: ask for access to this record and have it approved before packing it)");
			}
			earliest = earliest == null || end.isBefore(earliest) ? end : earliest;
		}
		return earliest;
	}

	/** Until when live grants open {@code record} to {@code person}, or null when none does now. */
	private @Nullable Instant grantedUntil(StaffMember person, RecordRef record, @Nullable CaseId caseId, Instant now) {
		return requests.liveOf(person.id(), record, caseId, now).stream()
			.map(AccessRequest::grantedUntil)
			.filter(java.util.Objects::nonNull)
			.max(Instant::compareTo)
			.orElse(null);
	}

	@Transactional(readOnly = true)
	public EvidencePackage require(UUID id) {
		return packages.byId(id).orElseThrow(() -> new NotFound("evidence package", id));
	}

	@Transactional(readOnly = true)
	public List<EvidencePackage.Item> items(UUID id) {
		require(id);
		return packages.items(id);
	}

	/** The records of a case a package could hold, oldest stored first: what the export page offers to choose from. */
	@Transactional(readOnly = true)
	public List<PackageItem> candidates(CaseId caseId) {
		cases.require(caseId);
		var found = new ArrayList<PackageItem>();
		sources.values().forEach(s -> s.ofCase(caseId).forEach(id -> found.add(s.describe(id))));
		found.sort((a, b) -> a.storedAt().compareTo(b.storedAt()));
		return found;
	}

	/**
	 * Where each record stands for {@code actor}'s packing (ART-20): a live grant opens it, a request of theirs is
	 * waiting for a leader's decision, or an approval is still to be asked for. Only grants count, as in
	 * {@link #create}: handling the case does not let anyone pack its records.
	 */
	@Transactional(readOnly = true)
	public Map<RecordRef, PackingAccess> accessOf(List<PackageItem> items, String actor) {
		var person = staff.require(actor);
		var now = time.now();
		var requested = requests.pendingOrLiveOf(person.id(), now);
		var states = new HashMap<RecordRef, PackingAccess>();
		for (var item : items) {
			var covering = requested.stream().filter(r -> r.covers(item.ref(), item.caseId())).toList();
			states.put(item.ref(), covering.stream().anyMatch(r -> r.liveAt(now)) ? PackingAccess.GRANTED
					: covering.isEmpty() ? PackingAccess.NEEDS_APPROVAL : PackingAccess.PENDING);
		}
		return states;
	}

	/** Where a record stands for the clerk who would pack it (ART-20). */
	public enum PackingAccess {
		/** A live grant opens it: it may be packed. */
		GRANTED,
		/** A request of the clerk's that takes it in waits for a leader's decision. */
		PENDING,
		/** Nothing opens it and nothing is asked: a request must be made and approved first. */
		NEEDS_APPROVAL
	}

	/** The packages made, newest first. */
	@Transactional(readOnly = true)
	public List<EvidencePackage> latest(int limit) {
		return packages.latest(limit);
	}

	/** A package handed out: what it is, and its bytes as stored. */
	public record Download(EvidencePackage evidencePackage, InputStream content) {
	}

	/**
	 * The stored bag, for the legal affairs clerk who made it to hand over (ART-19), as long as, at this moment, the
	 * package has not expired and live grants open every record in it to them (ART-20); the download is logged
	 * before the first byte leaves. To anyone else, and after that, there is no such package, the same
	 * {@link NotFound} as for an id that names none, and the attempt is logged.
	 */
	public Download download(UUID id, String actor) {
		var by = staff.require(actor);
		var p = packages.byId(id).orElseThrow(() -> new NotFound("evidence package", id));
		var refusal = refusal(p, by);
		if (refusal != null) {
			events.publishEvent(new PackageDownloadRefused(p, by.id(), refusal));
			throw new NotFound("evidence package", id);
		}
		events.publishEvent(new PackageDownloaded(p, by.id()));
		return new Download(p, store.open(p.digest()));
	}

	/** Why {@code by} may not have package {@code p} now, or null when they may. */
	private @Nullable String refusal(EvidencePackage p, StaffMember by) {
		if (!by.holds(Role.LEGAL_AFFAIRS) || by.holds(Role.ADMIN)) {
			return "not legal affairs";
		}
		if (!p.createdBy().equals(by.id())) {
			return "not its maker";
		}
		var now = time.now();
		if (p.expiredAt(now)) {
			return "expired";
		}
		for (var item : packages.items(p.id())) {
			var source = sources.get(item.ref().kind());
			var caseId = source == null ? null : source.describe(item.ref().id()).caseId();
			if (grantedUntil(by, item.ref(), caseId, now) == null) {
				return "no live grant for " + item.ref();
			}
		}
		return null;
	}

	private List<ChosenItem> choose(PackageOrder order, @Nullable Case theCase, String purpose) {
		var asked = order.items() == null ? List.<PackageOrder.Item>of() : order.items();
		if (asked.isEmpty() && theCase == null) {
			throw new InvalidInput("items", "请选择案件或至少一项记录 (choose a case or at least one record)");
		}
		if (asked.size() > MAX_ITEMS) {
			throw new InvalidInput("items", "一个材料包最多 " + MAX_ITEMS + " 项 (at most " + MAX_ITEMS + " items)");
		}
		var chosen = new ArrayList<ChosenItem>();
		if (asked.isEmpty()) {
			for (var source : sources.values()) {
				for (var id : source.ofCase(theCase.id())) {
					chosen.add(new ChosenItem(source.describe(id), source, purpose, null));
				}
			}
			if (chosen.isEmpty()) {
				throw new InvalidInput("caseId", "该案件没有可提供的记录 (the case has no records to pack)");
			}
			chosen.sort((a, b) -> a.item().storedAt().compareTo(b.item().storedAt()));
			return chosen;
		}
		var seen = new HashSet<RecordRef>();
		for (var i = 0; i < asked.size(); i++) {
			chosen.add(chosen(asked.get(i), "items[" + i + "]", theCase, purpose, seen));
		}
		return chosen;
	}

	private ChosenItem chosen(PackageOrder.Item asked, String field, @Nullable Case theCase, String purpose,
			java.util.Set<RecordRef> seen) {
		if (asked.kind() == null || asked.id() == null) {
			throw new InvalidInput(field, "请注明记录类型和编号 (give each record's kind and id)");
		}
		var ref = new RecordRef(asked.kind(), asked.id());
		if (!seen.add(ref)) {
			throw new InvalidInput(field, "记录重复 (the same record is chosen twice): " + ref);
		}
		var source = sources.get(asked.kind());
		if (source == null) {
			throw new InvalidInput(field + ".kind", "暂不能打包此类记录 (records of this kind cannot be packed yet): "
					+ asked.kind());
		}
		PackageItem item;
		try {
			item = source.describe(asked.id());
		}
		catch (NotFound e) {
			throw new InvalidInput(field + ".id", "没有这条记录 (no such record): " + ref);
		}
		if (theCase != null && !theCase.id().equals(item.caseId())) {
			throw new InvalidInput(field + ".id", "该记录不属于所选案件 (the record does not belong to the case)");
		}
		var proves = asked.offeredToProve() == null || asked.offeredToProve().isBlank() ? purpose
				: required(field + ".offeredToProve", asked.offeredToProve(), MAX_TEXT, "");
		var transcript = asked.transcript() == null || asked.transcript().isBlank() ? null : asked.transcript().strip();
		if (transcript != null && transcript.length() > MAX_TRANSCRIPT) {
			throw new InvalidInput(field + ".transcript", "文字记录过长 (transcript longer than " + MAX_TRANSCRIPT + ")");
		}
		return new ChosenItem(item, source, proves, transcript);
	}

	private static String required(String field, @Nullable String value, int max, String message) {
		if (value == null || value.isBlank()) {
			throw new InvalidInput(field, message);
		}
		if (value.strip().length() > max) {
			throw new InvalidInput(field, "不超过 " + max + " 字 (at most " + max + " characters)");
		}
		return value.strip();
	}
}
