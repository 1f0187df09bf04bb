package org.lawtrace.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.shared.CaseId;

/** ART-14: the contents list PDF in Chinese, with an embedded CJK font where one is installed and without one. */
class ContentsListUnitTests {

	private static final String NOTO = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

	private static CaseFileContents file() {
		var entry = new VolumeEntry(1, 2, new DocumentId(UUID.randomUUID()), null, "东市监处罚〔2026〕7号", "行政处罚决定书",
				"行政处罚决定书", LocalDate.of(2026, 11, 20), "1-3", 3, true, null);
		var av = new VolumeEntry(2, 4, null, UUID.randomUUID(), null, "20261120_093000.MP4", "音像记录（视频）",
				LocalDate.of(2026, 11, 20), null, 0, true, "音像资料另行存储");
		return new CaseFileContents(CaseId.random(), "东市监处〔2026〕102号", "示例案", "东阳市示例食品有限公司",
				LocalDate.of(2026, 11, 30), new VolumeContents(Volume.MAIN, List.of(entry, av), 3),
				new VolumeContents(Volume.SECONDARY, List.of(), 0));
	}

	@Test
	@DisplayName("ART-14: with the Noto CJK font installed, the PDF embeds it and its Chinese text reads back")
	void embedsAnInstalledCjkFont() {
		assumeTrue(new File(NOTO).isFile() || "true".equals(System.getenv("CI")), "fonts-noto-cjk is not installed");
		var fonts = new CjkFont(NOTO + ",2");
		assertThat(fonts.embedded()).isTrue();
		var text = Pdfs.text(new ContentsList(fonts).pdf(file()));
		assertThat(text).contains("卷内文件目录（正卷）", "行政处罚决定书", "东市监处罚〔2026〕7号", "音像记录（视频）",
				"卷内文件目录（副卷）", "（无）");
	}

	@Test
	@DisplayName("ART-14: with no CJK font file at all, the PDF falls back to STSong-Light and still carries the Chinese")
	void fallsBackWithoutAFontFile() {
		var fonts = new CjkFont("/nowhere/none.ttf;/nowhere/else.ttc,2");
		assertThat(fonts.embedded()).isFalse();
		var text = Pdfs.text(new ContentsList(fonts).pdf(file()));
		assertThat(text).contains("卷内文件目录（正卷）", "行政处罚决定书");
	}
}
