package org.lawtrace.documents.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.cases.Case;
import org.lawtrace.cases.CaseManagement;
import org.lawtrace.cases.CaseQuery;
import org.lawtrace.cases.Stage;
import org.lawtrace.documents.CaseFile;
import org.lawtrace.documents.Document;
import org.lawtrace.documents.DocumentCatalog;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.web.Htmx;
import org.lawtrace.staff.Permission;
import org.lawtrace.staff.Permissions;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The documents' parts of other pages, loaded by htmx so {@code cases} and the home page know nothing of documents:
 * the case page's 文字记录 section (ART-05) and the home page's documents awaiting confirmation.
 */
@Controller
@RequestMapping("/documents")
class DocumentFragmentsController {

	private final DocumentCatalog catalog;
	private final CaseManagement cases;
	private final BureauTime time;
	private final CaseFile caseFile;

	DocumentFragmentsController(DocumentCatalog catalog, CaseManagement cases, BureauTime time, CaseFile caseFile) {
		this.caseFile = caseFile;
		this.catalog = catalog;
		this.cases = cases;
		this.time = time;
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
		var english = DocumentPages.english(request);
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
		var closed = c.status() == Case.Status.CLOSED;
		model.addAttribute("closed", closed);
		// issue 15: the 案卷 link only for those its page opens to (ART-20); others are told to ask for the case
		model.addAttribute("mayOpenFile", closed && caseFile.mayOpen(id, caller.getName()));
		model.addAttribute("mayAsk", Permission.REQUEST_ACCESS.grantedTo(caller));
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
		var english = DocumentPages.english(request);
		var open = cases.search(new CaseQuery(null, null, caller.getName(), null, null,
				Case.Status.OPEN, null, 0, CaseQuery.MAX_PAGE_SIZE)).items();
		var numbers = open.stream().collect(java.util.stream.Collectors.toMap(c -> c.id(), c -> c.caseNumber().value()));
		// the documents of all of them at once, listed case by case in the order of the officer's cases
		var lacking = catalog.lackingInCurrent(numbers.keySet()).stream().filter(l -> !l.missing().isEmpty())
			.collect(java.util.stream.Collectors.groupingBy(l -> l.document().caseId()));
		var awaiting = new ArrayList<Awaiting>();
		for (var c : open) {
			lacking.getOrDefault(c.id(), List.of()).forEach(l -> awaiting.add(new Awaiting(c.id().id(),
					numbers.get(c.id()), row(l.document(), l.missing(), english))));
		}
		model.addAttribute("awaiting", awaiting);
		return "documents/home :: awaiting";
	}

	private Row row(Document d, boolean english) {
		return row(d, catalog.missing(d, d.current().number()), english);
	}

	private Row row(Document d, java.util.Set<? extends Enum<?>> missing, boolean english) {
		return new Row(d.id().id(), english ? d.kind().englishName() : d.kind().chineseName(), d.number(), d.title(),
				d.current().number(), missing.isEmpty(), missing.stream().map(Enum::name).sorted().toList(),
				!d.services().isEmpty());
	}
}
