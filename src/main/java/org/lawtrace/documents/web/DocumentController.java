package org.lawtrace.documents.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.documents.CaseFile;
import org.lawtrace.documents.CaseFileContents;
import org.lawtrace.documents.DocumentCatalog;
import org.lawtrace.documents.DocumentId;
import org.lawtrace.documents.DocumentKind;
import org.lawtrace.documents.DocumentRegistry;
import org.lawtrace.documents.KindCatalogue;
import org.lawtrace.documents.KindDefinition;
import org.lawtrace.documents.RecordConfirmation;
import org.lawtrace.documents.RecordService;
import org.lawtrace.documents.RegisterDocument;
import org.lawtrace.documents.web.DocumentViews.DocumentView;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.shared.web.InputRules;
import org.lawtrace.staff.Permissions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Text records over REST (ART-05, ART-14): document kinds, registering documents with their files, changes as new
 * versions, signatures and seals, service, the file's content for those it is open to (ART-20), and a closed case's
 * volumes with their contents list as PDF. No route deletes or replaces a document or a version.
 */
@RestController
@RequestMapping("/api/v1")
class DocumentController {

	private final DocumentCatalog catalog;
	private final DocumentRegistry registry;
	private final KindCatalogue kindCatalogue;
	private final CaseFile caseFile;
	private final DocumentFiles files;
	private final DocumentViews views;
	private final JsonMapper json;
	private final long maxUploadBytes;

	DocumentController(DocumentCatalog catalog, DocumentRegistry registry, KindCatalogue kindCatalogue,
			CaseFile caseFile, DocumentFiles files, DocumentViews views, JsonMapper json,
			@Value("${lawtrace.documents.max-upload-bytes:67108864}") long maxUploadBytes) {
		this.catalog = catalog;
		this.registry = registry;
		this.kindCatalogue = kindCatalogue;
		this.caseFile = caseFile;
		this.files = files;
		this.views = views;
		this.json = json;
		this.maxUploadBytes = maxUploadBytes;
	}

	/**
	 * The document kinds (文书种类) in force: code, names, which confirmations (signature, seal, page by page) each needs.
	 */
	@GetMapping("/document-kinds")
	@Permissions.SignedIn
	List<DocumentKind> kinds() {
		return catalog.kinds();
	}

	/** One document kind as in force now. */
	@GetMapping("/document-kinds/{code}")
	@Permissions.SignedIn
	DocumentKind kind(@PathVariable String code) {
		return catalog.kind(code);
	}

	/** Every version of a document kind, oldest first; a document keeps the version it was registered under. */
	@GetMapping("/document-kinds/{code}/versions")
	@Permissions.SignedIn
	List<DocumentKind> kindHistory(@PathVariable String code) {
		return catalog.kindHistory(code);
	}

	/** Adds a kind or saves its next version; documents keep the version they were registered under. */
	@PutMapping("/document-kinds/{code}")
	@Permissions.ManageSettings
	DocumentKind defineKind(@PathVariable String code, @RequestBody KindDefinition definition, Authentication caller) {
		return kindCatalogue.define(code, definition, caller.getName());
	}

	/** ART-05: a {@code metadata} JSON part ({@link RegisterDocument}) and the {@code file} part (PDF, JPEG, PNG). */
	@PostMapping(path = "/documents", consumes = "multipart/form-data")
	@Permissions.WriteDocuments
	ResponseEntity<DocumentView> register(HttpServletRequest request, Authentication caller) throws IOException {
		var form = FormParts.read(request.getContentType(), request.getInputStream(), maxUploadBytes);
		var metadata = metadata(form, RegisterDocument.class);
		var file = form.file("file");
		var registered = registry.register(metadata, new ByteArrayInputStream(file.content()),
				file.fileName() == null ? "" : file.fileName(), caller.getName());
		return ResponseEntity.created(URI.create("/api/v1/documents/" + registered.id())).body(views.of(registered));
	}

	/** The documents of a case that the caller may see (ART-20); the others are left out, not counted. */
	@GetMapping("/documents")
	@Permissions.ReadRecords
	List<DocumentView> list(@RequestParam UUID caseId, Authentication caller) {
		// ART-20: only the documents the caller may see
		return catalog.visibleOf(new CaseId(caseId), caller.getName()).stream().map(views::of).toList();
	}

	/**
	 * One document with its versions, confirmations and services, to whoever may see it (ART-20); to anyone else 404.
	 */
	@GetMapping("/documents/{id}")
	@Permissions.ReadRecords
	DocumentView get(@PathVariable UUID id, Authentication caller) {
		return views.of(catalog.requireVisible(new DocumentId(id), caller.getName()));
	}

