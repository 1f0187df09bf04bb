package org.lawtrace.access;

import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.lawtrace.audit.AuditLog;
import org.lawtrace.cases.Case;
import org.lawtrace.cases.CaseManagement;
import org.lawtrace.cases.Party;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.shared.NotFound;
import org.lawtrace.shared.NotPermitted;
import org.lawtrace.shared.RecordRef;
import org.lawtrace.shared.Unprocessable;
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
 * unit, for a named body, of a case or chosen records. The package is a BagIt bag streamed straight into the
 * write-once store: the originals, SHA-256 and SM3 manifests, metadata per item as the evidence rules ask of
 * audio-visual material, the chain of custody from the audit log with inclusion proofs against a checkpoint signed
 * for the occasion, that checkpoint, its SM2 public key, and a README in Chinese on checking it all.
 */
@Service
public class EvidencePackaging {

	static final int MAX_ITEMS = 500;
	private static final int MAX_RECIPIENT = 200;
	private static final int MAX_TEXT = 1000;
	private static final int MAX_TRANSCRIPT = 20_000;
	private static final int PIPE = 1024 * 1024;

	private final Map<RecordRef.Kind, PackageRecordSource> sources = new HashMap<>();
	private final EvidencePackages packages;
	private final CaseManagement cases;
	private final StaffDirectory staff;
	private final AuditLog audit;
	private final BlobStore store;
	private final BureauTime time;
	private final ApplicationEventPublisher events;
	private final AccessRequests requests;
	private final @Nullable Duration validFor;

