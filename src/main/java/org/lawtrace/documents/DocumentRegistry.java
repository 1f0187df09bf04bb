package org.lawtrace.documents;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.cases.Case;
import org.lawtrace.cases.CaseManagement;
import org.lawtrace.cases.Stage;
import org.lawtrace.recordings.RecordingCatalog;
import org.lawtrace.recordings.RecordingId;
import org.lawtrace.shared.AuditTrail;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.Conflict;
import org.lawtrace.shared.DurableCommits;
import org.lawtrace.shared.DomainException;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.shared.NotFound;
import org.lawtrace.shared.NotPermitted;
import org.lawtrace.shared.StageId;
import org.lawtrace.shared.Unprocessable;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.staff.StaffMember;
import org.lawtrace.storage.BlobStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Registers documents and records what happens to them: changes as new versions (ART-05.4), signatures, seals and
 * refusals (ART-05.3), and service. Every check runs before anything is kept: a refused request leaves no row and
 * no file in the store.
 */
@Service
@Transactional
public class DocumentRegistry {

	/** Clocks of phones and scanners drift; a time a few minutes "in the future" is not an error. */
	private static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(10);

	private final Documents documents;
	private final DocumentKinds kinds;
	private final DocumentCatalog catalog;
	private final CaseManagement cases;
	private final StaffDirectory staff;
	private final RecordingCatalog recordings;
	private final BlobStore store;
	private final BureauTime time;
	private final ApplicationEventPublisher events;
	private final Duration publicNoticePeriod;
	private final AuditTrail trail;
	private final DurableCommits durable;

	DocumentRegistry(Documents documents, DocumentKinds kinds, DocumentCatalog catalog, CaseManagement cases,
			StaffDirectory staff, RecordingCatalog recordings, BlobStore store, BureauTime time,
			ApplicationEventPublisher events, AuditTrail trail, DurableCommits durable,
			@Value("${lawtrace.documents.public-notice-days:30}") int publicNoticeDays) {
		this.trail = trail;
		this.durable = durable;
		this.documents = documents;
		this.kinds = kinds;
		this.catalog = catalog;
		this.cases = cases;
		this.staff = staff;
		this.recordings = recordings;
		this.store = store;
		this.time = time;
		this.events = events;
		this.publicNoticePeriod = Duration.ofDays(publicNoticeDays);
	}

	/**
	 * Everything wrong with a registration at once, as the form shows it (issue 15): the same reasons as
	 * {@link #register}, each naming its field; the file is the form's to check. Empty when {@link #register} would
	 * take it now (save a number taken meanwhile).
	 *
	 * @throws NotPermitted when {@code actor} does not handle the case: there is no form for them
	 */
	@Transactional(readOnly = true)
	public List<DomainException> problemsWith(RegisterDocument command, String actor) {
		var problems = new ArrayList<DomainException>();
		var kind = attempt(problems, () -> kinds.current(text(command.kind(), "kind", 40))
			.orElseThrow(() -> new InvalidInput("kind", "文书种类不存在 (unknown document kind): " + command.kind())));
		if (command.caseId() == null) {
			problems.add(new InvalidInput("caseId", "请指定案件 (name the case)"));
			return problems;
		}
		var c = attempt(problems, () -> openCase(new CaseId(command.caseId()), "caseId"));
		if (c != null) {
			handlerOf(c, actor);
			if (command.stageId() != null) {
				var stage = attempt(problems, () -> stageOf(c, command.stageId()));
				if (stage != null && kind != null && !kind.fits(stage.kind())) {
					problems.add(new InvalidInput("stageId", kind.chineseName() + "不属于" + stage.kind().chineseName()
							+ "环节 (a " + kind.englishName() + " does not belong to a " + stage.kind().englishName()
							+ " stage)"));
				}
			}
		}
		attempt(problems, () -> text(command.title(), "title", 200));
		attempt(problems, () -> notInFuture(command.madeAt(), "madeAt"));
		if (command.number() != null && !command.number().isBlank()) {
			attempt(problems, () -> {
				requireNumberFree(text(command.number(), "number", 60));
				return command.number();
			});
		}
		return problems;
	}

	private static <T> @Nullable T attempt(List<DomainException> problems, java.util.function.Supplier<T> check) {
		try {
			return check.get();
		}
		catch (InvalidInput | Conflict e) {
			problems.add(e);
			return null;
		}
	}

