package org.lawtrace.cases.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.web.PageText;
import org.lawtrace.staff.Role;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.staff.Unit;
import org.springframework.stereotype.Component;

/**
 * The people a form offers as handlers or as present at a stage: enabled officers and assistants. The handler
 * picker offers only those who qualify today (ART-08: permanent staff with a valid enforcement certificate, not
 * suspended); the others are shown, not to be picked, with the reason.
 */
@Component
class StaffOptions {

	private final StaffDirectory staff;
	private final BureauTime time;

	StaffOptions(StaffDirectory staff, BureauTime time) {
		this.staff = staff;
		this.time = time;
	}

	List<Option> fieldStaff() {
		return staff.all().stream()
			.filter(m -> m.enabled() && (m.holds(Role.OFFICER) || m.holds(Role.ASSISTANT)))
			.map(m -> new Option(m.username(), m.name()))
			.toList();
	}

	/** ART-08: everyone in the field, those who may handle a case first, each with why not if they may not. */
	List<HandlerChoice> handlerChoices() {
		var today = time.today();
		var standing = staff.standingOfAll();
		Map<?, String> units = staff.units().stream().collect(Collectors.toMap(Unit::id, Unit::name, (a, b) -> a));
		return staff.all().stream()
			.filter(m -> m.enabled() && (m.holds(Role.OFFICER) || m.holds(Role.ASSISTANT)))
			.map(m -> {
				var q = standing.qualificationOf(m, today);
				var why = q.enforcementOfficer() ? ""
						: q.reasons().stream().map(PageText::forPage).collect(Collectors.joining("；"));
				return new HandlerChoice(m.username(), m.name(), units.getOrDefault(m.unitId(), ""),
						q.enforcementOfficer(), why);
			})
			.sorted(Comparator.comparing((HandlerChoice c) -> !c.qualified()))
			.toList();
	}

	record Option(String username, String name) {
	}

	/** @param whyNot why the person may not handle a case today, in the page's language; empty if they may. */
	record HandlerChoice(String username, String name, String unit, boolean qualified, String whyNot) {
	}

}
