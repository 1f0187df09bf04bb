package org.lawtrace.access.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.access.AccessManagement;
import org.lawtrace.access.AccessRequestId;
import org.lawtrace.access.NewAccessRequest;
import org.lawtrace.access.web.AccessRequestViews.AccessRequestView;
import org.lawtrace.staff.Permissions;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Access requests over REST (ART-20): ask, list one's own and those to decide, approve or reject with an opinion,
 * revoke a grant. Requests of others are not found; refused decisions are 403 or 409 and logged.
 */
@RestController
@RequestMapping("/api/v1/access-requests")
class AccessRequestController {

	private final AccessManagement access;
	private final AccessRequestViews views;

	AccessRequestController(AccessManagement access, AccessRequestViews views) {
		this.access = access;
		this.views = views;
	}

	/**
	 * Asks to see records (调阅申请, ART-20): a whole case or named records, with the purpose and for how many days; the
	 * request is routed to the approver in charge. Answers 201 with the request.
	 */
	@PostMapping
	@Permissions.RequestAccess
	ResponseEntity<AccessRequestView> request(@RequestBody NewAccessRequest body, Authentication caller) {
		var made = access.request(body, caller.getName());
		return ResponseEntity.created(URI.create("/api/v1/access-requests/" + made.id())).body(views.of(made));
	}

	/** The caller's own requests, newest first, with their outcomes. */
	@GetMapping
	@Permissions.RequestAccess
	List<AccessRequestView> mine(Authentication caller) {
		return views.of(access.mine(caller.getName()));
	}

	/** The pending requests routed to the caller, oldest first. */
	@GetMapping("/to-decide")
	@Permissions.DecideRequests
	List<AccessRequestView> toDecide(Authentication caller) {
		return views.of(access.toDecide(caller.getName()));
	}

	/** One access request, to its requester, whoever decided or may decide it, whoever revoked it, and the director. */
	@GetMapping("/{id}")
	@Permissions.RequestAccess
	AccessRequestView get(@PathVariable UUID id, Authentication caller) {
		return views.of(access.visibleTo(new AccessRequestId(id), caller.getName()));
	}

	/**
	 * The approver the request is routed to approves it, with an optional opinion; the grant is live from now for the
	 * days asked (ART-20).
	 */
	@PostMapping("/{id}/approval")
	@Permissions.DecideRequests
	AccessRequestView approve(@PathVariable UUID id, @RequestBody(required = false) @Nullable Decision body,
			Authentication caller) {
		return views.of(access.approve(new AccessRequestId(id), body == null ? null : body.opinion(), caller.getName()));
	}

	/** The approver the request is routed to turns it down, with an optional opinion (ART-20). */
	@PostMapping("/{id}/rejection")
	@Permissions.DecideRequests
	AccessRequestView reject(@PathVariable UUID id, @RequestBody(required = false) @Nullable Decision body,
			Authentication caller) {
		return views.of(access.reject(new AccessRequestId(id), body == null ? null : body.opinion(), caller.getName()));
	}

	/** Ends a live grant at once: its approver or the director withdraws it, or the requester gives it up. */
	@PostMapping("/{id}/revocation")
	@Permissions.RequestAccess
	AccessRequestView revoke(@PathVariable UUID id, @RequestBody(required = false) @Nullable Revocation body,
			Authentication caller) {
		return views.of(access.revoke(new AccessRequestId(id), body == null ? null : body.reason(), caller.getName()));
	}

	record Decision(@Nullable String opinion) {
	}

	record Revocation(@Nullable String reason) {
	}
}
