package org.lawtrace.documents.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.lawtrace.shared.InvalidInput;

class FormPartsUnitTests {

	private static byte[] body(byte[] file) throws Exception {
		var out = new ByteArrayOutputStream();
		out.write(("--XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n询问笔录\r\n"
				+ "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scan.pdf\"\r\n"
				+ "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		out.write(file);
		out.write("\r\n--XyZ--\r\n".getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

	@Test
	void readsFieldsAndFilesByteForByte() throws Exception {
		var file = new byte[] { '%', 'P', 'D', 'F', '\r', '\n', '-', '-', 'X', 'y', 0, (byte) 0xff };
		var parts = FormParts.read("multipart/form-data; boundary=XyZ", new ByteArrayInputStream(body(file)), 1 << 20);
		assertThat(parts.text("title")).isEqualTo("询问笔录");
		assertThat(parts.file("file").fileName()).isEqualTo("scan.pdf");
		assertThat(parts.file("file").content()).isEqualTo(file);
	}

	@Test
	void refusesBodiesOverTheLimitAndOtherContentTypes() throws Exception {
		assertThatThrownBy(() -> FormParts.read("multipart/form-data; boundary=XyZ",
				new ByteArrayInputStream(body(new byte[2000])), 1000))
			.isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("file"));
		assertThatThrownBy(() -> FormParts.read("application/json", new ByteArrayInputStream(new byte[0]), 1000))
			.isInstanceOf(InvalidInput.class);
	}

	@Test
	@org.junit.jupiter.api.DisplayName("ART-22: a single-valued part sent twice is refused naming it, not half dropped")
	void refusesARepeatedPart() throws Exception {
		var twice = ("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\nA\r\n"
				+ "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"b.pdf\"\r\n\r\nB\r\n--XyZ--\r\n")
			.getBytes(StandardCharsets.UTF_8);
		var parts = FormParts.read("multipart/form-data; boundary=XyZ", new ByteArrayInputStream(twice), 1 << 20);
		assertThatThrownBy(() -> parts.file("file"))
			.isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("file"));
	}

	@Test
	@org.junit.jupiter.api.DisplayName("a body cut off before its closing boundary is refused, not read as what arrived")
	void refusesABodyThatEndsEarly() throws Exception {
		var whole = body(new byte[] { 1, 2, 3 });
		var cut = java.util.Arrays.copyOf(whole, whole.length - 12);
		assertThatThrownBy(() -> FormParts.read("multipart/form-data; boundary=XyZ", new ByteArrayInputStream(cut),
				1 << 20))
			.isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("file"));
	}

	@Test
	void refusesControlCharactersInTextFields() throws Exception {
		var body = ("--XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n询问\u0000笔录\r\n--XyZ--\r\n")
			.getBytes(StandardCharsets.UTF_8);
		var parts = FormParts.read("multipart/form-data; boundary=XyZ", new ByteArrayInputStream(body), 1 << 20);
		assertThatThrownBy(() -> parts.text("title"))
			.isInstanceOfSatisfying(org.lawtrace.shared.Unprocessable.class, e -> assertThat(e.field()).isEqualTo("title"));
	}
}
