package org.lawtrace.recordings.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.jspecify.annotations.Nullable;
import org.lawtrace.recordings.Channel;
import org.lawtrace.recordings.Correction;
import org.lawtrace.recordings.RecordingCatalog;
import org.lawtrace.recordings.RecordingId;
import org.lawtrace.recordings.RecordingIngest;
import org.lawtrace.recordings.RecordingKind;
import org.lawtrace.recordings.RecordingQuery;
import org.lawtrace.recordings.UploadDescription;
import org.lawtrace.recordings.web.RecordingViews.RecordingView;
import org.lawtrace.recordings.web.RecordingViews.RevisionView;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.InvalidInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Audio-visual records over REST: streaming upload, listing with labels, revisions, and playback with HTTP Range.
 * Originals are never deleted or replaced through any route (ART-22(2)).
 */
@RestController
@RequestMapping("/api/v1")
class RecordingController {

	static final String READERS = "hasAnyRole('OFFICER','ASSISTANT','CUSTODIAN','LEGAL_AFFAIRS','DEPUTY_DIRECTOR',"
			+ "'DIRECTOR','DISCIPLINE')";
	static final String UPLOADERS = "hasAnyRole('OFFICER','ASSISTANT','CUSTODIAN','STATION')";
	private static final int MAX_METADATA_BYTES = 64 * 1024;
	private static final Logger log = LoggerFactory.getLogger("lawtrace.security");

	private final RecordingIngest ingest;
	private final RecordingCatalog catalog;
	private final RecordingViews views;
	private final RecordingContent content;
	private final JsonMapper json;

	RecordingController(RecordingIngest ingest, RecordingCatalog catalog, RecordingViews views,
			RecordingContent content, JsonMapper json) {
		this.ingest = ingest;
		this.catalog = catalog;
		this.views = views;
		this.content = content;
		this.json = json;
	}

	/**
	 * ART-15.1: a multipart upload, the {@code metadata} JSON part first and the {@code file} part after it, parsed as
	 * it streams in: the file goes through its digests into the store's spool once and is never held in memory.
	 */
	@PostMapping(path = "/recordings", consumes = "multipart/form-data")
	@PreAuthorize(UPLOADERS)
	ResponseEntity<RecordingView> upload(HttpServletRequest request, Authentication caller,
			@RequestHeader(name = "Repr-Digest", required = false) @Nullable String reprDigest,
			@RequestHeader(name = "Content-Digest", required = false) @Nullable String contentDigest) {
		var announced = ReprDigest.sha256Hex(reprDigest != null ? reprDigest : contentDigest);
		try {
			var parts = new JakartaServletFileUpload<DiskFileItem, DiskFileItemFactory>().getItemIterator(request);
			RecordingIngest.Prepared prepared = null;
			while (parts.hasNext()) {
				var part = parts.next();
				if ("metadata".equals(part.getFieldName())) {
					try (var in = part.getInputStream()) {
						prepared = ingest.prepare(description(in.readNBytes(MAX_METADATA_BYTES + 1)), caller.getName());
					}
				}
				else if ("file".equals(part.getFieldName())) {
					if (prepared == null) {
						throw new InvalidInput("metadata", "metadata 部分须在 file 部分之前 (send the metadata part before the file part)");
					}
					try (var in = part.getInputStream()) {
						var ingested = ingest.receive(prepared, in, part.getName(), announced, Channel.UPLOAD);
						var view = views.of(ingested.recording());
						return ResponseEntity.status(ingested.alreadyStored() ? HttpStatus.OK : HttpStatus.CREATED)
							.location(URI.create("/api/v1/recordings/" + view.id()))
							.body(view);
					}
				}
			}
			throw new InvalidInput("file", "缺少 file 部分 (no file part)");
		}
		catch (IOException | RuntimeException e) {
			throw UploadFailures.translate(e);
		}
	}

	@GetMapping("/recordings")
	@PreAuthorize(READERS)
	Page list(@RequestParam(required = false) @Nullable UUID caseId,
			@RequestParam(required = false) @Nullable Boolean unlinked,
			@RequestParam(required = false) @Nullable String recordedBy,
			@RequestParam(required = false) @Nullable String sha256,
			@RequestParam(required = false) @Nullable RecordingKind kind, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		var found = catalog.search(new RecordingQuery(caseId == null ? null : new CaseId(caseId), unlinked, recordedBy,
				sha256 == null ? null : sha256.toLowerCase(java.util.Locale.ROOT), kind, page, size));
		return new Page(views.of(found.items()), found.total(), found.page(), found.size());
	}

	@GetMapping("/recordings/{id}")
	@PreAuthorize(READERS)
	RecordingView get(@PathVariable UUID id) {
		return views.of(catalog.require(new RecordingId(id)));
	}

	@GetMapping("/recordings/{id}/revisions")
	@PreAuthorize(READERS)
	List<RevisionView> revisions(@PathVariable UUID id) {
		return views.revisions(catalog.history(new RecordingId(id)));
	}

	/** ART-06, ART-15.2: link to a case and stages, or correct metadata, as a new revision with its reason. */
	@PostMapping("/recordings/{id}/revisions")
	@PreAuthorize(UPLOADERS)
	ResponseEntity<RecordingView> revise(@PathVariable UUID id, @RequestBody Correction correction,
			Authentication caller) {
		var revised = catalog.revise(new RecordingId(id), correction, caller.getName());
		return ResponseEntity.status(HttpStatus.CREATED).body(views.of(revised));
	}

	/** Plays back the original with HTTP Range, its true media type and its digest as ETag. */
	@GetMapping("/recordings/{id}/content")
	@PreAuthorize(READERS)
	void content(@PathVariable UUID id, HttpServletRequest request, HttpServletResponse response,
			Authentication caller) throws IOException {
		content.serve(catalog.require(new RecordingId(id)), caller.getName(), request, response);
	}

	/** ART-22(2): no route deletes or replaces an original; the attempt is refused and recorded. */
	@RequestMapping(path = { "/recordings/{id}", "/recordings/{id}/content" },
			method = { RequestMethod.DELETE, RequestMethod.PUT, RequestMethod.PATCH })
	@PreAuthorize("isAuthenticated()")
	ResponseEntity<ProblemDetail> refuseAlteration(@PathVariable String id, HttpServletRequest request,
			Authentication caller) {
		log.warn("Refused {} {} by {}: originals are never deleted or altered (ART-22(2))", request.getMethod(),
				request.getRequestURI(), caller.getName());
		catalog.refuseAlteration(id, caller.getName(), request.getMethod(), request.getRequestURI());
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED,
				"原始音像记录不得删除或修改，此次尝试已记录 (originals are never deleted or altered; the attempt is recorded, ART-22(2))");
		return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).header("Allow", "GET, HEAD").body(problem);
	}

	private UploadDescription description(byte[] metadata) {
		if (metadata.length > MAX_METADATA_BYTES) {
			throw new InvalidInput("metadata", "元数据超过64KB (metadata part is larger than 64 KiB)");
		}
		try {
			return json.readValue(new String(metadata, StandardCharsets.UTF_8), UploadDescription.class);
		}
		catch (tools.jackson.core.JacksonException e) {
			var field = e.getPath().isEmpty() || e.getPath().get(0).getPropertyName() == null ? "metadata"
					: e.getPath().get(0).getPropertyName();
			throw new InvalidInput(field, "元数据格式不正确 (malformed metadata): " + field);
		}
	}

	record Page(List<RecordingView> items, long total, int page, int size) {
	}
}