	EvidencePackaging(List<PackageRecordSource> sources, EvidencePackages packages, CaseManagement cases,
			StaffDirectory staff, AuditLog audit, BlobStore store, BureauTime time, ApplicationEventPublisher events,
			AccessRequests requests, @Value("${lawtrace.access.package-valid-for:}") @Nullable Duration validFor) {
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

	/** One item resolved: what its source says of it, and what the clerk added. */
	private record Chosen(PackageItem item, PackageRecordSource source, String offeredToProve,
			@Nullable String transcript) {

		String path() {
			var folder = item.ref().kind() == RecordRef.Kind.RECORDING ? "recordings/" : "documents/";
			return folder + item.ref().id() + (item.extension().isEmpty() ? "" : "." + item.extension());
		}
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
		var digest = storeBag(id, chosen, custody, bagInfo(id, recipientKind, recipient, purpose, theCase, maker, now),
				items(id, recipientKind, recipient, purpose, theCase, maker, now, chosen));
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
	 * ART-19 makes legal affairs the only channel to courts, not an exception to ART-20: like anyone, the clerk packs
	 * only records an approved request has opened to them, so every hand-over rests on a leader's approval. A live
	 * grant is needed for every record, whatever else opens it to the clerk, since the package is handed out only as
	 * long as such grants last.
	 *
	 * @return the earliest end of the grants the package rests on: when it expires
	 */
	private Instant requireApproved(StaffMember maker, List<Chosen> chosen, String recipient, Instant now) {
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

	private List<Chosen> choose(PackageOrder order, @Nullable Case theCase, String purpose) {
		var asked = order.items() == null ? List.<PackageOrder.Item>of() : order.items();
		if (asked.isEmpty() && theCase == null) {
			throw new InvalidInput("items", "请选择案件或至少一项记录 (choose a case or at least one record)");
		}
		if (asked.size() > MAX_ITEMS) {
			throw new InvalidInput("items", "一个材料包最多 " + MAX_ITEMS + " 项 (at most " + MAX_ITEMS + " items)");
		}
		var chosen = new ArrayList<Chosen>();
		if (asked.isEmpty()) {
			for (var source : sources.values()) {
				for (var id : source.ofCase(theCase.id())) {
					chosen.add(new Chosen(source.describe(id), source, purpose, null));
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

	private Chosen chosen(PackageOrder.Item asked, String field, @Nullable Case theCase, String purpose,
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
		return new Chosen(item, source, proves, transcript);
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

	/**
	 * Streams the bag into the store through a pipe: a writer thread zips the originals as they are read, the store
	 * digests what arrives. It is only staged until the writer has finished without fault, so a failed package leaves
	 * nothing behind.
	 */
	private ContentDigest storeBag(UUID id, List<Chosen> chosen, AuditLog.CustodyExtract custody,
			Map<String, String> bagInfo, PackageFormat.Items items) {
		var failure = new AtomicReference<@Nullable RuntimeException>();
		try (var in = new PipedInputStream(PIPE)) {
			var out = new PipedOutputStream(in);
			var writer = new Thread(() -> {
				try (out; var bag = new BagWriter(out, "evidence-package-" + id)) {
					writeBag(bag, chosen, custody, bagInfo, items);
				}
				catch (IOException e) {
					failure.set(new UncheckedIOException(e));
				}
				catch (RuntimeException e) {
					failure.set(e);
				}
			}, "evidence-package-" + id);
			writer.start();
			try (var staged = store.stage(in, null)) {
				join(writer);
				if (failure.get() != null) {
					throw failure.get();
				}
				return staged.commit().digest();
			}
			finally {
				in.close();
				join(writer);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void join(Thread writer) {
		try {
			writer.join();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while packing", e);
		}
	}

	private void writeBag(BagWriter bag, List<Chosen> chosen, AuditLog.CustodyExtract custody,
			Map<String, String> bagInfo, PackageFormat.Items items) throws IOException {
		for (var c : chosen) {
			PackageItem item = c.item();
			BagWriter.Digests written;
			try (var original = c.source().open(item)) {
				written = bag.addPayload(c.path(), original);
			}
			// a fixity check on the way out: a court gets only what was stored, or no package at all
			if (!written.sha256().equals(item.digest().sha256()) || written.size() != item.digest().sizeBytes()) {
				throw new Unprocessable("items", "原始文件校验失败，未制作材料包 (the stored original of " + item.ref()
						+ " no longer matches its digest; no package was made)");
			}
		}
		bag.addTag(PackageFormat.ITEMS, PackageFormat.JSON.writeValueAsBytes(items));
		bag.addTag(PackageFormat.ITEMS_TEXT, PackageReadme.itemsText(items, time.zone()).getBytes(StandardCharsets.UTF_8));
		bag.addTag(PackageFormat.CUSTODY, PackageFormat.JSON.writeValueAsBytes(custody.entries().stream()
			.map(p -> new PackageFormat.CustodyEntry(p.entry().seq(), p.entry().at().toString(), p.entry().actor(),
					p.entry().action(), p.entry().subjectType(), p.entry().subjectId(), p.entry().outcome(),
					p.entry().detail(), p.entry().leafHash(), p.path()))
			.toList()));
		var c = custody.checkpoint();
		bag.addTag(PackageFormat.CHECKPOINT, PackageFormat.JSON.writeValueAsBytes(new PackageFormat.CheckpointFile(
				c.treeSize(), c.rootHash(), c.signedAt().toString(), c.algorithm(), c.signature())));
		var key = custody.publicKey();
		bag.addTag(PackageFormat.KEY, PackageFormat.JSON.writeValueAsBytes(
				new PackageFormat.KeyFile(key.algorithm(), key.curve(), key.hex())));
		bag.addTag(PackageFormat.KEY_PEM, key.pem().getBytes(StandardCharsets.UTF_8));
		bag.addTag(PackageFormat.README, PackageReadme.text(items, custody).getBytes(StandardCharsets.UTF_8));
		bag.finish(bagInfo);
	}

	private Map<String, String> bagInfo(UUID id, PackageRecipientKind kind, String recipient, String purpose,
			@Nullable Case theCase, StaffMember maker, Instant now) {
		var info = new LinkedHashMap<String, String>();
		info.put("Source-Organization", "LawTrace 执法全过程记录平台");
		info.put("Contact-Name", maker.name() + " (" + maker.username() + ")");
		info.put("External-Identifier", id.toString());
		info.put("Bagging-Date", time.local(now).toLocalDate().toString());
		info.put("External-Description", "证据材料包 evidence package for " + kind + ": " + recipient
				+ (theCase == null ? "" : "; case " + theCase.caseNumber().value()) + "; " + purpose);
		info.put("Bag-Software-Agent", "LawTrace evidence packaging (ART-19)");
		return info;
	}

	private PackageFormat.Items items(UUID id, PackageRecipientKind kind, String recipient, String purpose,
			@Nullable Case theCase, StaffMember maker, Instant now, List<Chosen> chosen) {
		var label = theCase == null ? null : new PackageFormat.CaseLabel(theCase.id().id().toString(),
				theCase.caseNumber().value(), theCase.title(), theCase.parties().stream().map(Party::name).toList(),
				staff.byIds(theCase.handlers()).stream().map(m -> m.name() + " (" + m.username() + ")").toList());
		return new PackageFormat.Items(id.toString(), kind.name(), recipient, purpose, label,
				maker.name() + " (" + maker.username() + ")", now.toString(), chosen.stream().map(c -> {
					var i = c.item();
					return new PackageFormat.Item(i.ref().kind().name(), i.ref().id().toString(), "data/" + c.path(),
							i.originalName(), i.kind(), i.mediaType(), i.digest().sha256(), i.digest().sm3(),
							i.digest().sizeBytes(), i.caseId() == null ? null : i.caseId().id().toString(), i.carrier(),
							i.method(), i.madeFrom() == null ? null : i.madeFrom().toString(),
							i.madeUntil() == null ? null : i.madeUntil().toString(), i.madeBy(), i.storedBy(),
							i.storedAt().toString(), c.offeredToProve(),
							i.sound() ? (c.transcript() == null ? "" : c.transcript()) : null);
				}).toList());
	}
}
