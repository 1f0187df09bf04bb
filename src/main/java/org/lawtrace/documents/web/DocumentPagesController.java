package org.lawtrace.documents.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.cases.Case;
import org.lawtrace.cases.CaseManagement;
import org.lawtrace.cases.CaseQuery;
import org.lawtrace.cases.Stage;
import org.lawtrace.documents.CaseFile;
import org.lawtrace.documents.ConfirmationKind;
import org.lawtrace.documents.Direction;
import org.lawtrace.documents.Document;
import org.lawtrace.documents.DocumentCatalog;
import org.lawtrace.documents.DocumentId;
import org.lawtrace.documents.DocumentRegistry;
import org.lawtrace.documents.ServiceMethod;
import org.lawtrace.documents.SignerRole;
import org.lawtrace.documents.Volume;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.Conflict;
import org.lawtrace.shared.DomainException;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.shared.NotPermitted;
import org.lawtrace.shared.Unprocessable;
import org.lawtrace.shared.web.FormError;
import org.lawtrace.shared.web.Htmx;
import org.lawtrace.staff.Permissions;
import org.lawtrace.staff.StaffDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The documents' pages: the case page's 文字记录 section (loaded by htmx, so {@code cases} knows nothing of
 * documents), registering a document, a document's page with its versions, confirmations and services and the forms
 * to add them, and a closed case's volumes. Forms that carry a file are posted by htmx as multipart with the CSRF
 * token in a header; the others are plain forms.
 */
@Controller
@RequestMapping("/documents")
class DocumentPagesController {

	static final Set<String> REGISTER_FIELDS = Set.of("kind", "stageId", "number", "title", "madeAt", "file");
	static final Set<String> CONFIRM_FIELDS = Set.of("kind", "role", "signer", "name", "pages", "witness",
			"recordingId", "confirmedAt", "note");
	static final Set<String> SERVICE_FIELDS = Set.of("method", "servedAt", "server", "recipient", "witness", "place",
			"recordingId", "proofId");
	static final Set<String> VERSION_FIELDS = Set.of("reason", "file");

	private final DocumentCatalog catalog;
	private final DocumentRegistry registry;
	private final CaseFile caseFile;
	private final CaseManagement cases;
	private final StaffDirectory staff;
	private final DocumentViews views;
	private final DocumentFiles files;
	private final BureauTime time;
	private final long maxUploadBytes;

	DocumentPagesController(DocumentCatalog catalog, DocumentRegistry registry, CaseFile caseFile, CaseManagement cases,
			StaffDirectory staff, DocumentViews views, DocumentFiles files, BureauTime time,
			@Value("${lawtrace.documents.max-upload-bytes:67108864}") long maxUploadBytes) {
		this.catalog = catalog;
		this.registry = registry;
		this.caseFile = caseFile;
		this.cases = cases;
		this.staff = staff;
		this.views = views;
		this.files = files;
		this.time = time;
		this.maxUploadBytes = maxUploadBytes;
	}

	/** A stage with its documents; one with none shows only while the kind of stage carries text records. */
	record StageGroup(@Nullable Stage stage, List<Row> documents) {
	}

	/** A document in the case section: what it is and whether its current version is effective (ART-05.4). */
	record Row(UUID id, String kindName, @Nullable String number, String title, int version, boolean effective,
			List<String> missing, boolean served) {
	}

	/** ART-05: the case page's documents, by stage, with their confirmation state. */
	@GetMapping("/fragments/case/{caseId}")
	@Permissions.ReadRecords
	String ofCase(@PathVariable UUID caseId, Authentication caller, HttpServletRequest request, Model model) {
		if (!Htmx.wantsFragment(request)) {
			return "redirect:/cases/" + caseId + "#documents";
		}
		var id = new CaseId(caseId);
		var c = cases.require(id);
		var english = english(request);
		// ART-20: the documents the caller may see; of the others, only how many there are
		var all = catalog.documents(id);
		var documents = catalog.visibleOf(id, caller.getName());
		var rows = new ArrayList<StageGroup>();
		for (var stage : cases.stages(id)) {
			var of = documents.stream().filter(d -> stage.id().equals(d.stageId())).map(d -> row(d, english)).toList();
			if (!of.isEmpty()) {
				rows.add(new StageGroup(stage, of));
			}
		}
		var unstaged = documents.stream().filter(d -> d.stageId() == null).map(d -> row(d, english)).toList();
		if (!unstaged.isEmpty()) {
			rows.add(new StageGroup(null, unstaged));
		}
		model.addAttribute("caseId", caseId);
		model.addAttribute("zone", time.zone());
		model.addAttribute("groups", rows);
		model.addAttribute("total", documents.size());
		model.addAttribute("hidden", all.size() - documents.size());
		model.addAttribute("unconfirmed", rows.stream().flatMap(g -> g.documents().stream()).filter(r -> !r.effective())
			.count());
		model.addAttribute("mayRegister", cases.mayActOn(c.id(), caller.getName()));
		model.addAttribute("closed", c.status() == Case.Status.CLOSED);
		return "documents/case :: documents";
	}