	/**
	 * ART-05, ART-07: a handler of an open case registers a document of a kind that fits its stage, with its file.
	 * Returns only once the file, the row and its DOCUMENT_REGISTERED entry are durable (ART-15.1, issue 12): the entry
	 * is appended in this transaction and the commit is made durable before the caller may acknowledge it.
	 */
	public Document register(RegisterDocument command, InputStream file, String fileName, String actor) {
		var kind = kinds.current(text(command.kind(), "kind", 40))
			.orElseThrow(() -> new InvalidInput("kind", "文书种类不存在 (unknown document kind): " + command.kind()));
		if (command.caseId() == null) {
			throw new InvalidInput("caseId", "请指定案件 (name the case)");
		}
		var c = openCase(new CaseId(command.caseId()), "caseId");
		var registrar = handlerOf(c, actor);
		StageId stageId = null;
		if (command.stageId() != null) {
			var stage = stageOf(c, command.stageId());
			if (!kind.fits(stage.kind())) {
				throw new InvalidInput("stageId", kind.chineseName() + "不属于" + stage.kind().chineseName()
						+ "环节 (a " + kind.englishName() + " does not belong to a " + stage.kind().englishName()
						+ " stage)");
			}
			stageId = stage.id();
		}
		var title = text(command.title(), "title", 200);
		var maker = command.madeBy() == null || command.madeBy().isBlank() ? registrar
				: staff.byUsername(command.madeBy().strip())
					.orElseThrow(() -> new InvalidInput("madeBy", "制作人不存在 (unknown staff): " + command.madeBy()));
		var madeAt = notInFuture(command.madeAt(), "madeAt");
		String number = null;
		if (command.number() != null && !command.number().isBlank()) {
			number = text(command.number(), "number", 60);
			requireNumberFree(number);
		}
		fileName = fileName(fileName);
		try (var staged = store.stage(file, null)) {
			var facts = FileFacts.of(staged.open());
			if (number == null && kind.numbered()) {
				number = nextNumber(kind, madeAt);
			}
			var digest = store.withSm3(staged.commit().digest());
			var version = new DocumentVersion(1, digest, facts.mediaType(), fileName, facts.pageCount(), null,
					registrar.id(), time.now());
			var document = new Document(DocumentId.random(), c.id(), stageId, kind, number, title, maker.id(), madeAt,
					registrar.id(), time.now(), List.of(version), List.of(), List.of());
			try {
				documents.add(document);
			}
			catch (DuplicateKeyException e) {
				throw new Conflict("number", "文号已被使用 (document number already used): " + number);
			}
			var registered = new DocumentRegistered(document.id(), c.id(), kind.code(), number, digest, registrar.id());
			trail.appendWithin(registered);
			events.publishEvent(registered);
			durableOnCommit();
			return document;
		}
	}

	/**
	 * ART-05.4: a change never replaces a document's file; it becomes a new version with its reason, which is not
	 * effective until its confirmations are recorded. Earlier versions stay retrievable. Like a registration, it
	 * returns only once file, version row and DOCUMENT_CHANGED entry are durable.
	 */
	public Document change(DocumentId id, String reason, InputStream file, String fileName, String actor) {
		var document = catalog.require(id);
		var c = openCase(document.caseId(), "documentId");
		var changer = handlerOf(c, actor);
		var why = text(reason, "reason", 500);
		fileName = fileName(fileName);
		try (var staged = store.stage(file, null)) {
			var facts = FileFacts.of(staged.open());
			var digest = store.withSm3(staged.commit().digest());
			var version = new DocumentVersion(document.current().number() + 1, digest, facts.mediaType(), fileName,
					facts.pageCount(), why, changer.id(), time.now());
			documents.addVersion(id, version);
			var changed = new DocumentChanged(id, c.id(), version.number(), why, digest, changer.id());
			trail.appendWithin(changed);
			events.publishEvent(changed);
			durableOnCommit();
			return catalog.require(id);
		}
	}

