package org.lawtrace.recordings.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.lawtrace.recordings.Channel;
import org.lawtrace.recordings.RecordingIngest;
import org.lawtrace.recordings.UploadDescription;
import org.lawtrace.shared.DomainException;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.shared.web.InputRules;
import org.lawtrace.shared.web.ProblemResponses;
import org.lawtrace.staff.Permissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import me.desair.tus.server.TusFileUploadService;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import me.desair.tus.server.exception.TusException;

/**
 * Resumable uploads with the tus 1.0 protocol at {@code /api/v1/uploads}: a body-cam file survives a broken link
 * and a server restart, since each upload's bytes and offset are kept on disk until it is whole. The upload's
 * {@code Upload-Metadata} carries the same description as a plain upload ({@code filename}, {@code recordedBy},
 * {@code deviceSerial}, {@code startedAt}, {@code endedAt}, {@code caseId}, {@code stageIds} comma-separated,
 * {@code sha256}); it is checked when the upload is created, so nobody sends gigabytes to be refused, and the
 * finished upload becomes a recording, named in the {@code Recording-Id} header of the last {@code PATCH}.
 */
@RestController
class TusUploads {

	static final String PATH = "/api/v1/uploads";
	private static final Logger log = LoggerFactory.getLogger(TusUploads.class);

	private static final Pattern DIGITS = Pattern.compile("[0-9]+");

	private final TusFileUploadService tus;
	private final RecordingIngest ingest;
	private final long maxUploadSize;

	TusUploads(RecordingIngest ingest, @Value("${lawtrace.data-dir}") String dataDir,
			@Value("${lawtrace.recordings.max-upload-size:68719476736}") long maxUploadSize,
			@Value("${lawtrace.recordings.unfinished-upload-kept:P7D}") Duration kept) {
		this.ingest = ingest;
		this.maxUploadSize = maxUploadSize;
		this.tus = new TusFileUploadService().withStoragePath(dataDir + "/uploads").withUploadUri(PATH)
			.withMaxUploadSize(maxUploadSize).withUploadExpirationPeriod(kept.toMillis());
	}

	/**
	 * Resumable upload of a recording by the tus 1.0 protocol (creation, checksum, termination; X-HTTP-Method-Override
	 * honoured): the recording's description travels in Upload-Metadata, and the final PATCH answers once the
	 * recording is stored (ART-15).
	 */
	@RequestMapping(path = { PATH, PATH + "/**" }, method = { RequestMethod.POST, RequestMethod.PATCH,
			RequestMethod.HEAD, RequestMethod.DELETE, RequestMethod.OPTIONS })
	@Permissions.UploadRecordings
	void process(HttpServletRequest request, HttpServletResponse response, Authentication caller) throws IOException {
		var owner = caller.getName();
		var method = methodOf(request);
		try {
			if ("POST".equals(method)) {
				// refuse a bad description, or a length beyond the limit, before a single byte of the file is sent
				checkLength(request.getHeader("Upload-Length"));
				ingest.prepare(description(metadata(request.getHeader("Upload-Metadata"))), owner);
			}
			tus.process(request, response, owner);
			var uri = "POST".equals(method) ? response.getHeader("Location") : request.getRequestURI();
			if (uri != null && ("PATCH".equals(method) || "POST".equals(method))) {
				completeIfWhole(uploadPath(uri), owner, response);
			}
		}
		catch (DomainException e) {
			problem(response, HttpStatus.valueOf(e.status()), e.getMessage(), e.field());
		}
		catch (TooLarge e) {
			problem(response, HttpStatus.CONTENT_TOO_LARGE, String.valueOf(e.getMessage()), "Upload-Length");
		}
	}

	/**
	 * tus 1.0: a client that cannot send PATCH (tus-java-client on {@code HttpURLConnection}, browsers behind some
	 * proxies) sends POST with {@code X-HTTP-Method-Override}, and the server MUST take the header as the method;
	 * tus-java-server does, so this controller must too, or it would take the PATCH for a new upload.
	 */
	static String methodOf(HttpServletRequest request) {
		var override = request.getHeader("X-HTTP-Method-Override");
		return override == null || override.isBlank() ? request.getMethod() : override.strip().toUpperCase(Locale.ROOT);
	}

	/**
	 * An {@code Upload-Length} over the limit, or too large to be a length at all (10^20), is 413 as tus says;
	 * tus-java-server would read the latter as no length and start an upload of deferred length instead. Without the
	 * header, only {@code Upload-Defer-Length: 1} makes a deferred upload, which tus-java-server checks.
	 */
	private void checkLength(@Nullable String header) {
		if (header == null) {
			return;
		}
		var value = header.strip();
		if (!DIGITS.matcher(value).matches()) {
			throw new InvalidInput("Upload-Length", "Upload-Length 须为非负整数 (must be a non-negative integer)");
		}
		long length;
		try {
			length = Long.parseLong(value);
		}
		catch (NumberFormatException e) {
			// all digits, so beyond any long
			throw new TooLarge(maxUploadSize);
		}
		if (maxUploadSize > 0 && length > maxUploadSize) {
			throw new TooLarge(maxUploadSize);
		}
	}

