package org.lawtrace.documents;

import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.lawtrace.cases.Case;
import org.lawtrace.cases.CaseManagement;
import org.lawtrace.cases.CaseOutline;
import org.lawtrace.cases.CaseOutlines;
import org.lawtrace.cases.Stage;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.NotFound;
import org.lawtrace.shared.NotPermitted;
import org.lawtrace.shared.RecordAccess;
import org.lawtrace.shared.RecordRef;
import org.lawtrace.shared.StageId;
import org.lawtrace.shared.StaffId;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.storage.BlobStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds documents and kinds, says which confirmations a document still lacks (ART-05.3, ART-05.4), and hands out a
 * document's file to those it is open to (ART-20). {@link #ofCase} is the stable read other modules use.
 */
@Service
@Transactional(readOnly = true)
public class DocumentCatalog {

	private final Documents documents;
	private final CaseOutlines outlines;
	private final DocumentKinds kinds;
	private final CaseManagement cases;
	private final StaffDirectory staff;
	private final BlobStore store;
	private final RecordAccess access;
	private final ApplicationEventPublisher events;
	private final org.springframework.beans.factory.ObjectProvider<org.lawtrace.shared.DestroyedRecords> destroyed;

	DocumentCatalog(Documents documents, CaseOutlines outlines, DocumentKinds kinds, CaseManagement cases, StaffDirectory staff,
			BlobStore store, RecordAccess access, ApplicationEventPublisher events,
			org.springframework.beans.factory.ObjectProvider<org.lawtrace.shared.DestroyedRecords> destroyed) {
		this.destroyed = destroyed;
		this.documents = documents;
		this.outlines = outlines;
		this.kinds = kinds;
		this.cases = cases;
		this.staff = staff;
		this.store = store;
		this.access = access;
		this.events = events;
	}

	/**
	 * A case's documents as other modules read them: kind, stage, number, whether the current version is effective
	 * and what it lacks, refusals and services. In the order they were made.
	 *
	 * @throws NotFound when there is no such case
	 */
	public List<CaseDocument> ofCase(CaseId caseId) {
		var c = cases.require(caseId);
		var stages = stagesOf(caseId);
		return documents.ofCase(caseId).stream().map(d -> {
			var missing = missing(d, d.current().number(), c, stages);
			return new CaseDocument(d.id(), d.kind().code(), d.kind().direction(), d.kind().confirmations(),
					d.stageId(), d.number(), d.title(), d.madeBy(), d.madeAt(), d.registeredAt(), d.current().number(),
					missing.isEmpty(), missing, d.refusals(), d.services());
		}).toList();
	}

	/**
	 * The documents of all cases whose ids lie between two (inclusive, in the database's order of ids), with every
	 * version, confirmation and service: the compliance checks judge a hundred thousand cases in batches of
	 * consecutive ids and would otherwise ask case by case. Whether a version is effective is then
	 * {@link Document#missing} with the stage's officers and participants.
	 */
	public List<Document> ofCasesBetween(CaseId first, CaseId last) {
		return documents.ofCasesBetween(first, last);
	}

	/**
	 * Every case's documents sorted by case id, each case's in the order they were made, read as the caller walks
	 * them (a full compliance run walks them beside the cases). Inside a read-only, repeatable-read transaction;
	 * close the stream.
	 */
	public java.util.stream.Stream<Document> ofAllCases() {
		return documents.ofAllCases();
	}

	/** A case's documents with every version, confirmation and service, in the order they were made. */
	public List<Document> documents(CaseId caseId) {
		return documents.ofCase(caseId);
	}

	public Document require(DocumentId id) {
		return documents.byId(id).orElseThrow(() -> new NotFound("document", id));
	}

	/**
	 * ART-20: a document for someone who may see its metadata. To anyone else it does not exist: the same
	 * {@link NotFound} as for an unknown id, and the attempt is logged at once.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED) // the refusal is logged at once, outside any transaction
	public Document requireVisible(DocumentId id, String actor) {
		var document = require(id);
		var viewer = staff.require(actor).id();
		if (!access.maySeeMetadata(viewer, RecordRef.document(id.id()), document.caseId(),
				document.madeOrRegisteredBy(viewer))) {
			events.publishEvent(new DocumentAccessRefused(id.toString(), viewer, "VIEW metadata not approved (ART-20)"));
			throw new NotFound("document", id);
		}
		return document;
	}

	/** The documents of a case that {@code actor} may see (ART-20), in the order they were made. */
	public List<Document> visibleOf(CaseId caseId, String actor) {
		var visible = access.visibility(staff.require(actor).id());
		return documents.ofCase(caseId).stream()
			.filter(d -> visible.sees(RecordRef.document(d.id().id()), d.caseId(), d.madeOrRegisteredBy(visible.viewer())))
			.toList();
	}

