package org.lawtrace.documents;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.lawtrace.shared.InvalidInput;

/**
 * What a document's file is, read from its content rather than its name: a PDF with its page count (read with
 * PDFBox), or a single scanned page as JPEG or PNG. Anything else, or a PDF that cannot be read, is refused before
 * it reaches the store.
 */
record FileFacts(String mediaType, int pageCount) {

	private static final byte[] PDF = { '%', 'P', 'D', 'F', '-' };
	private static final byte[] JPEG = { (byte) 0xff, (byte) 0xd8, (byte) 0xff };
	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	/** @throws InvalidInput on field {@code file} for content that is not a readable PDF, JPEG or PNG */
	static FileFacts of(InputStream content) {
		try (content) {
			var head = content.readNBytes(8);
			if (startsWith(head, JPEG)) {
				return new FileFacts("image/jpeg", 1);
			}
			if (startsWith(head, PNG)) {
				return new FileFacts("image/png", 1);
			}
			// a PDF's header may follow a little junk (ISO 32000-1 7.5.2 allows readers to look for it)
			var rest = content.readAllBytes();
			var all = new byte[head.length + rest.length];
			System.arraycopy(head, 0, all, 0, head.length);
			System.arraycopy(rest, 0, all, head.length, rest.length);
			if (indexOf(all, PDF, 1024) < 0) {
				throw new InvalidInput("file", "文书文件应为 PDF、JPEG 或 PNG (a document's file must be a PDF, JPEG or PNG)");
			}
			return new FileFacts("application/pdf", pages(all));
		}
		catch (IOException e) {
			throw new InvalidInput("file", "无法读取上传的文件 (the file could not be read): " + e.getMessage());
		}
	}

	private static int pages(byte[] pdf) {
		try (var document = Loader.loadPDF(new RandomAccessReadBuffer(pdf))) {
			var pages = document.getNumberOfPages();
			if (pages < 1) {
				throw new InvalidInput("file", "PDF 文件没有页面 (the PDF has no pages)");
			}
			return pages;
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof InvalidInput invalid) {
				throw invalid;
			}
			throw new InvalidInput("file", "PDF 文件已损坏或无法读取 (the PDF is damaged or unreadable): " + e.getMessage());
		}
	}

	private static boolean startsWith(byte[] data, byte[] prefix) {
		return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
	}

	private static int indexOf(byte[] data, byte[] needle, int within) {
		var last = Math.min(data.length - needle.length, within);
		for (var i = 0; i <= last; i++) {
			if (Arrays.equals(data, i, i + needle.length, needle, 0, needle.length)) {
				return i;
			}
		}
		return -1;
	}
}