	/** ART-20: the file of a version (the current one unless asked), for those it is open to; each viewing is logged. */
	@GetMapping("/documents/{id}/content")
	@Permissions.ReadRecords
	ResponseEntity<StreamingResponseBody> content(@PathVariable UUID id,
			@RequestParam(required = false) @Nullable Integer version, Authentication caller) {
		return files.serve(catalog.requireVisible(new DocumentId(id), caller.getName()), version, caller.getName());
	}

	/** ART-05.4: a change as a new version, with a {@code metadata} part {@code {"reason": ...}} and the {@code file}. */
	@PostMapping(path = "/documents/{id}/versions", consumes = "multipart/form-data")
	@Permissions.WriteDocuments
	ResponseEntity<DocumentView> change(@PathVariable UUID id, HttpServletRequest request, Authentication caller)
			throws IOException {
		var form = FormParts.read(request.getContentType(), request.getInputStream(), maxUploadBytes);
		var metadata = metadata(form, Change.class);
		var file = form.file("file");
		var changed = registry.change(new DocumentId(id), metadata.reason(), new ByteArrayInputStream(file.content()),
				file.fileName() == null ? "" : file.fileName(), caller.getName());
		return ResponseEntity.status(HttpStatus.CREATED).body(views.of(changed));
	}

	record Change(@Nullable String reason) {
	}

	/** ART-05.3: a signature, seal or refusal against a version. */
	@PostMapping("/documents/{id}/confirmations")
	@Permissions.WriteDocuments
	ResponseEntity<DocumentView> confirm(@PathVariable UUID id, @RequestBody RecordConfirmation confirmation,
			Authentication caller) {
		var confirmed = registry.confirm(new DocumentId(id), confirmation, caller.getName());
		return ResponseEntity.status(HttpStatus.CREATED).body(views.of(confirmed));
	}

	/** SAMR-PR Art. 82, ART-06.2: a service of the document on the party. */
	@PostMapping("/documents/{id}/services")
	@Permissions.WriteDocuments
	ResponseEntity<DocumentView> serve(@PathVariable UUID id, @RequestBody RecordService service,
			Authentication caller) {
		var served = registry.serve(new DocumentId(id), service, caller.getName());
		return ResponseEntity.status(HttpStatus.CREATED).body(views.of(served));
	}

	/** ART-05.4: a document or version is never deleted or replaced; a change is a new version. */
	@RequestMapping(path = { "/documents/{id}", "/documents/{id}/content" },
			method = { RequestMethod.DELETE, RequestMethod.PUT, RequestMethod.PATCH })
	@Permissions.SignedIn
	ResponseEntity<ProblemDetail> refuseAlteration(@PathVariable String id, HttpServletRequest request,
			Authentication caller) {
		return refused(id, request, caller);
	}

	/** ART-05.4: a document's version is never deleted or replaced; a change is a new version. */
	@RequestMapping(path = "/documents/{id}/versions/{version}",
			method = { RequestMethod.DELETE, RequestMethod.PUT, RequestMethod.PATCH })
	@Permissions.SignedIn
	ResponseEntity<ProblemDetail> refuseVersionAlteration(@PathVariable String id,
			@PathVariable("version") String version, HttpServletRequest request, Authentication caller) {
		return refused(id, request, caller);
	}

	private ResponseEntity<ProblemDetail> refused(String id, HttpServletRequest request, Authentication caller) {
		catalog.refuseAlteration(id, caller.getName(), request.getMethod(), request.getRequestURI());
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED,
				"文书及其版本不得删除或替换，修改请提交新版本 (documents are never deleted or replaced; post a new version)");
		return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).header("Allow", "GET, POST").body(problem);
	}

	/** ART-14: a closed case's main and secondary volumes, in the order of SAMR-PR Art. 78. */
	@GetMapping("/cases/{caseId}/file")
	@Permissions.ReadRecords
	CaseFileContents file(@PathVariable UUID caseId, Authentication caller) {
		return caseFile.assemble(new CaseId(caseId), caller.getName());
	}

	/** ART-14: the volumes' contents lists (卷内文件目录) as one PDF. */
	@GetMapping(path = "/cases/{caseId}/file/contents.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	@Permissions.ReadRecords
	ResponseEntity<byte[]> contentsList(@PathVariable UUID caseId, Authentication caller) {
		var pdf = files.contentsList(new CaseId(caseId), caller.getName());
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("contents-" + caseId + ".pdf").build().toString())
			.body(pdf);
	}

	private <T> T metadata(FormParts form, Class<T> type) {
		var part = form.part("metadata")
			.orElseThrow(() -> new InvalidInput("metadata", "缺少 metadata 部分 (no metadata part)"));
		try {
			return InputRules.checked(json.readValue(part.content(), type));
		}
		catch (tools.jackson.core.JacksonException e) {
			var field = e.getPath().isEmpty() || e.getPath().get(0).getPropertyName() == null ? "metadata"
					: e.getPath().get(0).getPropertyName();
			throw new InvalidInput(field, "元数据格式不正确 (malformed metadata): " + field);
		}
	}
}
