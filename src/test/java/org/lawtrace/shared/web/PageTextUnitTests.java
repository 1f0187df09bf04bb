package org.lawtrace.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A page shows the domain's "中文 (english)" messages in its own language only. */
class PageTextUnitTests {

	private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
	private static final Locale ENGLISH = Locale.ENGLISH;

	@Test
	@DisplayName("A Chinese page drops the English aside, an English page shows it in place of the Chinese")
	void picksThePagesLanguage() {
		var bookmark = "时间点格式应为 分:秒，如 1:05 (write the time as mm:ss, e.g. 1:05)";
		assertThat(PageText.inLanguageOf(bookmark, CHINESE)).isEqualTo("时间点格式应为 分:秒，如 1:05");
		assertThat(PageText.inLanguageOf(bookmark, ENGLISH)).isEqualTo("write the time as mm:ss, e.g. 1:05");
	}

	@Test
	@DisplayName("What follows the aside (a name, a number) is kept in both languages")
	void keepsWhatFollows() {
		var unknown = "承办人不存在 (unknown staff): 王五";
		assertThat(PageText.inLanguageOf(unknown, CHINESE)).isEqualTo("承办人不存在: 王五");
		var serial = "执法记录设备，序列号 BWC-01 (recording device, serial BWC-01)";
		assertThat(PageText.inLanguageOf(serial, CHINESE)).isEqualTo("执法记录设备，序列号 BWC-01");
		assertThat(PageText.inLanguageOf(serial, ENGLISH)).isEqualTo("recording device, serial BWC-01");
	}

	@Test
	@DisplayName("Text with no English aside, or a parenthesis that is no aside, is shown as it is")
	void leavesOtherTextAlone() {
		assertThat(PageText.inLanguageOf("请填写事由", ENGLISH)).isEqualTo("请填写事由");
		assertThat(PageText.inLanguageOf("Stage (filing) is closed", CHINESE)).isEqualTo("Stage (filing) is closed");
		assertThat(PageText.inLanguageOf("第六条第（三）项", CHINESE)).isEqualTo("第六条第（三）项");
		assertThat(PageText.inLanguageOf(null, CHINESE)).isEmpty();
	}

	@Test
	@DisplayName("A form error carries the page's language only")
	void formErrorsSpeakThePagesLanguage() {
		org.springframework.context.i18n.LocaleContextHolder.setLocale(CHINESE);
		try {
			assertThat(new FormError("at", "时间点格式应为 分:秒 (write the time as mm:ss)").message())
				.isEqualTo("时间点格式应为 分:秒");
		}
		finally {
			org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
		}
	}
}
