package org.lawtrace.recordings.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.lawtrace.recordings.ContentPasses;
import org.lawtrace.recordings.DerivativeKind;
import org.lawtrace.recordings.RecordingDerivatives;
import org.lawtrace.recordings.PlaybackViewings;
import org.lawtrace.recordings.RecordingId;
import org.lawtrace.recordings.RecordingCatalog;
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.storage.BlobStore;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Streams an original to a player: the whole file, or the one byte range asked for (206), with the media type
 * read from its content and its SHA-256 as a strong ETag, so players can seek and caches can revalidate.
 */
@Component
class RecordingContent {

	private final RecordingCatalog catalog;
	private final ContentPasses passes;
	private final PlaybackViewings viewings;
	private final BlobStore store;
	private final RecordingDerivatives derivatives;

	RecordingContent(RecordingCatalog catalog, ContentPasses passes, PlaybackViewings viewings, BlobStore store,
			RecordingDerivatives derivatives) {
		this.derivatives = derivatives;
		this.catalog = catalog;
		this.passes = passes;
		this.viewings = viewings;
		this.store = store;
	}

	/**
	 * ART-20, ART-22: a recording's original to a player. Who may is decided once per viewer and recording for a few
	 * seconds ({@link ContentPasses}); the viewing is on record before the bytes flow ({@link PlaybackViewings}: one
	 * entry per viewing and window, not per range); the bytes go from the store's file by zero-copy where it can.
	 */
	void serve(RecordingId id, String viewer, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		send(passes.require(id, viewer), viewer, request, response);
	}

	private void send(org.lawtrace.recordings.Recording recording, String viewer, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		send(recording.digest(), recording.facts().mediaType(), recording.originalName(), (offset, length) -> {
			// told before the bytes flow, so a viewing is on record even if the player hangs up half way; a request
			// for the whole file without a range is a download, logged each time
			if (request.getHeader(HttpHeaders.RANGE) == null) {
				viewings.downloaded(recording.id(), recording.digest().sizeBytes(), viewer);
			}
			else {
				viewings.served(recording.id(), recording.digest().sizeBytes(), viewer, offset, length);
			}
			return true;
		}, request, response);
	}

	/**
	 * The pages' player route: as {@link #serve(RecordingId, String, HttpServletRequest, HttpServletResponse)}, and
	 * when the request was authenticated by its session alone (its cookie, no credentials of its own), the session
	 * may play the recording on for what is left of the kept decision without the session being loaded again
	 * ({@link LeanContentFilter}, ADR 0028).
	 */
	void servePage(RecordingId id, String viewer, HttpServletRequest request, HttpServletResponse response,
			String sessionCookie) throws IOException {
		var cookie = request.getHeader(HttpHeaders.AUTHORIZATION) == null && request.isRequestedSessionIdValid()
				? cookie(request, sessionCookie) : null;
		var recording = passes.require(id, viewer);
		if (cookie != null) {
			passes.keepForSession(id, viewer, sessionDigest(cookie));
		}
		send(recording, viewer, request, response);
	}

	/**
	 * The lean path (ADR 0028): a recording played by a session that earned it moments ago on the whole path, with
	 * the same viewing entries, ranges and answers; no session is loaded.
	 */
	void serveKept(ContentPasses.Kept kept, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Referrer-Policy", "same-origin");
		send(kept.recording(), kept.viewer(), request, response);
	}

	static java.lang.@org.jspecify.annotations.Nullable String cookie(HttpServletRequest request, String name) {
		var cookies = request.getCookies();
		if (cookies != null) {
			for (var cookie : cookies) {
				if (name.equals(cookie.getName())) {
					return cookie.getValue();
				}
			}
		}
		return null;
	}

	/** Kept decisions are looked up by a digest of the session cookie, so the map holds no session ids. */
	static String sessionDigest(String cookie) {
		try {
			return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
				.digest(cookie.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * A copy made from a recording (its poster frame, its playable copy), to whom the recording's content is open, as
	 * the API and the pages serve it alike: to someone who may not see the recording (ART-20) it does not exist, and
	 * the refusal is logged as the content's is.
	 */
	void serveDerivative(RecordingId id, DerivativeKind kind, String viewer, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		var recording = catalog.requireVisible(id, viewer);
		var made = derivatives.requireMade(recording, kind, viewer);
		serve(java.util.Objects.requireNonNull(made.digest()), made.mediaType(),
				kind.fileNameFor(recording.originalName()), (offset, length) -> derivatives.open(made, offset, length),
				request, response);
	}

	/** Serves any stored blob the caller has already been let see, such as a recording's playable copy. */
	void serve(ContentDigest digest, String mediaType, String fileName, RecordingCatalog.Content opener, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		send(digest, mediaType, fileName, (offset, length) -> {
			try (var in = opener.open(offset, length); var out = response.getOutputStream()) {
				copy(in, out);
			}
			return false;
		}, request, response);
	}

	/** What happens once the range is known: log it, or send it, answering whether the store still has to. */
	@FunctionalInterface
	private interface Sending {

		boolean before(long offset, long length) throws IOException;
	}

	private void send(ContentDigest digest, String mediaType, String fileName, Sending sending,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		var size = digest.sizeBytes();
		var etag = "\"" + digest.sha256() + "\"";
		response.setHeader(HttpHeaders.ETAG, etag);
		response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-transform");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "inline; filename*=UTF-8''"
				+ URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
		if (etag.equals(request.getHeader(HttpHeaders.IF_NONE_MATCH))) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		long offset = 0;
		long length = size;
		var range = request.getHeader(HttpHeaders.RANGE);
		var ifRange = request.getHeader(HttpHeaders.IF_RANGE);
		if (range != null && (ifRange == null || ifRange.equals(etag))) {
			var ranges = parse(range);
			var start = ranges == null || ranges.size() != 1 ? -1 : startOf(ranges.get(0), size);
			if (ranges == null || ranges.size() == 1 && start < 0) {
				response.setStatus(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
				response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + size);
				return;
			}
			// several ranges at once are rare for media players; RFC 9110 lets us answer with the whole file
			if (ranges.size() == 1) {
				offset = start;
				length = ranges.get(0).getRangeEnd(size) - offset + 1;
				response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
				response.setHeader(HttpHeaders.CONTENT_RANGE,
						"bytes " + offset + "-" + (offset + length - 1) + "/" + size);
			}
		}
		response.setContentType(mediaType);
		response.setContentLengthLong(length);
		if ("HEAD".equals(request.getMethod())) {
			return;
		}
		if (!sending.before(offset, length) || length == 0 || store.sendDirect(digest, offset, length, request)) {
			return;
		}
		try (var in = store.openRange(digest, offset, length); var out = response.getOutputStream()) {
			copy(in, out);
		}
	}

	/** In large pieces: a whole read (checked as it streams) costs fewer writes to the socket than transferTo's 8 KiB. */
	private static void copy(java.io.InputStream in, java.io.OutputStream out) throws IOException {
		var buffer = new byte[256 * 1024];
		for (int n; (n = in.read(buffer)) >= 0;) {
			out.write(buffer, 0, n);
		}
	}

	/** Where a range starts in a file of this size, or -1 when it lies wholly outside it. */
	private static long startOf(HttpRange range, long size) {
		try {
			var start = range.getRangeStart(size);
			return start < size ? start : -1;
		}
		catch (IllegalArgumentException outside) {
			return -1;
		}
	}

	private static java.util.@org.jspecify.annotations.Nullable List<HttpRange> parse(String header) {
		try {
			return HttpRange.parseRanges(header);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}
