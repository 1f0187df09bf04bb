package org.lawtrace.documents.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.cases.CaseManagement;
import org.lawtrace.documents.DocumentCatalog;
import org.lawtrace.documents.DocumentRegistry;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.DomainException;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.shared.NotPermitted;
import org.lawtrace.shared.web.FormErrors;
import org.lawtrace.shared.web.Htmx;
import org.lawtrace.staff.Permissions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Registering a document with its file (ART-05): the form, and its post by htmx as multipart with the CSRF token in a
 * header.
 */
@Controller
@RequestMapping("/documents")
class DocumentRegistrationController {

	static final Set<String> REGISTER_FIELDS = Set.of("kind", "stageId", "number", "title", "madeAt", "file");

	private final DocumentCatalog catalog;
	private final DocumentRegistry registry;
	private final CaseManagement cases;
	private final BureauTime time;
	private final long maxUploadBytes;

	DocumentRegistrationController(DocumentCatalog catalog, DocumentRegistry registry, CaseManagement cases,
			BureauTime time,
			@Value("${lawtrace.documents.max-upload-bytes:67108864}") long maxUploadBytes) {
		this.catalog = catalog;
		this.registry = registry;
		this.cases = cases;
		this.time = time;
		this.maxUploadBytes = maxUploadBytes;
	}

	@GetMapping("/new")
	@Permissions.WriteDocuments
	String newDocument(@RequestParam UUID caseId, @RequestParam(required = false) @Nullable UUID stageId,
			Authentication caller, Model model) {
		prepareNew(new CaseId(caseId), new RegisterForm(caseId, stageId), FormErrors.none(), caller, model);
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
			// issue 15: every mistake at once, with what was typed (a browser cannot keep the file chosen)
			var problems = new ArrayList<DomainException>();
			FormParts.Part file = null;
			try {
				file = form.file("file");
			}
			catch (InvalidInput e) {
				problems.add(e);
			}
			var command = registerForm.toCommand(time);
			problems.addAll(registry.problemsWith(command, caller.getName()));
			if (!problems.isEmpty() || file == null) {
				return refused(request, registerForm, problems, caller, model);
			}
			var document = registry.register(command, new ByteArrayInputStream(file.content()),
					file.fileName() == null ? "" : file.fileName(), caller.getName());
			return DocumentPages.redirect(request, response, "/documents/" + document.id());
		}
		catch (DomainException e) {
			return refused(request, registerForm, List.of(e), caller, model);
		}
	}

	private String refused(HttpServletRequest request, RegisterForm registerForm, List<DomainException> problems,
			Authentication caller, Model model) {
		for (var e : problems) {
			if (e instanceof NotPermitted || registerForm.caseId() == null) {
				throw e;
			}
		}
		prepareNew(new CaseId(registerForm.caseId()), registerForm, FormErrors.of(problems, REGISTER_FIELDS), caller,
				model);
		return Htmx.wantsFragment(request) ? "documents/new :: registerForm" : "documents/new";
	}

	private void prepareNew(CaseId caseId, RegisterForm form, FormErrors errors, Authentication caller,
			Model model) {
		var c = cases.require(caseId);
		model.addAttribute("case", c);
		model.addAttribute("stages", cases.stages(caseId));
		model.addAttribute("zone", time.zone());
		model.addAttribute("kindGroups", KindGroup.of(catalog.kinds()));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("mayAct", cases.mayActOn(c.id(), caller.getName()));
	}
}
