package org.lawtrace.documents;

import java.io.File;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.lowagie.text.pdf.BaseFont;

/**
 * The font the generated PDFs write Chinese in: the first font file of a configurable list that exists and loads,
 * embedded as a subset so the PDF shows the same glyphs everywhere. A machine with no CJK font file (a fresh
 * {@code ./mvnw spring-boot:run}) falls back to Adobe's STSong-Light, which PDF readers supply themselves
 * (not embedded), so Chinese still shows; a warning says which font files to install. Public, so the archival
 * package's cover and remarks sheet (retention) write in the same font.
 */
@Component
public class CjkFont {

	private static final Logger log = LoggerFactory.getLogger(CjkFont.class);

	private final List<String> candidates;
	private volatile @Nullable BaseFont font;

	CjkFont(@Value("${lawtrace.documents.pdf-fonts}") String candidates) {
		this.candidates = Arrays.stream(candidates.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	public BaseFont font() {
		var f = font;
		if (f == null) {
			f = load();
			font = f;
		}
		return f;
	}

	/** Whether the font is embedded (a font file was found) rather than left to the reader. */
	boolean embedded() {
		return font().isEmbedded();
	}

	private BaseFont load() {
		for (var candidate : candidates) {
			// "file.ttc,2" names the third font of a collection
			var comma = candidate.lastIndexOf(',');
			var path = comma > 0 && candidate.substring(comma + 1).matches("\\d+") ? candidate.substring(0, comma)
					: candidate;
			if (!new File(path).isFile()) {
				continue;
			}
			try {
				var loaded = BaseFont.createFont(candidate, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
				log.info("PDFs embed the CJK font {}", candidate);
				return loaded;
			}
			catch (Exception e) {
				log.warn("Cannot use the font {}: {}", candidate, e.getMessage());
			}
		}
		log.warn("No CJK font file found among {} (lawtrace.documents.pdf-fonts); PDFs use STSong-Light, not embedded. "
				+ "Install fonts-noto-cjk (Debian) for embedded fonts", candidates);
		try {
			return BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
		}
		catch (Exception e) {
			throw new IllegalStateException("No font for Chinese text: configure lawtrace.documents.pdf-fonts", e);
		}
	}
}
