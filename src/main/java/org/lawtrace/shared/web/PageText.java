package org.lawtrace.shared.web;

import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The domain's refusals and findings are written for both readers at once, "中文 (english)": the API's problem
 * answers keep them so, while a page shows only its own language (the brief: pages speak Simplified Chinese, English
 * when switched). This is the one place that picks the part: on a Chinese page the text without its English asides,
 * on an English page the asides in place of the Chinese they stand for. Text with no aside is shown as it is.
 * Templates ask {@code ${@pageText.of(message)}}; {@link FormError} asks for every refusal it carries.
 */
@Component("pageText")
public class PageText {

	/** An English aside: a parenthesis opened after Chinese text, holding no Chinese, starting with a letter. */
	private static final Pattern ASIDE = Pattern.compile("\\s*[(（]([A-Za-z][^()（）\\p{IsHan}]*)[)）]");

	private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	/** The part of the text in the language of the page being rendered. */
	public String of(@Nullable String text) {
		return forPage(text);
	}

	/** The part of the text in the language of the page being rendered. */
	public static String forPage(@Nullable String text) {
		return inLanguageOf(text, LocaleContextHolder.getLocale());
	}

	/** The part of the text in this language: English for English, Chinese otherwise. */
	public static String inLanguageOf(@Nullable String text, Locale locale) {
		if (text == null) {
			return "";
		}
		var asides = ASIDE.matcher(text);
		var english = new StringBuilder();
		var chinese = new StringBuilder();
		var from = 0;
		var found = false;
		while (asides.find()) {
			var before = text.substring(from, asides.start());
			if (!HAN.matcher(before).find()) {
				continue; // a parenthesis in an English or code part, not an aside
			}
			found = true;
			chinese.append(before);
			english.append(english.isEmpty() ? "" : " ").append(asides.group(1).strip());
			from = asides.end();
		}
		if (!found) {
			return text;
		}
		var rest = text.substring(from);
		chinese.append(rest);
		if (!HAN.matcher(rest).find()) {
			english.append(rest);
		}
		return "en".equals(locale.getLanguage()) ? english.toString() : chinese.toString();
	}
}