	/** A document of one of the officer's open cases that awaits confirmation (ART-05.3, ART-05.4). */
	record Awaiting(UUID caseId, String caseNumber, Row document) {
	}

	/** The home page's list of documents in the caller's open cases that still lack a signature or seal. */
	@GetMapping("/fragments/awaiting")
	@Permissions.WriteDocuments
	String awaiting(Authentication caller, HttpServletRequest request, Model model) {
		if (!Htmx.wantsFragment(request)) {
			return "redirect:/";
		}
		var english = english(request);
		var open = cases.search(new CaseQuery(null, null, caller.getName(), null, null,
				Case.Status.OPEN, null, 0, CaseQuery.MAX_PAGE_SIZE)).items();
		var awaiting = new ArrayList<Awaiting>();
		for (var c : open) {
			catalog.documents(c.id()).stream().map(d -> row(d, english)).filter(r -> !r.effective())
				.forEach(r -> awaiting.add(new Awaiting(c.id().id(), c.caseNumber().value(), r)));
		}
		model.addAttribute("awaiting", awaiting);
		return "documents/home :: awaiting";
	}

	private Row row(Document d, boolean english) {
		var missing = catalog.missing(d, d.current().number());
		return new Row(d.id().id(), english ? d.kind().englishName() : d.kind().chineseName(), d.number(), d.title(),
				d.current().number(), missing.isEmpty(), missing.stream().map(Enum::name).sorted().toList(),
				!d.services().isEmpty());
	}

	@GetMapping("/new")
	@Permissions.WriteDocuments
	String newDocument(@RequestParam UUID caseId, @RequestParam(required = false) @Nullable UUID stageId,
			Authentication caller, Model model) {
		prepareNew(new CaseId(caseId), new RegisterForm(caseId, stageId), null, caller, model);
		return "documents/new";
	}

	/** ART-05: registers a document with its file; htmx goes to the document's page, or shows why it was refused. */
	@PostMapping("/new")
	@Permissions.WriteDocuments
	String register(HttpServletRequest request, HttpServletResponse response, Authentication caller, Model model)
			throws IOException {
		var form = FormParts.read(request.getContentType(), request.getInputStream(), maxUploadBytes);
		var registerForm = RegisterForm.of(form);
		try {
			var file = form.file("file");
			var document = registry.register(registerForm.toCommand(time), new ByteArrayInputStream(file.content()),
					file.fileName() == null ? "" : file.fileName(), caller.getName());
			return redirect(request, response, "/documents/" + document.id());
		}
		catch (DomainException e) {
			if (e instanceof NotPermitted || registerForm.caseId() == null) {
				throw e;
			}
			prepareNew(new CaseId(registerForm.caseId()), registerForm, FormError.of(e, REGISTER_FIELDS), caller, model);
			return Htmx.wantsFragment(request) ? "documents/new :: registerForm" : "documents/new";
		}
	}

	private void prepareNew(CaseId caseId, RegisterForm form, @Nullable FormError error, Authentication caller,
			Model model) {
		var c = cases.require(caseId);
		model.addAttribute("case", c);
		model.addAttribute("stages", cases.stages(caseId));
		model.addAttribute("zone", time.zone());
		model.addAttribute("kinds", catalog.kinds().stream().filter(k -> k.volume() != Volume.NONE)
			.sorted(Comparator.comparing(k -> k.code())).toList());
		model.addAttribute("form", form);
		model.addAttribute("error", error);
		model.addAttribute("mayAct", cases.mayActOn(c.id(), caller.getName()));
	}

	@GetMapping("/{id}")
	@Permissions.ReadRecords
	String show(@PathVariable UUID id, Authentication caller, Model model) {
		prepareShow(new DocumentId(id), null, null, caller, model);
		return "documents/show";
	}

	/** ART-05.3: records a signature, seal or refusal from the document's page. */
	@PostMapping("/{id}/confirmations")
	@Permissions.WriteDocuments
	String confirm(@PathVariable UUID id, ConfirmForm form, Authentication caller, Model model) {
		var documentId = new DocumentId(id);
		try {
			registry.confirm(documentId, form.toCommand(time), caller.getName());
		}
		catch (InvalidInput | Conflict | Unprocessable e) {
			prepareShow(documentId, FormError.of(e, CONFIRM_FIELDS), "confirm", caller, model);
			model.addAttribute("confirmForm", form);
			return "documents/show";
		}
		return "redirect:/documents/" + id + "#confirmations";
	}

	/** SAMR-PR Art. 82: records a service from the document's page. */
	@PostMapping("/{id}/services")
	@Permissions.WriteDocuments
	String serve(@PathVariable UUID id, ServiceForm form, Authentication caller, Model model) {
		var documentId = new DocumentId(id);
		try {
			registry.serve(documentId, form.toCommand(time), caller.getName());
		}
		catch (InvalidInput | Conflict | Unprocessable e) {
			prepareShow(documentId, FormError.of(e, SERVICE_FIELDS), "serve", caller, model);
			model.addAttribute("serviceForm", form);
			return "documents/show";
		}
		return "redirect:/documents/" + id + "#services";
	}

