package org.lawtrace.recordings.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.lawtrace.recordings.Recording;
import org.lawtrace.recordings.RecordingCatalog;
import org.lawtrace.recordings.RecordingContentServed;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.ContentDigest;
import org.springframework.context.ApplicationEventPublisher;
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
	private final ApplicationEventPublisher events;
	private final BureauTime time;

	RecordingContent(RecordingCatalog catalog, ApplicationEventPublisher events, BureauTime time) {
		this.catalog = catalog;
		this.events = events;
		this.time = time;
	}

	void serve(Recording recording, String viewer, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		var original = catalog.contentFor(recording, viewer);
		var size = recording.digest().sizeBytes();
		serve(recording.digest(), recording.facts().mediaType(), recording.originalName(), (offset, length) -> {
			// told before the bytes flow, so a viewing is on record even if the player hangs up half way
			var whole = offset == 0 && length == size;
			events.publishEvent(new RecordingContentServed(recording.id(), viewer,
					whole ? null : "bytes " + offset + "-" + (offset + length - 1) + "/" + size, time.now()));
			return original.open(offset, length);
		}, request, response);
	}

	/** Serves any stored blob the caller has already been let see, such as a recording's playable copy. */
	void serve(ContentDigest digest, String mediaType, String fileName, RecordingCatalog.Content opener, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
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
		try (var in = opener.open(offset, length); var out = response.getOutputStream()) {
			in.transferTo(out);
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
