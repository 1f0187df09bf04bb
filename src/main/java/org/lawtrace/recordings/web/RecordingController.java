package org.lawtrace.recordings.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.recordings.Correction;
import org.lawtrace.recordings.RecordingCatalog;
import org.lawtrace.recordings.RecordingCorrections;
import org.lawtrace.recordings.RecordingId;
import org.lawtrace.recordings.RecordingKind;
import org.lawtrace.recordings.RecordingQuery;
import org.lawtrace.recordings.UploadDescription;
import org.lawtrace.recordings.web.RecordingViews.RecordingView;
import org.lawtrace.recordings.web.RecordingViews.RevisionView;
import org.lawtrace.shared.CaseId;
import org.lawtrace.staff.Permissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Audio-visual records over REST: streaming upload, listing with labels, revisions, and playback with HTTP Range.
 * Originals are never deleted or replaced through any route (ART-22(2)).
 */
@RestController
@RequestMapping("/api/v1")
class RecordingController {

	private static final Logger log = LoggerFactory.getLogger("lawtrace.security");

	private final StreamedUpload upload;
	private final RecordingCatalog catalog;
	private final RecordingViews views;
	private final RecordingContent content;
	private final RecordingCorrections corrections;

	RecordingController(StreamedUpload upload, RecordingCatalog catalog, RecordingViews views,
			RecordingContent content, RecordingCorrections corrections) {
		this.corrections = corrections;
		this.upload = upload;
		this.catalog = catalog;
		this.views = views;
		this.content = content;
	}

	/**
	 * ART-15.1: a streamed multipart upload ({@link StreamedUpload}); 201 when stored, 200 when already stored and
	 * the caller may see the stored recording, 409 with nothing of it when they may not (ART-20).
	 */
	@PostMapping(path = "/recordings", consumes = "multipart/form-data")
	@Permissions.UploadRecordings
	ResponseEntity<RecordingView> upload(HttpServletRequest request, Authentication caller,
			@RequestHeader(name = "Repr-Digest", required = false) @Nullable String reprDigest,
			@RequestHeader(name = "Content-Digest", required = false) @Nullable String contentDigest) {
		var announced = ReprDigest.sha256Hex(reprDigest != null ? reprDigest : contentDigest);
		var ingested = upload.receive(request, caller.getName(), UploadDescription.class, d -> d, announced);
		var view = views.of(ingested.recording());
		return ResponseEntity.status(ingested.alreadyStored() ? HttpStatus.OK : HttpStatus.CREATED)
			.location(URI.create("/api/v1/recordings/" + view.id()))
			.body(view);
	}

	/**
	 * Whether the platform holds exactly these bytes: what a station's agent asks before it lets a camera be
	 * cleared. It says no more than that, so machines that may upload need no right to read recordings. Only
	 * stations and custodians ask it (ART-20): to anyone else it would tell which files the bureau holds.
	 */
	@GetMapping("/recordings/digests/{sha256}")
	@Permissions.CheckStoredContent
	StoredDigest stored(@PathVariable String sha256) {
		var hex = org.lawtrace.shared.ContentDigest.requireHex256("sha256", sha256);
		var found = catalog.search(new RecordingQuery(null, null, null, hex, null, 0, 1)).items();
		if (found.isEmpty()) {
			throw new org.lawtrace.shared.NotFound("recording with SHA-256", hex);
		}
		var r = found.get(0);
		return new StoredDigest(r.id().id(), r.digest().sha256(), r.digest().sm3(), r.digest().sizeBytes());
	}

	record StoredDigest(UUID recordingId, String sha256, @Nullable String sm3, long sizeBytes) {
	}

	/**
	 * Finds recordings by case, unlinked, recorder, digest or kind, a page at a time; only those the caller may see
	 * are listed and counted (ART-20).
	 */
	@GetMapping("/recordings")
	@Permissions.ReadRecords
	Page list(@RequestParam(required = false) @Nullable UUID caseId,
			@RequestParam(required = false) @Nullable Boolean unlinked,
			@RequestParam(required = false) @Nullable String recordedBy,
			@RequestParam(required = false) @Nullable String sha256,
			@RequestParam(required = false) @Nullable RecordingKind kind, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, Authentication caller) {
		// ART-20: only the recordings the caller may see, and the total counts only those
		var found = catalog.search(new RecordingQuery(caseId == null ? null : new CaseId(caseId), unlinked, recordedBy,
				sha256 == null ? null : sha256.toLowerCase(java.util.Locale.ROOT), kind, page, size), caller.getName());
		return new Page(views.of(found.items()), found.total(), found.page(), found.size());
	}

	/**
	 * One recording with its labels, digests and current revision, to whoever may see its metadata (ART-20); the view
	 * is logged (ART-22).
	 */
	@GetMapping("/recordings/{id}")
	@Permissions.ReadRecords
	RecordingView get(@PathVariable UUID id, Authentication caller) {
		// ART-22: a view of one record is logged, before it is answered
		return views.of(catalog.view(new RecordingId(id), caller.getName()));
	}

	/**
	 * Every revision of a recording, oldest first: who changed what, when, why, and who approved it if it was a
	 * correction.
	 */
	@GetMapping("/recordings/{id}/revisions")
	@Permissions.ReadRecords
	List<RevisionView> revisions(@PathVariable UUID id, Authentication caller) {
		catalog.requireVisible(new RecordingId(id), caller.getName());
		return views.revisions(catalog.history(new RecordingId(id)), corrections.approvals(new RecordingId(id)));
	}

	/**
	 * ART-06, ART-15.2: link a daily enforcement recording to an open case, or change its device or the stages of its
	 * open case, as a new revision with its reason. Recorder, times and taking it out of or moving it between cases
	 * answer 409 naming the field: those are corrections ({@code /recordings/{id}/corrections}); so does any change
	 * touching a closed case (ART-14, issue 11).
	 */
	@PostMapping("/recordings/{id}/revisions")
	@Permissions.UploadRecordings
	ResponseEntity<RecordingView> revise(@PathVariable UUID id, @RequestBody Correction correction,
			Authentication caller) {
		var revised = catalog.revise(new RecordingId(id), correction, caller.getName());
		return ResponseEntity.status(HttpStatus.CREATED).body(views.of(revised));
	}

	/** Plays back the original with HTTP Range, its true media type and its digest as ETag. */
	@GetMapping("/recordings/{id}/content")
	@Permissions.ReadRecords
	void content(@PathVariable UUID id, HttpServletRequest request, HttpServletResponse response,
			Authentication caller) throws IOException {
		content.serve(new RecordingId(id), caller.getName(), request, response);
	}

	/** ART-22(2): no route deletes or replaces an original; the attempt is refused and recorded. */
	@RequestMapping(path = { "/recordings/{id}", "/recordings/{id}/content" },
			method = { RequestMethod.DELETE, RequestMethod.PUT, RequestMethod.PATCH })
	@Permissions.SignedIn
	ResponseEntity<ProblemDetail> refuseAlteration(@PathVariable String id, HttpServletRequest request,
			Authentication caller) {
		log.warn("Refused {} {} by {}: originals are never deleted or altered (ART-22(2))", request.getMethod(),
				request.getRequestURI(), caller.getName());
		catalog.refuseAlteration(id, caller.getName(), request.getMethod(), request.getRequestURI());
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED,
				"原始音像记录不得删除或修改，此次尝试已记录 (originals are never deleted or altered; the attempt is recorded, ART-22(2))");
		return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).header("Allow", "GET, HEAD").body(problem);
	}

	record Page(List<RecordingView> items, long total, int page, int size) {
	}
}
