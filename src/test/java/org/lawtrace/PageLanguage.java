package org.lawtrace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * What a page must not show a reader (the brief: "no enum constants, ART- codes, UUIDs or usernames on a page"):
 * the demo bureau's login names, read from the demo data; UUIDs; article codes; and the constants of the
 * application's enums, found on the class path, or any code that looks like one (ENTRY_MISSING, COPY_DIFFERS).
 */
public final class PageLanguage {

	private static final Path DEMO_BUREAU = Path.of("src/main/java/org/lawtrace/demo/DemoBureau.java");

	private static final Pattern UUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private static final Pattern ARTICLE_CODE = Pattern.compile("ART-\\d");

	/** A word in capitals; not a piece of a file name (DSJ_0001.MP4) or of a code with dashes. */
	private static final Pattern CAPS = Pattern
		.compile("(?<![A-Za-z0-9_.-])[A-Z][A-Z0-9_]*(?![A-Za-z0-9_]|[.-][A-Za-z0-9])");

	private static final Pattern BRACKETED_ENGLISH = Pattern
		.compile("[(（][^()（）\\p{IsHan}]*(?<![A-Za-z0-9_.-])[a-z]{2,}(?![A-Za-z0-9_]|[.-][A-Za-z0-9])[^()（）\\p{IsHan}]*[)）]");

	private static final Pattern MISSING_KEY = Pattern.compile("\\?\\?[^?\\s]+\\?\\?");

	private static final Pattern ZONE_ID = Pattern.compile(
			"\\b(?:Asia|Europe|America|Africa|Australia|Pacific|Etc)/[A-Z][A-Za-z_]+|\\bUTC\\b|\\bGMT\\b|\\bCST\\b|\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}|\\d{2}:\\d{2}(?::\\d{2})?\\s?[+-]\\d{2}:\\d{2}\\b");

	/** Enum constants that are also words a page may show as they are. */
	private static final Set<String> SHOWN_AS_THEY_ARE = Set.of();

	private static final List<String> USERNAMES = demoUsernames();

	private static final Set<String> ENUM_CONSTANTS = enumConstants();

	private PageLanguage() {
	}

	static List<String> usernamesIn(String text) {
		return USERNAMES.stream()
			.filter(u -> Pattern.compile("(?<![A-Za-z0-9_.])" + Pattern.quote(u) + "(?![A-Za-z0-9_])").matcher(text).find())
			.toList();
	}

	static List<String> uuidsIn(String text) {
		return UUID.matcher(text).results().map(r -> r.group()).toList();
	}

	static List<String> articleCodesIn(String text) {
		var found = Pattern.compile("ART-[\\d.]+").matcher(text);
		return found.results().map(r -> r.group()).toList();
	}

	/**
	 * English in brackets on a Chinese page, "(expired)", "上传 (uploaded)", "(no audio or video recording of this
	 * stage)": a parenthesis holding no Chinese with a word of two or more small letters. File names and codes in
	 * brackets, "(DSJ_0001.MP4)", "(DY0101)", are not English.
	 */
	static List<String> bracketedEnglishIn(String text) {
		return BRACKETED_ENGLISH.matcher(text).results().map(r -> r.group()).toList();
	}

	/** A message key Thymeleaf found in no bundle: it renders {@code ??key_zh_CN??}. */
	static List<String> missingKeysIn(String text) {
		return MISSING_KEY.matcher(text).results().map(r -> r.group()).toList();
	}

	/** Zone ids and ISO timestamps with offsets: times are shown in the bureau's zone, without naming it. */
	static List<String> zoneIdsIn(String text) {
		return ZONE_ID.matcher(text).results().map(r -> r.group()).toList();
	}

	/**
	 * Everything a reader must not see in this page text, as one line each ("enum constant: VIDEO"); empty when the
	 * text speaks as staff do. The Chinese page's rules: no login name, UUID, article code, enum constant, English in
	 * brackets, missing message key or zone id.
	 */
	public static List<String> findingsIn(String text) {
		return findingsIn(text, text);
	}

	/**
	 * As {@link #findingsIn(String)}, with English in brackets looked for only in {@code prose}: the text without
	 * what a page shows verbatim as machine text in {@code <code>} (digests, file names, a tool's own report).
	 */
	static List<String> findingsIn(String text, String prose) {
		var found = new java.util.ArrayList<String>();
		usernamesIn(text).forEach(t -> found.add("login names: " + t));
		uuidsIn(text).forEach(t -> found.add("UUID: " + t));
		articleCodesIn(text).forEach(t -> found.add("article codes: " + t));
		enumConstantsIn(text).forEach(t -> found.add("enum constants: " + t));
		bracketedEnglishIn(prose).forEach(t -> found.add("English in brackets: " + t));
		missingKeysIn(text).forEach(t -> found.add("missing message keys: " + t));
		zoneIdsIn(text).forEach(t -> found.add("zone ids: " + t));
		return found.stream().distinct().toList();
	}

	static boolean hasArticleCode(String text) {
		return ARTICLE_CODE.matcher(text).find();
	}

	static Set<String> enumConstantsIn(String text) {
		return CAPS.matcher(text).results().map(r -> r.group())
			.filter(t -> ENUM_CONSTANTS.contains(t) || t.matches("[A-Z]+(_[A-Z]+)+"))
			.collect(Collectors.toCollection(TreeSet::new));
	}

	/** The login names the demo bureau gives its people: {@code person("zhang.wei", "张伟", ...)}. */
	static List<String> demoUsernames() {
		try {
			var source = Files.readString(DEMO_BUREAU);
			var names = Pattern.compile("person\\(\"([^\"]+)\"").matcher(source).results().map(r -> r.group(1))
				.distinct().toList();
			if (names.size() < 5) {
				throw new IllegalStateException("the demo bureau's people not found in " + DEMO_BUREAU);
			}
			return names;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The constants of every enum under org.lawtrace, minus those shown as they are. */
	static Set<String> enumConstants() {
		var scanner = new ClassPathScanningCandidateComponentProvider(false) {
			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
				return true;
			}
		};
		scanner.addIncludeFilter(new AssignableTypeFilter(Enum.class));
		var constants = new TreeSet<String>();
		for (var candidate : scanner.findCandidateComponents("org.lawtrace")) {
			var type = ClassUtils.resolveClassName(candidate.getBeanClassName(), PageLanguage.class.getClassLoader());
			if (type.isEnum() && type.getName().startsWith("org.lawtrace.")) {
				Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).forEach(constants::add);
			}
		}
		if (constants.size() < 20) {
			throw new IllegalStateException("the application's enums not found: " + constants);
		}
		constants.removeAll(SHOWN_AS_THEY_ARE);
		return Set.copyOf(constants);
	}
}
