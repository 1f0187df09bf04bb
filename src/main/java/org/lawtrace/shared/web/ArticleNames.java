package org.lawtrace.shared.web;

import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How pages name an article of the rules: the code the system keeps ({@code ART-06.3}) as bureau staff say it,
 * 第六条第（三）项, or in English Art. 6(3). Pages use it as {@code ${@articleNames.of(code)}}; text that is not
 * such a code is shown as it is.
 */
@Component("articleNames")
public class ArticleNames {

	private static final Pattern CODE = Pattern.compile("ART-(\\d{1,2})(?:\\.(\\d{1,2}))?");
	private static final String[] DIGITS = { "", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

	/** The code in the page's language. */
	public String of(@Nullable String code) {
		return of(code, LocaleContextHolder.getLocale());
	}

	/** Every code in {@code text} named in the given language; the rest of the text stays as it is. */
	public static String of(@Nullable String text, Locale locale) {
		if (text == null) {
			return "";
		}
		var english = "en".equals(locale.getLanguage());
		return CODE.matcher(text).replaceAll(m -> {
			var article = Integer.parseInt(m.group(1));
			// item 0 is the article's own opening sentence, before its numbered items
			var item = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
			if (english) {
				return "Art. " + article + (item == 0 ? "" : "(" + item + ")");
			}
			return "第" + chinese(article) + "条" + (item == 0 ? "" : "第（" + chinese(item) + "）项");
		});
	}

	/** 1 to 99 in Chinese numerals, as articles are numbered: 六, 十五, 二十二. */
	static String chinese(int n) {
		if (n < 10) {
			return DIGITS[n];
		}
		return (n / 10 == 1 ? "" : DIGITS[n / 10]) + "十" + DIGITS[n % 10];
	}
}
