package org.lawtrace.shared.web;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.InvalidInput;

/**
 * Reads a {@code multipart/form-data} body part by part as it streams in, handing each part's content out as a
 * stream with no copy beyond one fixed buffer. Body-cam files run to gigabytes, so the boundary is looked for with
 * Boyer–Moore–Horspool, which skips ahead by up to the boundary's length on each comparison instead of looking at
 * every byte; a byte-by-byte search cost more than digesting and writing the file together (ADR 0001). The one
 * reader of multipart bodies: recordings stream their files through it, documents collect their small forms with it.
 */
public final class MultipartReader {

	private static final int BUFFER_SIZE = 256 * 1024;
	private static final int MAX_HEADER_BYTES = 16 * 1024;
	private static final byte[] CRLF = { '\r', '\n' };
	private static final byte[] HEADER_END = { '\r', '\n', '\r', '\n' };
	private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=(?:\"([^\"]+)\"|([^;\\s]+))");
	private static final Pattern NAME = Pattern.compile("(?i);\\s*name=\"([^\"]*)\"");
	private static final Pattern FILE_NAME = Pattern.compile("(?i);\\s*filename=\"([^\"]*)\"");

	private final InputStream in;
	private final byte[] delimiter;
	private final int[] skip = new int[256];
	private final byte[] buffer;
	private int head;
	private int tail;
	private boolean eof;
	private @Nullable PartStream current;
	private boolean finished;
	// where the last search found the delimiter, or up to where it is known to be absent; kept across small reads
	private int foundAt = -1;
	private int absentBefore;
	private final Set<String> names = new HashSet<>();
	private final boolean singleValued;

	/** A part: its form field name, the file name its sender gave (if a file), and its content. */
	public record Part(String name, @Nullable String fileName, InputStream content) {
	}

	/** A reader that refuses a part name sent twice as soon as it arrives (every part of an upload is single-valued). */
	public MultipartReader(InputStream in, String boundary) {
		this(in, boundary, true);
	}

	/**
	 * @param singleValued whether a part name sent twice is refused as it arrives; if not, the caller decides (a form
	 *        that reads several values of one name).
	 */
	public MultipartReader(InputStream in, String boundary, boolean singleValued) {
		this.in = in;
		this.singleValued = singleValued;
		this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
		this.buffer = new byte[BUFFER_SIZE + delimiter.length];
		Arrays.fill(skip, delimiter.length);
		for (var i = 0; i < delimiter.length - 1; i++) {
			skip[delimiter[i] & 0xff] = delimiter.length - 1 - i;
		}
		// the first boundary is not preceded by a line break; lending it one lets a single search find them all
		System.arraycopy(CRLF, 0, buffer, 0, 2);
		tail = 2;
	}

	/** The boundary a request's {@code Content-Type} names. */
	public static String boundaryOf(@Nullable String contentType) {
		var m = contentType == null ? null : BOUNDARY.matcher(contentType);
		if (m == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data") || !m.find()) {
			throw new InvalidInput("Content-Type", "请以 multipart/form-data 上传 (send multipart/form-data with a boundary)");
		}
		return m.group(1) != null ? m.group(1) : m.group(2);
	}

	/** The next part, once the previous one's content is skipped; {@literal null} after the last. */
	public @Nullable Part next() throws IOException {
		if (finished) {
			return null;
		}
		if (current == null) {
			skipTo(find());
		}
		else {
			current.skipRest();
		}
		ensure(2);
		if (tail - head >= 2 && buffer[head] == '-' && buffer[head + 1] == '-') {
			finished = true;
			return null;
		}
		var headers = headers();
		var disposition = header(headers, "content-disposition");
		var name = Objects.requireNonNullElse(match(NAME, disposition), "");
		// every part of an upload is single-valued: a second one would be dropped or would override the first
		if (!names.add(name) && singleValued) {
			throw new InvalidInput(name, "部分重复，只能有一个 (the part is sent more than once): " + name);
		}
		current = new PartStream();
		return new Part(name, match(FILE_NAME, disposition), current);
	}

	/**
	 * The content of a part that must be the body's last, such as the file: reaching its end reads on to the
	 * closing boundary, so that a second file or any part after it is refused before the content is acknowledged.
	 */
	public InputStream lastContent(Part part) {
		return new FilterInputStream(part.content()) {

			private boolean checked;

			@Override
			public int read() throws IOException {
				return atEnd(super.read());
			}

			@Override
			public int read(byte[] target, int offset, int length) throws IOException {
				return atEnd(super.read(target, offset, length));
			}

			private int atEnd(int read) throws IOException {
				if (read < 0 && !checked) {
					checked = true;
					var after = next();
					if (after != null) {
						throw new InvalidInput(after.name(), part.name() + " 之后不能再有其他部分 (nothing may follow the "
								+ part.name() + " part): " + after.name());
					}
				}
				return read;
			}
		};
	}