	/**
	 * Once the transaction this registry method runs in commits (its own, or the caller's), waits until that commit
	 * would survive a kill or power cut; the blob was made durable by the store before (ART-15.1, issue 12). An
	 * exception here reaches the caller, so no acknowledgement goes out for a commit that may not last.
	 */
	private void durableOnCommit() {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				durable.awaitDurable();
			}
		});
	}

	/** ART-05.3: records a signature, seal or refusal against a version, from someone who was there. */
	public Document confirm(DocumentId id, RecordConfirmation command, String actor) {
		var document = catalog.require(id);
		var c = openCase(document.caseId(), "documentId");
		var recorder = handlerOf(c, actor);
		if (command.kind() == null) {
			throw new InvalidInput("kind", "请选择签名、盖章或拒签 (choose SIGNATURE, SEAL or REFUSAL)");
		}
		if (command.role() == null) {
			throw new InvalidInput("role", "请选择签署人身份 (choose the signer's role)");
		}
		var version = command.version() == null ? document.current() : versionOf(document, command.version());
		var pages = pages(command.pages(), version.pageCount());
		var at = notInFuture(command.confirmedAt(), "confirmedAt");
		var signer = switch (command.kind()) {
			case SEAL -> seal(document, command, recorder);
			case SIGNATURE -> signature(document, c, command);
			case REFUSAL -> refusal(document, c, command);
		};
		var confirmation = new Confirmation(UUID.randomUUID(), version.number(), command.kind(), command.role(),
				signer.staff() == null ? null : signer.staff().id(), signer.name(), pages, at,
				optional(command.witness(), "witness", 100), command.recordingId(), optional(command.note(), "note", 500),
				recorder.id(), time.now());
		documents.addConfirmation(id, confirmation);
		var effective = catalog.missing(catalog.require(id), version.number()).isEmpty();
		events.publishEvent(new DocumentConfirmed(id, c.id(), version.number(), command.kind(), command.role(),
				signer.name(), effective, recorder.id()));
		return catalog.require(id);
	}

	/** Who signed: a staff member, or the name of the party, agent or witness. */
	private record Signer(@Nullable StaffMember staff, String name) {
	}

	private Signer seal(Document document, RecordConfirmation command, StaffMember recorder) {
		document.requireSealable(command.role());
		var name = command.name() == null || command.name().isBlank() ? "本局印章" : text(command.name(), "name", 100);
		return new Signer(recorder, name);
	}

	private Signer signature(Document document, Case c, RecordConfirmation command) {
		Document.requireSignable(command.role());
		if (command.role().staff()) {
			var username = text(command.signer(), "signer", 100);
			var member = staff.byUsername(username)
				.orElseThrow(() -> new InvalidInput("signer", "签名人不存在 (unknown staff): " + username));
			var present = document.stageId() == null ? null : cases.stage(c.id(), document.stageId()).present();
			document.requireStaffSigner(member, command.role(), c, present);
			return new Signer(member, member.name());
		}
		var name = text(command.name(), "name", 100);
		Document.requirePartySigner(command.role(), name, c);
		return new Signer(null, name);
	}

	/** SAMR-PR Art. 43: a refusal to sign is noted and recorded on audio or video. */
	private Signer refusal(Document document, Case c, RecordConfirmation command) {
		Document.requireRefusal(command.role(), command.recordingId());
		requireRecordingOfCase(command.recordingId(), c, "recordingId");
		var name = text(command.name(), "name", 100);
		return new Signer(null, name);
	}


	/**
	 * SAMR-PR Art. 81-82, ART-06.2: records a service of a sealed document on the party; service left at the
	 * address and by public notice need their AV record, and public notice counts from 30 days after posting.
	 */
	public Document serve(DocumentId id, RecordService command, String actor) {
		var document = catalog.require(id);
		var c = openCase(document.caseId(), "documentId");
		var recorder = handlerOf(c, actor);
		if (command.method() == null) {
			throw new InvalidInput("method", "请选择送达方式 (choose the method of service)");
		}
		document.requireServable(catalog.missing(document, document.current().number()));
		var server = command.server() == null || command.server().isBlank() ? recorder
				: staff.byUsername(command.server().strip())
					.orElseThrow(() -> new InvalidInput("server", "送达人不存在 (unknown staff): " + command.server()));
		var servedAt = notInFuture(command.servedAt(), "servedAt");
		var place = optional(command.place(), "place", 200);
		command.method().requireRecording(command.recordingId());
		if (command.recordingId() != null) {
			requireRecordingOfCase(command.recordingId(), c, "recordingId");
		}
		command.method().requirePlace(place);
		if (command.method() == ServiceMethod.ELECTRONIC && !hasAddressConfirmation(c.id())) {
			throw new Unprocessable("method", "电子送达须有当事人签署的送达地址确认书 (electronic service needs the "
					+ "party's signed service-address confirmation, SAMR-PR Art. 82(3))");
		}
		DocumentId proof = null;
		if (command.proofId() != null) {
			var found = documents.byId(new DocumentId(command.proofId()))
				.filter(p -> p.caseId().equals(c.id()) && p.kind().code().equals("PROOF_OF_SERVICE"))
				.orElseThrow(() -> new InvalidInput("proofId", "送达回证应为本案已登记的送达回证 (proofId must be a "
						+ "proof of service of this case)"));
			proof = found.id();
		}
		var deemed = command.method() == ServiceMethod.PUBLIC_NOTICE ? servedAt.plus(publicNoticePeriod) : servedAt;
		var service = new ServiceRecord(UUID.randomUUID(), command.method(), servedAt, deemed, server.id(),
				optional(command.recipient(), "recipient", 100), optional(command.witness(), "witness", 100), place,
				command.recordingId(), proof, recorder.id(), time.now());
		documents.addService(id, service);
		events.publishEvent(new DocumentServed(id, c.id(), command.method(), servedAt, deemed, recorder.id()));
		return catalog.require(id);
	}

	private boolean hasAddressConfirmation(CaseId caseId) {
		return documents.ofCase(caseId).stream()
			.filter(d -> d.kind().code().equals("SERVICE_ADDRESS_CONFIRMATION"))
			.anyMatch(d -> catalog.missing(d, d.current().number()).isEmpty());
	}

	private void requireRecordingOfCase(UUID recordingId, Case c, String field) {
		try {
			var recording = recordings.require(new RecordingId(recordingId));
			if (!c.id().equals(recording.current().caseId())) {
				throw new InvalidInput(field, "该音像记录不属于本案 (the AV record is not linked to this case)");
			}
		}
		catch (NotFound e) {
			throw new InvalidInput(field, "音像记录不存在 (unknown AV record): " + recordingId);
		}
	}

	private String nextNumber(DocumentKind kind, Instant madeAt) {
		var year = madeAt.atZone(zone()).getYear();
		while (true) {
			var candidate = kind.numberPrefix() + "〔" + year + "〕" + kinds.nextNumber(kind.code(), year) + "号";
			// a number typed in by hand (a pre-printed form) may already hold the counter's next value
			if (!documents.numberTaken(candidate)) {
				return candidate;
			}
		}
	}

	private void requireNumberFree(String number) {
		if (documents.numberTaken(number)) {
			throw new Conflict("number", "文号已被使用 (document number already used): " + number);
		}
	}

	private Case openCase(CaseId id, String field) {
		Case c;
		try {
			c = cases.require(id);
		}
		catch (NotFound e) {
			throw new InvalidInput(field, "案件不存在 (unknown case): " + id.id());
		}
		if (c.status() != Case.Status.OPEN) {
			// ART-14: a closed case is frozen; the refusal names the case, as the recordings' does (issue 11)
			throw new Conflict("caseId", "案件已结案，文书不能再登记或修改 (the case is closed and its records are frozen, "
					+ "ART-14)");
		}
		return c;
	}

	private Stage stageOf(Case c, UUID stageId) {
		try {
			return cases.stage(c.id(), new StageId(stageId));
		}
		catch (NotFound e) {
			throw new InvalidInput("stageId", "该环节不属于本案 (no such stage in this case): " + stageId);
		}
	}

	private StaffMember handlerOf(Case c, String actor) {
		var member = staff.require(actor);
		if (!c.handledBy(member.id())) {
			throw new NotPermitted("只有本案承办人可以登记和确认文书 (only the case's handlers may do this, ART-07)");
		}
		return member;
	}

	private static DocumentVersion versionOf(Document document, int number) {
		return document.versions().stream().filter(v -> v.number() == number).findFirst()
			.orElseThrow(() -> new InvalidInput("version", "文书没有该版本 (no such version): " + number));
	}

	private static List<Integer> pages(@Nullable List<Integer> pages, int pageCount) {
		if (pages == null) {
			return List.of();
		}
		var seen = new HashSet<Integer>();
		var result = new ArrayList<Integer>();
		for (var page : pages) {
			if (page == null || page < 1 || page > pageCount) {
				throw new InvalidInput("pages", "页码应在1到" + pageCount + "之间 (pages run from 1 to " + pageCount + ")");
			}
			if (seen.add(page)) {
				result.add(page);
			}
		}
		return result.stream().sorted().toList();
	}

	private Instant notInFuture(@Nullable Instant at, String field) {
		if (at == null) {
			return time.now();
		}
		if (at.isAfter(time.now().plus(CLOCK_TOLERANCE))) {
			throw new InvalidInput(field, "时间不能晚于当前时间 (" + field + " is in the future)");
		}
		return at;
	}

	private ZoneId zone() {
		return time.zone();
	}

	private static String fileName(@Nullable String name) {
		var n = name == null || name.isBlank() ? "document" : name.strip();
		var slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
		n = n.substring(slash + 1);
		return n.length() > 255 ? n.substring(n.length() - 255) : n;
	}

	private static String text(@Nullable String value, String field, int max) {
		if (value == null || value.isBlank()) {
			throw new InvalidInput(field, field + " 必填 (" + field + " is required)");
		}
		var v = value.strip();
		if (v.length() > max) {
			throw new InvalidInput(field, field + " 不超过" + max + "字 (" + field + " is at most " + max + " characters)");
		}
		return v;
	}

	private static @Nullable String optional(@Nullable String value, String field, int max) {
		return value == null || value.isBlank() ? null : text(value, field, max);
	}
}
