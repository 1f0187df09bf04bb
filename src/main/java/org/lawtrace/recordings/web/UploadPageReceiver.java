package org.lawtrace.recordings.web;

import java.net.URI;

import org.lawtrace.recordings.RecordingIngest;
import org.lawtrace.recordings.web.RecordingViews.RecordingView;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.staff.Permissions;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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
	private final RecordingIngest ingest;
	private final RecordingViews views;
	private final BureauTime time;

	UploadPageReceiver(StreamedUpload upload, RecordingIngest ingest, RecordingViews views, BureauTime time) {
		this.upload = upload;
		this.ingest = ingest;
		this.views = views;
		this.time = time;
	}

	/**
	 * Checks the description once before any file is sent. The upload checks it again before reading its file, but
	 * a refusal that arrives while a large file is still being sent may reach the browser only as a broken link.
	 */
	@PostMapping(path = "/recordings/upload/check", consumes = "application/json")
	@Permissions.MakeRecordings
	ResponseEntity<Void> check(@RequestBody UploadPageMetadata metadata, Authentication caller) {
		ingest.prepare(metadata.description(time.zone()), caller.getName());
		return ResponseEntity.noContent().build();
	}

	/** The upload page's form: a metadata part and the file, streamed into the store like the API's upload. */
	@PostMapping(path = "/recordings/upload", consumes = "multipart/form-data")
	@Permissions.MakeRecordings
	ResponseEntity<RecordingView> upload(HttpServletRequest request, Authentication caller) {
		var ingested = upload.receive(request, caller.getName(), UploadPageMetadata.class,
				m -> m.description(time.zone()), null);
		var view = views.of(ingested.recording());
		return ResponseEntity.status(ingested.alreadyStored() ? HttpStatus.OK : HttpStatus.CREATED)
			.location(URI.create("/recordings/" + view.id()))
			.body(view);
	}
}
