package org.lawtrace.documents.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.cases.Case;
import org.lawtrace.cases.CaseManagement;
import org.lawtrace.documents.ConfirmationKind;
import org.lawtrace.documents.Direction;
import org.lawtrace.documents.Document;
import org.lawtrace.documents.DocumentCatalog;
import org.lawtrace.documents.DocumentId;
import org.lawtrace.documents.DocumentRegistry;
import org.lawtrace.documents.ServiceMethod;
import org.lawtrace.documents.SignerRole;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.Conflict;
import org.lawtrace.shared.InvalidInput;
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
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A document's page with its versions, confirmations and services, the forms that add them (ART-05.3, ART-05.4,
 * SAMR-PR Art. 82) and its files for those they are open to (ART-20).
 */
@Controller
@RequestMapping("/documents")
class DocumentPageController {

	static final Set<String> CONFIRM_FIELDS = Set.of("kind", "role", "signer", "name", "pages", "witness",
			"recordingId", "confirmedAt", "note");
	static final Set<String> SERVICE_FIELDS = Set.of("method", "servedAt", "server", "recipient", "witness", "place",
			"recordingId", "proofId");
	static final Set<String> VERSION_FIELDS = Set.of("reason", "file");

	private final DocumentCatalog catalog;
	private final DocumentRegistry registry;
	private final CaseManagement cases;
	private final StaffDirectory staff;
	private final DocumentViews views;
	private final DocumentFiles files;
	private final BureauTime time;
	private final long maxUploadBytes;

	DocumentPageController(DocumentCatalog catalog, DocumentRegistry registry, CaseManagement cases,
			StaffDirectory staff, DocumentViews views, DocumentFiles files, BureauTime time,
			@Value("${lawtrace.documents.max-upload-bytes:67108864}") long maxUploadBytes) {
		this.catalog = catalog;
		this.registry = registry;
		this.cases = cases;
		this.staff = staff;
		this.views = views;
		this.files = files;
		this.time = time;
		this.maxUploadBytes = maxUploadBytes;
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
			return DocumentPages.redirect(request, response, "/documents/" + id + "#versions");
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
}
