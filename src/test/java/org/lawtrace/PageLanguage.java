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
final class PageLanguage {

	private static final Path DEMO_BUREAU = Path.of("src/main/java/org/lawtrace/demo/DemoBureau.java");

	private static final Pattern UUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private static final Pattern ARTICLE_CODE = Pattern.compile("ART-\\d");

	/** A word in capitals; not a piece of a file name (DSJ_0001.MP4) or of a code with dashes. */
	private static final Pattern CAPS = Pattern
		.compile("(?<![A-Za-z0-9_.-])[A-Z][A-Z0-9_]*(?![A-Za-z0-9_]|[.-][A-Za-z0-9])");

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
