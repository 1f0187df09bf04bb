package org.lawtrace.documents.web;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.shared.web.InputRules;
import org.lawtrace.shared.web.MultipartReader;

/**
 * A {@code multipart/form-data} body read whole into memory. Document files are scans and generated PDFs of a few
 * megabytes, so the parts are collected as they stream through the shared reader and the body is bounded instead;
 * the servlet container's multipart support stays off for the platform's sake (ADR 0001).
 */
final class FormParts {

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
		var boundary = MultipartReader.boundaryOf(contentType);
		// a form may repeat a name it does not read; the parts it reads refuse a second value (part)
		var reader = new MultipartReader(new Bounded(body, maxBytes), boundary, false);
		var parts = new ArrayList<Part>();
		try {
			for (var part = reader.next(); part != null; part = reader.next()) {
				var content = part.content().readAllBytes();
				if (!part.name().isEmpty()) {
					parts.add(new Part(part.name(), part.fileName(), content));
				}
			}
		}
		catch (EOFException e) {
			throw new InvalidInput("file", "上传内容不完整 (the multipart body ends early)");
		}
		return new FormParts(parts);
	}

	/** The request body, refused as soon as it runs past the limit. */
	private static final class Bounded extends FilterInputStream {

		private final long maxBytes;
		private long read;

		Bounded(InputStream in, long maxBytes) {
			super(in);
			this.maxBytes = maxBytes;
		}

		@Override
		public int read() throws IOException {
			var b = super.read();
			count(b < 0 ? -1 : 1);
			return b;
		}

		@Override
		public int read(byte[] target, int offset, int length) throws IOException {
			var n = super.read(target, offset, length);
			count(n);
			return n;
		}

		private void count(int n) {
			if (n > 0) {
				read += n;
			}
			if (read > maxBytes) {
				throw new InvalidInput("file", "文件过大，上限 " + maxBytes / (1024 * 1024) + " MiB (the upload is too large)");
			}
		}
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
