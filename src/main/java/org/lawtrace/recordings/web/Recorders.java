package org.lawtrace.recordings.web;

import java.util.List;

import org.lawtrace.staff.Role;
import org.lawtrace.staff.StaffDirectory;
import org.springframework.stereotype.Component;

/**
 * The people a page offers as who made a recording: enabled officers and assistants, the two roles that make
 * audio-visual records (ART-08). Whether the one chosen exists is still the ingest's call, so it can say why not.
 */
@Component
class Recorders {

	private final StaffDirectory staff;

	Recorders(StaffDirectory staff) {
		this.staff = staff;
	}

	List<Option> all() {
		return staff.all().stream()
			.filter(m -> m.enabled() && (m.holds(Role.OFFICER) || m.holds(Role.ASSISTANT)))
			.map(m -> new Option(m.username(), m.name()))
			.toList();
	}

	/**
	 * The recorders an uploader may name (issue 11): the custodian, who files others' material, any of them; anyone
	 * else only themselves, since otherwise the recorder is the device's holder, which the server looks up.
	 */
	List<Option> nameableBy(String uploader) {
		var people = all();
		var custodian = staff.byUsername(uploader).map(m -> m.holds(Role.CUSTODIAN)).orElse(false);
		return custodian ? people : people.stream().filter(p -> p.username().equals(uploader)).toList();
	}

	record Option(String username, String name) {
	}
}
