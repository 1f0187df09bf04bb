package org.lawtrace.storage.web;

import org.lawtrace.staff.Permissions;
import org.lawtrace.storage.ReplicationStatus;
import org.lawtrace.storage.Replication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Where the off-site replica (异地备份, ART-15.3) stands: for the custodian who keeps the backups (ART-13), the
 * director and the discipline unit who oversee them, and the administrator who runs the system; it shows digests,
 * counts, times and errors, never a record's content.
 */
@Controller
class ReplicationController {


	private final ReplicationStatus status;

	ReplicationController(ReplicationStatus status) {
		this.status = status;
	}

	/**
	 * The replication queue's length, the age of the oldest blob not yet copied (the lag), the copies that keep
	 * failing with their last error, the last verified copy and the last metadata export (and the last good one).
	 */
	@GetMapping("/api/v1/storage/replication")
	@Permissions.SeeReplication
	@ResponseBody
	Replication.State replication() {
		return status.state();
	}

	@GetMapping("/storage/replication")
	@Permissions.SeeReplication
	String page(Model model) {
		model.addAttribute("state", status.state());
		return "storage/replication";
	}
}