	/** ART-05.4: a change as a new version with its reason, posted by htmx as multipart. */
	@PostMapping("/{id}/versions")
	@Permissions.WriteDocuments
	String change(@PathVariable UUID id, HttpServletRequest request, HttpServletResponse response,
			Authentication caller, Model model) throws IOException {
		var documentId = new DocumentId(id);
		var form = FormParts.read(request.getContentType(), request.getInputStream(), maxUploadBytes);
		try {
			var file = form.file("file");
			registry.change(documentId, form.text("reason"), new ByteArrayInputStream(file.content()),
					file.fileName() == null ? "" : file.fileName(), caller.getName());
			return redirect(request, response, "/documents/" + id + "#versions");
		}
		catch (InvalidInput | Conflict | Unprocessable e) {
			prepareShow(documentId, FormError.of(e, VERSION_FIELDS), "change", caller, model);
			model.addAttribute("reason", form.text("reason"));
			return Htmx.wantsFragment(request) ? "documents/show :: changeForm" : "documents/show";
		}
	}

	/** ART-20: a version's file for someone it is open to; the viewing is logged. */
	@GetMapping("/{id}/versions/{version}/file")
	@Permissions.ReadRecords
	ResponseEntity<StreamingResponseBody> file(@PathVariable UUID id, @PathVariable int version,
			Authentication caller) {
		return files.serve(catalog.requireVisible(new DocumentId(id), caller.getName()), version, caller.getName());
	}

	private void prepareShow(DocumentId id, @Nullable FormError error, @Nullable String failedForm,
			Authentication caller, Model model) {
		var document = catalog.requireVisible(id, caller.getName());
		var c = cases.require(document.caseId());
		model.addAttribute("document", views.of(document));
		model.addAttribute("zone", time.zone());
		model.addAttribute("case", c);
		model.addAttribute("stage", document.stageId() == null ? null : cases.stage(c.id(), document.stageId()));
		model.addAttribute("open", catalog.contentOpenTo(document, caller.getName()));
		model.addAttribute("mayAct", cases.mayActOn(c.id(), caller.getName()));
		model.addAttribute("error", error);
		model.addAttribute("failedForm", failedForm);
		model.addAttribute("confirmForm", new ConfirmForm());
		model.addAttribute("serviceForm", new ServiceForm());
		model.addAttribute("reason", "");
		model.addAttribute("confirmationKinds", ConfirmationKind.values());
		model.addAttribute("signerRoles", SignerRole.values());
		model.addAttribute("serviceMethods", ServiceMethod.values());
		model.addAttribute("servable", document.kind().direction() == Direction.EXTERNAL);
		model.addAttribute("proofs", catalog.visibleOf(c.id(), caller.getName()).stream()
			.filter(d -> d.kind().code().equals("PROOF_OF_SERVICE")).map(views::of).toList());
		model.addAttribute("staffPresent", staff.byIds(handlersAndPresent(c, document)));
	}

	private List<org.lawtrace.shared.StaffId> handlersAndPresent(Case c, Document document) {
		var ids = new ArrayList<>(c.handlers());
		if (document.stageId() != null) {
			cases.stage(c.id(), document.stageId()).present().stream().filter(p -> !ids.contains(p)).forEach(ids::add);
		}
		return ids;
	}

	/** ART-14: a closed case's main and secondary volumes, with the link to their contents list as PDF. */
	@GetMapping("/case-file/{caseId}")
	@Permissions.ReadRecords
	String caseFile(@PathVariable UUID caseId, Authentication caller, Model model) {
		var id = new CaseId(caseId);
		var c = cases.require(id);
		model.addAttribute("case", c);
		if (c.status() == Case.Status.CLOSED) {
			model.addAttribute("file", caseFile.assemble(id, caller.getName()));
		}
		return "documents/file";
	}

	@GetMapping(path = "/case-file/{caseId}/contents.pdf")
	@Permissions.ReadRecords
	ResponseEntity<byte[]> contentsList(@PathVariable UUID caseId, Authentication caller) {
		var pdf = files.contentsList(new CaseId(caseId), caller.getName());
		return ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_PDF)
			.header("Content-Disposition", "inline; filename=\"contents.pdf\"").body(pdf);
	}


	private static String redirect(HttpServletRequest request, HttpServletResponse response, String to) {
		if (Htmx.wantsFragment(request)) {
			response.setHeader("HX-Redirect", request.getContextPath() + to);
			return "documents/new :: empty";
		}
		return "redirect:" + to;
	}

	private static boolean english(HttpServletRequest request) {
		var locale = org.springframework.web.servlet.support.RequestContextUtils.getLocale(request);
		return "en".equals(locale.getLanguage());
	}
}
