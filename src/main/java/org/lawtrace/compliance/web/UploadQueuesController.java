package org.lawtrace.compliance.web;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.lawtrace.compliance.CaseCompliance;
import org.lawtrace.recordings.RecordingCatalog;
import org.lawtrace.recordings.RecordingQuery;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.UnitId;
import org.lawtrace.shared.web.Htmx;
import org.lawtrace.shared.web.PageText;
import org.lawtrace.staff.Permissions;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.staff.StaffMember;
import org.lawtrace.staff.Unit;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The custodian's queues (ART-13, ART-15.1): recordings stored after their deadline or still missing past it, with
 * their cases and the people concerned, and recordings not yet linked to a case, with who made them; and the home
 * page's tiles counting both. People by name and unit, cases by number, each line linking to the record.
 */
@Controller
class UploadQueuesController {

	static final int LISTED = 100;

	private final CaseCompliance compliance;
	private final RecordingCatalog recordings;
	private final StaffDirectory staff;
	private final BureauTime time;

	UploadQueuesController(CaseCompliance compliance, RecordingCatalog recordings, StaffDirectory staff,
			BureauTime time) {
		this.compliance = compliance;
		this.recordings = recordings;
		this.staff = staff;
		this.time = time;
	}

	@GetMapping("/compliance/queues/late-uploads")
	@Permissions.SeeUploadQueues
	String lateUploads(Model model) {
		var late = compliance.lateUploads(LISTED);
		var people = people(late.stream().flatMap(l -> l.people().stream()).toList());
		model.addAttribute("rows", late.stream().map(l -> new LateRow(l.missing(), l.caseId().id(), l.caseNumber(),
				l.record() == null ? null : l.record().id(), l.deadline(),
				l.people().stream().map(p -> people.apply(p)).filter(Objects::nonNull).toList(),
				PageText.forPage(l.detail()))).toList());
		model.addAttribute("total", compliance.lateUploadCount());
		return "compliance/late-uploads";
	}

	@GetMapping("/compliance/queues/unlinked")
	@Permissions.SeeUploadQueues
	String unlinked(@RequestParam(defaultValue = "0") int page, Authentication caller, Model model) {
		var found = recordings.search(new RecordingQuery(null, true, null, null, null, Math.max(0, page), LISTED),
				caller.getName());
		var people = people(found.items().stream().map(r -> r.current().recordedBy()).toList());
		model.addAttribute("rows", found.items().stream()
			.map(r -> new UnlinkedRow(r.id().id(), r.originalName(), people.apply(r.current().recordedBy()),
					time.local(r.current().startedAt()), time.local(r.uploadedAt())))
			.toList());
		model.addAttribute("total", found.total());
		return "compliance/unlinked";
	}

	/** The custodian's home tiles: how many late uploads and unlinked recordings wait. */
	@GetMapping("/compliance/fragments/custodian-tiles")
	@Permissions.SeeUploadQueues
	String tiles(Authentication caller, HttpServletRequest request, Model model) {
		if (!Htmx.wantsFragment(request)) {
			return "redirect:/";
		}
		model.addAttribute("late", compliance.lateUploadCount());
		model.addAttribute("unlinked", recordings.search(new RecordingQuery(null, true, null, null, null, 0, 1),
				caller.getName()).total());
		return "compliance/queue-tiles :: tiles";
	}

	/** Each person's name with their unit, as a page shows them. */
	private Function<StaffId, @Nullable String> people(Collection<StaffId> ids) {
		Map<UnitId, String> units = staff.units().stream().collect(Collectors.toMap(Unit::id, Unit::name));
		Map<StaffId, StaffMember> found = staff.byIds(new HashSet<>(ids)).stream()
			.collect(Collectors.toMap(StaffMember::id, Function.identity()));
		return id -> {
			var m = found.get(id);
			return m == null ? null : m.name() + "（" + units.getOrDefault(m.unitId(), "") + "）";
		};
	}

	record LateRow(boolean missing, UUID caseId, String caseNumber, @Nullable UUID recordingId,
			java.time.LocalDate deadline, List<String> people, String detail) {
	}

	record UnlinkedRow(UUID id, String name, @Nullable String recordedBy, OffsetDateTime startedAt,
			OffsetDateTime uploadedAt) {
	}
}