	private String headers() throws IOException {
		// what follows a delimiter up to its line end is transport padding, then the part's headers
		var end = indexOf(HEADER_END, head - 2);
		while (end < 0) {
			if (tail - head > MAX_HEADER_BYTES) {
				throw new InvalidInput("file", "分段头过长 (part headers are too long)");
			}
			if (eof) {
				throw new EOFException("body ended inside a part's headers");
			}
			fill();
			end = indexOf(HEADER_END, head - 2);
		}
		var text = new String(buffer, head, end - head, StandardCharsets.UTF_8);
		head = end + HEADER_END.length;
		return text;
	}

	private static @Nullable String header(String headers, String name) {
		for (var line : headers.split("\r\n")) {
			var colon = line.indexOf(':');
			if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
				return line.substring(colon + 1);
			}
		}
		return null;
	}

	private static @Nullable String match(Pattern pattern, @Nullable String text) {
		if (text == null) {
			return null;
		}
		var m = pattern.matcher(text);
		return m.find() ? m.group(1) : null;
	}

	/** Where the next delimiter starts, reading as far as needed; the body ending first is an error. */
	private int find() throws IOException {
		while (true) {
			var at = indexOf(delimiter, head);
			if (at >= 0) {
				return at;
			}
			if (eof) {
				throw new EOFException("body ended before its closing boundary");
			}
			fill();
		}
	}

	private void skipTo(int delimiterAt) {
		head = delimiterAt + delimiter.length;
	}

	private void ensure(int bytes) throws IOException {
		while (tail - head < bytes && !eof) {
			fill();
		}
	}

	private void fill() throws IOException {
		if (head > 0) {
			System.arraycopy(buffer, head, buffer, 0, tail - head);
			tail -= head;
			foundAt = foundAt >= 0 ? foundAt - head : -1;
			absentBefore = Math.max(0, absentBefore - head);
			head = 0;
		}
		if (tail == buffer.length) {
			throw new IllegalStateException("buffer full without a delimiter: callers consume before filling");
		}
		var read = in.read(buffer, tail, buffer.length - tail);
		if (read < 0) {
			eof = true;
		}
		else {
			tail += read;
		}
	}

	/** Boyer–Moore–Horspool search for {@code pattern} in the buffered bytes from {@code from}. */
	private int indexOf(byte[] pattern, int from) {
		var last = pattern.length - 1;
		var i = Math.max(from, 0);
		if (pattern == delimiter) {
			while (i + last < tail) {
				var j = last;
				while (j >= 0 && buffer[i + j] == pattern[j]) {
					j--;
				}
				if (j < 0) {
					return i;
				}
				i += skip[buffer[i + last] & 0xff];
			}
			return -1;
		}
		for (; i + last < tail; i++) {
			if (Arrays.equals(buffer, i, i + pattern.length, pattern, 0, pattern.length)) {
				return i;
			}
		}
		return -1;
	}

	/** The next delimiter at or after {@code head} in what is buffered, searching each byte only once. */
	private int nextDelimiter() {
		if (foundAt >= head) {
			return foundAt;
		}
		foundAt = indexOf(delimiter, Math.max(head, absentBefore));
		if (foundAt < 0) {
			absentBefore = Math.max(head, tail - (delimiter.length - 1));
		}
		return foundAt;
	}

	/** One part's content: up to, not including, the delimiter that ends it. */
	private final class PartStream extends InputStream {

		private boolean ended;

		@Override
		public int read() throws IOException {
			var one = new byte[1];
			return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] target, int offset, int length) throws IOException {
			if (ended) {
				return -1;
			}
			if (length == 0) {
				return 0;
			}
			while (true) {
				var at = nextDelimiter();
				if (at == head) {
					ended = true;
					foundAt = -1;
					absentBefore = 0;
					skipTo(at);
					return -1;
				}
				// bytes before a found delimiter are content; without one, all but a possible delimiter's start are
				var safe = at >= 0 ? at - head : tail - head - (delimiter.length - 1);
				if (safe > 0) {
					var n = Math.min(length, safe);
					System.arraycopy(buffer, head, target, offset, n);
					head += n;
					return n;
				}
				if (eof) {
					throw new EOFException("body ended inside a part");
				}
				fill();
			}
		}

		void skipRest() throws IOException {
			var scratch = new byte[8192];
			while (read(scratch, 0, scratch.length) >= 0) {
				// discard
			}
		}

		@Override
		public void close() {
			// the request's stream belongs to the container; the next part skips what is left of this one
		}
	}
}
