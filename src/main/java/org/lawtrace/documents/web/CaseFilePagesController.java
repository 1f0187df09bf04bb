package org.lawtrace.documents.web;

import java.util.UUID;

import org.lawtrace.cases.Case;
import org.lawtrace.cases.CaseManagement;
import org.lawtrace.documents.CaseFile;
import org.lawtrace.shared.CaseId;
import org.lawtrace.staff.Permissions;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/** A closed case's main and secondary volumes and their contents list (ART-14). */
@Controller
@RequestMapping("/documents")
class CaseFilePagesController {

	private final CaseFile caseFile;
	private final CaseManagement cases;
	private final DocumentFiles files;

	CaseFilePagesController(CaseFile caseFile, CaseManagement cases, DocumentFiles files) {
		this.caseFile = caseFile;
		this.cases = cases;
		this.files = files;
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
}