	/** The confirmations a version of a document still lacks; none means it is effective (ART-05.4). */
	public Set<ConfirmationRule> missing(Document document, int version) {
		return missing(document, version, cases.require(document.caseId()), stagesOf(document.caseId()));
	}

	/** A document with the confirmations its current version still lacks (none: it is effective, ART-05.4). */
	public record Lacking(Document document, Set<ConfirmationRule> missing) {
	}

	/**
	 * The documents of these cases, each with what its current version still lacks ({@link #missing}), in the order
	 * they were made: the officer's home page lists the documents of a hundred open cases, read here in a handful
	 * of queries (the cases' handlers and stages at once) rather than six per case.
	 */
	public List<Lacking> lackingInCurrent(Collection<CaseId> caseIds) {
		var found = documents.ofCases(caseIds);
		if (found.isEmpty()) {
			return List.of();
		}
		var ofCase = outlines.of(found.stream().map(Document::caseId).distinct().toList()).stream()
			.collect(Collectors.toMap(CaseOutline::id, Function.identity()));
		return found.stream().map(d -> {
			var c = ofCase.get(d.caseId());
			CaseOutline.@Nullable StageOutline stage = c == null || d.stageId() == null ? null
					: c.stages().stream().filter(s -> s.id().equals(d.stageId())).findFirst().orElse(null);
			List<StaffId> present = stage == null ? List.of() : stage.present();
			var officers = stage == null ? List.<StaffId>of() : present.stream().filter(c.handlers()::contains).toList();
			return new Lacking(d, d.missing(d.current().number(), officers, present));
		}).toList();
	}

	private Set<ConfirmationRule> missing(Document d, int version, Case c, Map<StageId, Stage> stages) {
		var stage = d.stageId() == null ? null : stages.get(d.stageId());
		List<StaffId> present = stage == null ? List.of() : stage.present();
		var officers = present.stream().filter(c::handledBy).toList();
		return d.missing(version, officers, present);
	}

	private Map<StageId, Stage> stagesOf(CaseId caseId) {
		return cases.stages(caseId).stream().collect(Collectors.toMap(Stage::id, Function.identity()));
	}

	/** ART-05.4, ART-22(2): an attempt to delete or replace a document is refused, and recorded. */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public void refuseAlteration(String documentId, String actor, String method, String path) {
		events.publishEvent(new DocumentAccessRefused(documentId, staff.require(actor).id(), method + " " + path));
	}

	public List<DocumentKind> kinds() {
		return kinds.current();
	}

	public DocumentKind kind(String code) {
		return kinds.current(code).orElseThrow(() -> new NotFound("document kind", code));
	}

	public List<DocumentKind> kindHistory(String code) {
		var history = kinds.history(code);
		if (history.isEmpty()) {
			throw new NotFound("document kind", code);
		}
		return history;
	}

	/** Whether {@link #open} would hand this document's files to {@code actor}: pages ask before offering a link. */
	public boolean contentOpenTo(Document document, String actor) {
		var viewer = staff.require(actor).id();
		return access.mayOpen(viewer, RecordRef.document(document.id().id()), document.caseId(),
				document.madeOrRegisteredBy(viewer));
	}

	/**
	 * ART-20: a version of a document's file, for someone it is open to; the viewing is logged at once. The caller
	 * closes the stream.
	 *
	 * @param version the version, null for the current one
	 * @throws NotPermitted when the content is not open to {@code actor}
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED) // the viewing is logged at once, outside any transaction
	public InputStream open(Document document, @Nullable Integer version, String actor) {
		var v = version == null ? document.current() : document.version(version);
		if (!contentOpenTo(document, actor)) {
			events.publishEvent(new DocumentAccessRefused(document.id().toString(), staff.require(actor).id(),
					"VIEW version=" + v.number() + " not approved (ART-20)"));
			throw new NotPermitted("无权查看该文书内容 (the content of this document is not open to you)");
		}
		// ART-16: a document destroyed under an approved disposition keeps its record; its files are gone (410)
		var tombstone = destroyed.stream()
			.flatMap(d -> d.destroyed(org.lawtrace.shared.RecordRef.document(document.id().id())).stream())
			.findFirst();
		if (tombstone.isPresent()) {
			throw new org.lawtrace.shared.Gone("该文书已依法销毁 (this document was destroyed under an approved "
					+ "disposition on " + tombstone.get().destroyedAt() + ", register " + tombstone.get().registerNumber() + ")");
		}
		var content = store.open(v.digest());
		events.publishEvent(new DocumentContentServed(document.id(), document.caseId(), v.number(),
				staff.require(actor).id()));
		return content;
	}
}
