package org.lawtrace.compliance.web;

import java.util.HashSet;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.lawtrace.compliance.CaseCompliance;
import org.lawtrace.compliance.Exemption;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.web.FormError;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.staff.StaffMember;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the case page's checklist panel shows: the checklist for those who may read it, and the exemption forms
 * (不宜录音录像) for who may use them: the request for the case's officers, the decision for its unit's deputy
 * director in charge and the director (ART-06.1).
 */
@Component
class ChecklistPanel {

	static final String VIEW = "compliance/case :: compliance";

	private final CaseCompliance compliance;
	private final StaffDirectory staff;
	private final BureauTime time;

	ChecklistPanel(CaseCompliance compliance, StaffDirectory staff, BureauTime time) {
		this.compliance = compliance;
		this.staff = staff;
		this.time = time;
	}

	/**
	 * Fills the model; a refused form's {@code error} is shown only at {@code errorAt}, the stage asked for or the
	 * exemption decided, with what was typed in {@code typed}.
	 */
	void fill(CaseId id, String viewer, @Nullable FormError error, @Nullable UUID errorAt, @Nullable String typed,
			Model model) {
		model.addAttribute("zone", time.zone());
		model.addAttribute("caseId", id.id());
		if (!compliance.mayRead(id, viewer)) {
			return;
		}
		var checklist = compliance.checklist(id, viewer);
		model.addAttribute("checklist", checklist);
		var people = new HashSet<StaffId>();
		checklist.stages().stream().map(s -> s.exemption()).filter(e -> e != null).forEach(e -> {
			people.add(e.requestedBy());
			if (e.decidedBy() != null) {
				people.add(e.decidedBy());
			}
		});
		Map<UUID, String> names = staff.byIds(people).stream()
			.collect(Collectors.toMap(m -> m.id().id(), StaffMember::name, (a, b) -> a));
		model.addAttribute("names", names);
		model.addAttribute("mayRequest", compliance.mayRequestExemption(id, viewer));
		model.addAttribute("mayDecide", compliance.mayDecideExemptions(id, viewer));
		model.addAttribute("requested", Exemption.Status.REQUESTED);
		model.addAttribute("refused", Exemption.Status.REFUSED);
		model.addAttribute("error", error);
		model.addAttribute("errorAt", errorAt);
		model.addAttribute("typed", typed);
	}
}
