package org.lawtrace.recordings.web;

import java.io.IOException;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.lawtrace.recordings.Channel;
import org.lawtrace.recordings.RecordingIngest;
import org.lawtrace.recordings.UploadDescription;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.shared.web.InputRules;
import org.lawtrace.shared.web.MultipartReader;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * ART-15.1: the streamed multipart upload the API and the upload page both take, a {@code metadata} JSON part first
 * and the {@code file} part after it. The parts are read as they arrive, so the description is checked before the
 * file's first byte is read, and the file goes through its digests into the store's spool once: it is never held
 * in memory, nor written to a temporary file by the servlet container (whose multipart support is switched off).
 */
@Component
class StreamedUpload {

	private static final int MAX_METADATA_BYTES = 64 * 1024;

	private final RecordingIngest ingest;
	private final JsonMapper json;

	StreamedUpload(RecordingIngest ingest, JsonMapper json) {
		this.ingest = ingest;
		this.json = json;
	}

	/**
	 * @param metadataType what the {@code metadata} part is read as: the API's {@link UploadDescription}, or a
	 *        page's own form of it.
	 * @param describe turns what was read into the description the ingest checks.
	 * @param announcedSha256 a digest announced outside the metadata (a {@code Repr-Digest} header), or null.
	 */
	<T> RecordingIngest.Ingested receive(HttpServletRequest request, String uploader, Class<T> metadataType,
			Function<T, UploadDescription> describe, @Nullable String announcedSha256) {
		try {
			var parts = new MultipartReader(request.getInputStream(), MultipartReader.boundaryOf(request.getContentType()));
			RecordingIngest.Prepared prepared = null;
			for (var part = parts.next(); part != null; part = parts.next()) {
				if ("metadata".equals(part.name())) {
					try (var in = part.content()) {
						var read = read(in.readNBytes(MAX_METADATA_BYTES + 1), metadataType);
						prepared = ingest.prepare(describe.apply(read), uploader);
					}
				}
				else if ("file".equals(part.name())) {
					if (prepared == null) {
						throw new InvalidInput("metadata", "metadata 部分须在 file 部分之前 (send the metadata part before the file part)");
					}
					try (var in = parts.lastContent(part)) {
						return ingest.receive(prepared, in, part.fileName() == null ? "" : part.fileName(), announcedSha256,
								Channel.UPLOAD);
					}
				}
			}
			throw new InvalidInput("file", "缺少 file 部分 (no file part)");
		}
		catch (IOException | RuntimeException e) {
			throw UploadFailures.translate(e);
		}
	}

	private <T> T read(byte[] metadata, Class<T> type) {
		if (metadata.length > MAX_METADATA_BYTES) {
			throw new InvalidInput("metadata", "元数据超过64KB (metadata part is larger than 64 KiB)");
		}
		try {
			return InputRules.checked(json.readValue(metadata, type));
		}
		catch (tools.jackson.core.JacksonException e) {
			var field = e.getPath().isEmpty() || e.getPath().get(0).getPropertyName() == null ? "metadata"
					: e.getPath().get(0).getPropertyName();
			throw new InvalidInput(field, "元数据格式不正确 (malformed metadata): " + field);
		}
	}
}