	/** An upload larger than the limit ({@code Tus-Max-Size}, told by {@code OPTIONS}). */
	private static final class TooLarge extends RuntimeException {

		TooLarge(long max) {
			super("Upload-Length 超过上限 (exceeds the maximum upload size of " + max + " bytes)");
		}
	}

	private void completeIfWhole(String uri, String owner, HttpServletResponse response) throws IOException {
		var info = info(uri, owner);
		if (info == null || info.isUploadInProgress()) {
			return;
		}
		var metadata = info.getMetadata();
		try (var content = tus.getUploadedBytes(uri, owner)) {
			var prepared = ingest.prepare(description(metadata), owner);
			var channel = "import".equals(metadata.get("source")) ? Channel.IMPORT : Channel.TUS;
			var ingested = ingest.receive(prepared, content, metadata.getOrDefault("filename", ""), null, channel);
			response.setHeader("Recording-Id", ingested.recording().id().toString());
			response.setHeader("Recording-Sha256", ingested.recording().digest().sha256());
			var sm3 = ingested.recording().digest().sm3();
			if (sm3 != null) {
				response.setHeader("Recording-Sm3", sm3);
			}
		}
		catch (TusException e) {
			throw new IllegalStateException("finished upload vanished: " + uri, e);
		}
		finally {
			// whole and recorded, or whole and refused: either way the upload's own copy is done with
			delete(uri, owner);
		}
	}

	private me.desair.tus.server.upload.@Nullable UploadInfo info(String uri, String owner) throws IOException {
		try {
			return tus.getUploadInfo(uri, owner);
		}
		catch (TusException e) {
			return null;
		}
	}

	private void delete(String uri, String owner) {
		try {
			tus.deleteUpload(uri, owner);
		}
		catch (IOException | TusException e) {
			log.warn("Could not remove finished upload {}; expiry will", uri, e);
		}
	}

	/**
	 * Unfinished uploads are kept for a week by default, then their space is given back; by one instance of a cluster
	 * at a time, which holds the job for an hour (ADR 0020), since all of them share the upload folder (ADR 0021).
	 */
	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1H")
	@SchedulerLock(name = "recordings-tus-expiry", lockAtLeastFor = "PT1H", lockAtMostFor = "PT1H")
	void removeExpiredUploads() {
		try {
			tus.cleanup();
		}
		catch (IOException e) {
			// before the first upload there is no upload directory to clean
			log.debug("Could not clean up expired uploads", e);
		}
	}

	static Map<String, String> metadata(@Nullable String header) {
		var metadata = new HashMap<String, String>();
		if (header == null || header.isBlank()) {
			return metadata;
		}
		for (var pair : header.split(",")) {
			var kv = pair.strip().split(" ", 2);
			try {
				metadata.put(kv[0], kv.length < 2 ? "" : new String(Base64.getDecoder().decode(kv[1].strip()),
						StandardCharsets.UTF_8));
			}
			catch (IllegalArgumentException e) {
				throw new InvalidInput("Upload-Metadata", "Upload-Metadata 的值须为 base64 (values must be base64): " + kv[0]);
			}
		}
		return metadata;
	}

	static UploadDescription description(Map<String, String> m) {
		InputRules.checked(m);
		var stageIds = m.getOrDefault("stageIds", "").isBlank() ? List.<UUID>of()
				: Arrays.stream(m.get("stageIds").split(",")).map(s -> uuid("stageIds", s)).toList();
		return InputRules.checked(new UploadDescription(m.get("recordedBy"), blankToNull(m.get("deviceSerial")),
				instant("startedAt", m.get("startedAt")), instant("endedAt", m.get("endedAt")),
				m.get("caseId") == null || m.get("caseId").isBlank() ? null : uuid("caseId", m.get("caseId")), stageIds,
				blankToNull(m.get("sha256"))));
	}

	private static @Nullable Instant instant(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return java.time.OffsetDateTime.parse(value.strip()).toInstant();
		}
		catch (java.time.format.DateTimeParseException e) {
			throw new InvalidInput(field, "时间格式应为 ISO-8601 含时区 (expected ISO-8601 with offset): " + value);
		}
	}

	private static UUID uuid(String field, String value) {
		try {
			return UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInput(field, "不是有效的编号 (not a valid id): " + value);
		}
	}

	private static @Nullable String blankToNull(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private static String uploadPath(String uri) {
		var at = uri.indexOf(PATH);
		return at < 0 ? uri : uri.substring(at);
	}

	private static void problem(HttpServletResponse response, HttpStatus status, String detail, @Nullable String field)
			throws IOException {
		if (response.isCommitted()) {
			log.warn("Upload refused after the response was sent: {}", detail);
			return;
		}
		response.reset();
		response.setHeader("Tus-Resumable", TusFileUploadService.TUS_API_VERSION);
		ProblemResponses.write(response, status, detail, field);
	}
}
