package org.lawtrace.documents.web;

import org.jspecify.annotations.Nullable;
import org.lawtrace.documents.CaseFile;
import org.lawtrace.documents.Document;
import org.lawtrace.documents.DocumentCatalog;
import org.lawtrace.shared.CaseId;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Hands out a document's file (after the ART-20 check) and a case file's contents list, for the API and pages. */
@Component
class DocumentFiles {

	private final DocumentCatalog catalog;
	private final CaseFile caseFile;

	DocumentFiles(DocumentCatalog catalog, CaseFile caseFile) {
		this.catalog = catalog;
		this.caseFile = caseFile;
	}

	ResponseEntity<StreamingResponseBody> serve(Document document, @Nullable Integer version, String actor) {
		var v = version == null ? document.current() : document.version(version);
		var in = catalog.open(document, v.number(), actor);
		StreamingResponseBody body = out -> {
			try (in) {
				in.transferTo(out);
			}
		};
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(v.mediaType()))
			.contentLength(v.digest().sizeBytes())
			.eTag("\"" + v.digest().sha256() + "\"")
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(v.fileName(), java.nio.charset.StandardCharsets.UTF_8).build()
						.toString())
			.body(body);
	}

	byte[] contentsList(CaseId caseId, String actor) {
		return caseFile.contentsListPdf(caseId, actor);
	}
}
