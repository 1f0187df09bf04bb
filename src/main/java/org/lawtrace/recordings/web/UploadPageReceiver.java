package org.lawtrace.recordings.web;

import java.net.URI;

import org.lawtrace.recordings.web.RecordingViews.RecordingView;
import org.lawtrace.shared.BureauTime;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where the upload page's script sends each file: the API's streamed upload, but under the pages' session and
 * CSRF protection (the token in the {@code X-CSRF-TOKEN} header, since the body is the file). It answers as the API
 * does, the recording as JSON or a refusal as problem+json naming the field, for the script to show beside the file.
 */
@RestController
class UploadPageReceiver {

	private final StreamedUpload upload;
	private final RecordingViews views;
	private final BureauTime time;

	UploadPageReceiver(StreamedUpload upload, RecordingViews views, BureauTime time) {
		this.upload = upload;
		this.views = views;
		this.time = time;
	}

	@PostMapping(path = "/recordings/upload", consumes = "multipart/form-data")
	@PreAuthorize(StaffUploaders.ROLES)
	ResponseEntity<RecordingView> upload(HttpServletRequest request, Authentication caller) {
		var ingested = upload.receive(request, caller.getName(), UploadPageMetadata.class,
				m -> m.description(time.zone()), null);
		var view = views.of(ingested.recording());
		return ResponseEntity.status(ingested.alreadyStored() ? HttpStatus.OK : HttpStatus.CREATED)
			.location(URI.create("/recordings/" + view.id()))
			.body(view);
	}
}
