package org.lawtrace.recordings.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.recordings.CorrectionRequestId;
import org.lawtrace.recordings.NewCorrectionRequest;
import org.lawtrace.recordings.RecordingCorrections;
import org.lawtrace.recordings.RecordingId;
import org.lawtrace.recordings.web.CorrectionViews.CorrectionView;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.staff.Permissions;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Corrections (更正申请) of a recording's recorder, times or case link over REST: asked for with a reason by those
 * close to the recording, decided by the deputy director in charge or the director (issue 11, ART-14, ART-20).
 */
@RestController
@RequestMapping("/api/v1")
class CorrectionController {

	private final RecordingCorrections corrections;
	private final CorrectionViews views;

	CorrectionController(RecordingCorrections corrections, CorrectionViews views) {
		this.corrections = corrections;
		this.views = views;
	}

	/**
	 * Asks to correct a recording's recorder, times or case link (更正申请), with a reason; a leader decides it (the
	 * deputy director in charge, the director for major cases), and it never gives the person asking access to the
	 * record (ART-14, ART-20). Answers 201 with the pending request.
	 */
	@PostMapping("/recordings/{id}/corrections")
	@Permissions.MakeRecordings
	ResponseEntity<CorrectionView> request(@PathVariable UUID id, @RequestBody NewCorrectionRequest command,
			Authentication caller) {
		var correction = corrections.request(new RecordingId(id), command, caller.getName());
		return ResponseEntity.created(URI.create("/api/v1/corrections/" + correction.id())).body(views.of(correction));
	}

	/** The correction requests of a recording, to whoever may see the recording's metadata. */
	@GetMapping("/recordings/{id}/corrections")
	@Permissions.ReadRecords
	List<CorrectionView> ofRecording(@PathVariable UUID id, Authentication caller) {
		return views.of(corrections.ofRecording(new RecordingId(id), caller.getName()));
	}

	/** {@code PENDING}: those the caller may decide now; {@code DECIDED}: those the caller decided. */
	@GetMapping("/corrections")
	@Permissions.DecideRequests
	List<CorrectionView> list(@RequestParam(defaultValue = "PENDING") String status, Authentication caller) {
		return switch (status) {
			case "PENDING" -> views.of(corrections.toDecide(caller.getName()));
			case "DECIDED" -> views.of(corrections.decidedBy(caller.getName()));
			default -> throw new InvalidInput("status", "status 只能为 PENDING 或 DECIDED (status is PENDING or DECIDED)");
		};
	}

	/** One correction request, to whoever may see the recording's metadata or decide the request. */
	@GetMapping("/corrections/{id}")
	@Permissions.ReadRecords
	CorrectionView get(@PathVariable UUID id, Authentication caller) {
		return views.of(corrections.visibleTo(new CorrectionRequestId(id), caller.getName()));
	}

	/**
	 * A leader approves a correction request someone else made; the correction is written as a new revision of the
	 * recording (ART-14).
	 */
	@PostMapping("/corrections/{id}/approval")
	@Permissions.DecideRequests
	CorrectionView approve(@PathVariable UUID id, @RequestBody(required = false) @Nullable Decision body,
			Authentication caller) {
		return views.of(corrections.approve(new CorrectionRequestId(id), body == null ? null : body.text(),
				caller.getName()));
	}

	/** A leader turns a correction request down, with an optional reason. */
	@PostMapping("/corrections/{id}/rejection")
	@Permissions.DecideRequests
	CorrectionView reject(@PathVariable UUID id, @RequestBody(required = false) @Nullable Decision body,
			Authentication caller) {
		return views.of(corrections.reject(new CorrectionRequestId(id), body == null ? null : body.text(),
				caller.getName()));
	}

	/** A decision's reason (意见), as {@code reason} or {@code opinion}; required for a rejection. */
	record Decision(@Nullable String reason, @Nullable String opinion) {

		@Nullable
		String text() {
			return reason != null ? reason : opinion;
		}
	}
}
