package org.lawtrace.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;

/** Real PDFs for tests, made with PDFBox: each one different, so no two tests store the same bytes. */
public final class Pdfs {

	private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());

	private Pdfs() {
	}

	public static byte[] pages(int count) {
		try (var document = new PDDocument()) {
			var font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
			var serial = SERIAL.incrementAndGet();
			for (var i = 1; i <= count; i++) {
				var page = new PDPage();
				document.addPage(page);
				try (var text = new PDPageContentStream(document, page)) {
					text.beginText();
					text.setFont(font, 12);
					text.newLineAtOffset(72, 700);
					text.showText("LawTrace test document " + serial + ", page " + i + " of " + count);
					text.endText();
				}
			}
			var out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A PDF's text with its lines joined, since a table cell wraps where its column ends. */
	public static String text(byte[] pdf) {
		try (var document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document).replace("\r", "").replace("\n", "");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
