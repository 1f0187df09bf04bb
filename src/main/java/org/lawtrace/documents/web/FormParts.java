package org.lawtrace.documents.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.shared.web.InputRules;

/**
 * A {@code multipart/form-data} body read whole into memory. Document files are scans and generated PDFs of a few
 * megabytes, so unlike the recordings' streaming reader (built for gigabyte videos) this one keeps it simple and
 * bounds the body instead; the servlet container's multipart support stays off for the platform's sake.
 */
final class FormParts {

	private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=(?:\"([^\"]+)\"|([^;\\s]+))");
	private static final Pattern NAME = Pattern.compile("(?i);\\s*name=\"([^\"]*)\"");
	private static final Pattern FILE_NAME = Pattern.compile("(?i);\\s*filename=\"([^\"]*)\"");
	private static final byte[] HEADER_END = { '\r', '\n', '\r', '\n' };

	/** A part: its field name, the file name its sender gave (files only), and its bytes. */
	record Part(String name, @Nullable String fileName, byte[] content) {

		String text() {
			return new String(content, StandardCharsets.UTF_8);
		}
	}

	private final List<Part> parts;

	private FormParts(List<Part> parts) {
		this.parts = parts;
	}

	static FormParts read(@Nullable String contentType, InputStream body, long maxBytes) throws IOException {
		var m = contentType == null ? null : BOUNDARY.matcher(contentType);
		if (m == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data") || !m.find()) {
			throw new InvalidInput("Content-Type", "请以 multipart/form-data 上传 (send multipart/form-data with a boundary)");
		}
		var boundary = m.group(1) != null ? m.group(1) : m.group(2);
		var data = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxBytes + 1));
		if (data.length > maxBytes) {
			throw new InvalidInput("file", "文件过大，上限 " + maxBytes / (1024 * 1024) + " MiB (the upload is too large)");
		}
		return new FormParts(parse(data, ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1)));
	}

	private static List<Part> parse(byte[] data, byte[] delimiter) {
		var parts = new ArrayList<Part>();
		var at = indexOf(data, delimiter, 0);
		while (at >= 0) {
			var start = at + delimiter.length;
			if (start + 2 <= data.length && data[start] == '-' && data[start + 1] == '-') {
				break;
			}
			var headersEnd = indexOf(data, HEADER_END, start);
			if (headersEnd < 0) {
				break;
			}
			var headers = new String(data, start, headersEnd - start, StandardCharsets.UTF_8);
			var contentStart = headersEnd + HEADER_END.length;
			var next = indexOf(data, delimiter, contentStart);
			if (next < 0) {
				throw new InvalidInput("file", "上传内容不完整 (the multipart body ends early)");
			}
			// the content ends with the CRLF that precedes the next delimiter
			var contentEnd = Math.max(contentStart, next - 2);
			var name = NAME.matcher(headers);
			var fileName = FILE_NAME.matcher(headers);
			if (name.find()) {
				parts.add(new Part(name.group(1), fileName.find() ? fileName.group(1) : null,
						Arrays.copyOfRange(data, contentStart, contentEnd)));
			}
			at = next;
		}
		return parts;
	}

	private static int indexOf(byte[] data, byte[] needle, int from) {
		outer: for (var i = from; i <= data.length - needle.length; i++) {
			for (var j = 0; j < needle.length; j++) {
				if (data[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	/** The one part of that name: a second one is refused rather than silently dropped. */
	Optional<Part> part(String name) {
		var named = all(name);
		if (named.size() > 1) {
			throw new InvalidInput(name, "部分重复 (the part is sent more than once): " + name);
		}
		return named.stream().findFirst();
	}

	List<Part> all(String name) {
		return parts.stream().filter(p -> p.name().equals(name)).toList();
	}

	@Nullable String text(String name) {
		var text = part(name).map(Part::text).orElse(null);
		InputRules.text(name, text);
		return text;
	}

	/** The file part, which must carry content. */
	Part file(String name) {
		return part(name).filter(p -> p.fileName() != null && p.content().length > 0)
			.orElseThrow(() -> new InvalidInput(name, "请选择要上传的文件 (attach the file)"));
	}
}
