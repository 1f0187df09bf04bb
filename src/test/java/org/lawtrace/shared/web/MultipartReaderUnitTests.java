package org.lawtrace.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.lawtrace.shared.InvalidInput;

class MultipartReaderUnitTests {

	private static final String BOUNDARY = "----lawtraceBoundary7MA4YWxkTrZu0gW";

	private static byte[] body(byte[] file) {
		var out = new ByteArrayOutputStream();
		out.writeBytes(("preamble to ignore\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
				+ "Content-Type: application/json\r\n\r\n{\"recordedBy\":\"zhang.wei\"}\r\n--" + BOUNDARY
				+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"扣押现场.mp4\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		out.writeBytes(file);
		out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

	/** A file whose bytes come close to the delimiter again and again without being it. */
	private static byte[] trickyFile(int size) {
		var bytes = new byte[size];
		new Random(7).nextBytes(bytes);
		var nearMiss = ("\r\n--" + BOUNDARY.substring(0, BOUNDARY.length() - 1) + "X").getBytes(StandardCharsets.UTF_8);
		for (var at = 100; at + nearMiss.length < size; at += 70_001) {
			System.arraycopy(nearMiss, 0, bytes, at, nearMiss.length);
		}
		return bytes;
	}

	/** Hands out at most {@code chunk} bytes per read, as a slow network would. */
	private static InputStream chunked(byte[] bytes, int chunk) {
		return new FilterInputStream(new ByteArrayInputStream(bytes)) {
			@Override
			public int read(byte[] b, int off, int len) throws IOException {
				return super.read(b, off, Math.min(len, chunk));
			}
		};
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 7, 4096, 65_536, 1 << 20 })
	void readsEachPartExactlyWhateverTheChunking(int chunk) throws IOException {
		var file = trickyFile(700_000);
		var reader = new MultipartReader(chunked(body(file), chunk), BOUNDARY);

		var metadata = reader.next();
		assertThat(metadata.name()).isEqualTo("metadata");
		assertThat(metadata.fileName()).isNull();
		assertThat(new String(metadata.content().readAllBytes(), StandardCharsets.UTF_8))
			.isEqualTo("{\"recordedBy\":\"zhang.wei\"}");
		var part = reader.next();
		assertThat(part.name()).isEqualTo("file");
		assertThat(part.fileName()).isEqualTo("扣押现场.mp4");
		assertThat(part.content().readAllBytes()).isEqualTo(file);
		assertThat(reader.next()).isNull();
	}

	@Test
	void skipsAPartThatIsNotRead() throws IOException {
		var reader = new MultipartReader(new ByteArrayInputStream(body(trickyFile(10_000))), BOUNDARY);
		reader.next();
		var file = reader.next();
		assertThat(file.name()).isEqualTo("file");
		assertThat(file.content().readAllBytes()).hasSize(10_000);
	}

	@Test
	void anEmptyFileIsAnEmptyPart() throws IOException {
		var reader = new MultipartReader(new ByteArrayInputStream(body(new byte[0])), BOUNDARY);
		reader.next();
		assertThat(reader.next().content().readAllBytes()).isEmpty();
		assertThat(reader.next()).isNull();
	}

	@Test
	void aBodyThatBreaksOffIsAnEndOfFileError() throws IOException {
		var whole = body(trickyFile(300_000));
		var cut = java.util.Arrays.copyOf(whole, whole.length / 2);
		var reader = new MultipartReader(new ByteArrayInputStream(cut), BOUNDARY);
		reader.next();
		var file = reader.next();
		assertThatExceptionOfType(EOFException.class).isThrownBy(() -> file.content().readAllBytes());
	}

	@Test
	void readsTheBoundaryFromTheContentType() {
		assertThat(MultipartReader.boundaryOf("multipart/form-data; boundary=abc123")).isEqualTo("abc123");
		assertThat(MultipartReader.boundaryOf("multipart/form-data; charset=UTF-8; boundary=\"a b\"")).isEqualTo("a b");
		assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> MultipartReader.boundaryOf("application/json"))
			.satisfies(e -> assertThat(e.field()).isEqualTo("Content-Type"));
	}

	private static byte[] withTwoFiles() {
		var second = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"b.mp4\"\r\n\r\n"
				+ "second\r\n").getBytes(StandardCharsets.UTF_8);
		var one = body("first".getBytes(StandardCharsets.UTF_8));
		var closing = ("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
		var out = new ByteArrayOutputStream();
		out.writeBytes(java.util.Arrays.copyOf(one, one.length - closing.length));
		out.writeBytes(second);
		out.writeBytes(closing);
		return out.toByteArray();
	}

	@Test
	@org.junit.jupiter.api.DisplayName("ART-22: a second file part is refused naming it, before the first is acknowledged")
	void refusesASecondFilePartAtTheEndOfTheFirst() throws IOException {
		var reader = new MultipartReader(new ByteArrayInputStream(withTwoFiles()), BOUNDARY);
		reader.next();
		var file = reader.next();
		assertThat(file.name()).isEqualTo("file");
		var content = reader.lastContent(file);
		assertThat(content.readNBytes(5)).isEqualTo("first".getBytes(StandardCharsets.UTF_8));
		assertThatExceptionOfType(InvalidInput.class).isThrownBy(content::read)
			.satisfies(e -> assertThat(e.field()).isEqualTo("file"));
	}

	@Test
	void refusesARepeatedPartWhenItIsReached() throws IOException {
		var reader = new MultipartReader(new ByteArrayInputStream(withTwoFiles()), BOUNDARY);
		reader.next();
		reader.next();
		assertThatExceptionOfType(InvalidInput.class).isThrownBy(reader::next)
			.satisfies(e -> assertThat(e.field()).isEqualTo("file"));
	}

	@Test
	void theLastPartEndsQuietlyWhenNothingFollows() throws IOException {
		var reader = new MultipartReader(new ByteArrayInputStream(body(new byte[] { 1, 2, 3 })), BOUNDARY);
		reader.next();
		var content = reader.lastContent(reader.next());
		assertThat(content.readAllBytes()).containsExactly(1, 2, 3);
		assertThat(content.read()).isEqualTo(-1);
	}
}
