package org.lawtrace.recordings.web;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.recordings.Derivative;
import org.lawtrace.recordings.DerivativeKind;
import org.lawtrace.recordings.RecordingCatalog;
import org.lawtrace.recordings.RecordingDerivatives;
import org.lawtrace.recordings.RecordingId;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.staff.Permissions;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A recording's poster frame and browser-playable copy, made where ffmpeg is installed. They are for viewing only:
 * the original, at {@code /content}, is untouched and stays the evidence (ART-22(2)).
 */
@RestController
@RequestMapping("/api/v1")
class RecordingDerivativeController {

	private final RecordingCatalog catalog;
	private final RecordingDerivatives derivatives;
	private final RecordingContent content;
	private final BureauTime time;

	RecordingDerivativeController(RecordingCatalog catalog, RecordingDerivatives derivatives, RecordingContent content,
			BureauTime time) {
		this.catalog = catalog;
		this.derivatives = derivatives;
		this.content = content;
		this.time = time;
	}

	/**
	 * @param href where the copy is served, when it was made.
	 * @param reason why it could not be made, when it was not.
	 */
	record DerivativeView(DerivativeKind kind, String kindName, Derivative.Status status, String mediaType,
			@Nullable Long sizeBytes, @Nullable String sha256, @Nullable String sm3, OffsetDateTime madeAt, String tool,
			@Nullable String reason, @Nullable String href) {
	}

	/** What was made from a recording so far, and what could not be; empty for photos, audio and without ffmpeg. */
	@GetMapping("/recordings/{id}/derivatives")
	@Permissions.ReadRecords
	List<DerivativeView> list(@PathVariable UUID id, Authentication caller) {
		catalog.requireVisible(new RecordingId(id), caller.getName()); // ART-20: metadata too
		return derivatives.of(new RecordingId(id)).stream().map(d -> view(id, d)).toList();
	}

	/** A JPEG still of the video, about a second in. */
	@GetMapping("/recordings/{id}/poster")
	@Permissions.ReadRecords
	void poster(@PathVariable UUID id, HttpServletRequest request, HttpServletResponse response, Authentication caller)
			throws IOException {
		serve(id, DerivativeKind.POSTER, caller.getName(), request, response);
	}

	/** An H.264/AAC MP4 of a video in a format browsers cannot play, with HTTP Range for seeking. */
	@GetMapping("/recordings/{id}/playable")
	@Permissions.ReadRecords
	void playable(@PathVariable UUID id, HttpServletRequest request, HttpServletResponse response,
			Authentication caller) throws IOException {
		serve(id, DerivativeKind.PLAYABLE, caller.getName(), request, response);
	}

	private void serve(UUID id, DerivativeKind kind, String viewer, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		content.serveDerivative(new RecordingId(id), kind, viewer, request, response);
	}

	private DerivativeView view(UUID id, Derivative d) {
		var digest = d.digest();
		var href = d.made() ? "/api/v1/recordings/" + id + "/" + d.kind().name().toLowerCase(Locale.ROOT) : null;
		return new DerivativeView(d.kind(), d.kind().chineseName(), d.status(), d.mediaType(),
				digest == null ? null : digest.sizeBytes(), digest == null ? null : digest.sha256(),
				digest == null ? null : digest.sm3(), time.local(d.madeAt()), d.tool(), d.reason(), href);
	}
}
