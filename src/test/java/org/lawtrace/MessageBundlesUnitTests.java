package org.lawtrace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lawtrace.access.AccessRequest;
import org.lawtrace.access.PackageRecipientKind;
import org.lawtrace.cases.Case;
import org.lawtrace.cases.CaseKind;
import org.lawtrace.cases.Party;
import org.lawtrace.cases.Procedure;
import org.lawtrace.cases.StageKind;
import org.lawtrace.compliance.Bookmark;
import org.lawtrace.compliance.BookmarkKind;
import org.lawtrace.compliance.Exemption;
import org.lawtrace.compliance.Light;
import org.lawtrace.compliance.Resolution;
import org.lawtrace.compliance.Severity;
import org.lawtrace.documents.ConfirmationKind;
import org.lawtrace.documents.ConfirmationRule;
import org.lawtrace.documents.Direction;
import org.lawtrace.documents.ServiceMethod;
import org.lawtrace.documents.SignerRole;
import org.lawtrace.documents.Volume;
import org.lawtrace.recordings.Channel;
import org.lawtrace.recordings.CorrectionRequest;
import org.lawtrace.recordings.DeviceFinding;
import org.lawtrace.recordings.RecordingKind;
import org.lawtrace.staff.Role;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The pages' words, every bundle the application reads: both languages say everything, every bundle on the class
 * path is read, and every kind, status and route a page shows has a label, named as the domain itself names it where
 * it does (pages speak Simplified Chinese, never enum constants). One test for all bundles, instead of one per module.
 */
class MessageBundlesUnitTests {

	private static final List<String> BASENAMES = basenames();
	private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

	static {
		MESSAGES.setBasenames(BASENAMES.toArray(String[]::new));
		MESSAGES.setDefaultEncoding("UTF-8");
		MESSAGES.setFallbackToSystemLocale(false);
	}

	static Stream<String> bundles() {
		return BASENAMES.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("bundles")
	@DisplayName("English has every key Chinese has")
	void englishHasEveryKeyChineseHas(String basename) throws IOException {
		assertThat(keys(basename + "_en.properties")).isEqualTo(keys(basename + ".properties"));
	}

	@Test
	@DisplayName("every bundle on the class path is one the application reads")
	void everyBundleIsRead() throws IOException {
		var found = Arrays.stream(new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties"))
			.map(r -> "i18n/" + r.getFilename().replace(".properties", ""))
			.filter(name -> !name.endsWith("_en"))
			.toList();
		assertThat(BASENAMES).containsAll(found).contains("messages");
	}

	/** A kind of value pages show, the key it is shown by, and the names the domain gives it (null: any label). */
	record Labels(String what, Enum<?>[] values, Function<Enum<?>, String> key,
			@Nullable Function<Enum<?>, String> chinese, @Nullable Function<Enum<?>, String> english) {

		@Override
		public String toString() {
			return what;
		}
	}

	static Stream<Arguments> labels() {
		return Stream.of(
				labels(Role.values(), e -> ((Role) e).chineseName(), null),
				labels(CaseKind.values(), e -> ((CaseKind) e).chineseName(), e -> ((CaseKind) e).englishName()),
				labels(StageKind.values(), e -> ((StageKind) e).chineseName(), e -> ((StageKind) e).englishName()),
				labels(RecordingKind.values(), e -> ((RecordingKind) e).chineseName(), null),
				labels("Status", Case.Status.values()), labels(Procedure.values()),
				labels("PartyKind", Party.Kind.values()), labels(Channel.values()), labels(DeviceFinding.values()),
				labels(AccessRequest.Standing.values()), labels(AccessRequest.Route.values()),
				labels(AccessRequest.Scope.values()), labels(PackageRecipientKind.values()),
				labels(Light.values()), labels(Severity.values()), labels(Resolution.values()),
				labels(BookmarkKind.values()), labels("BookmarkSource", Bookmark.Source.values()),
				Arguments.of(new Labels("Exemption.Status", Exemption.Status.values(),
						e -> "compliance.exemption." + e.name(), null, null)),
				Arguments.of(new Labels("CorrectionRequest.Status", CorrectionRequest.Status.values(),
						e -> "correction.status." + e.name(), e -> ((CorrectionRequest.Status) e).chineseName(), null)),
				labels(ConfirmationRule.values()), labels(ConfirmationKind.values()), labels(SignerRole.values()),
				labels(ServiceMethod.values()), labels(Volume.values()), labels(Direction.values()),
				inspection("RecordKind", org.lawtrace.inspection.RecordKind.values(), "inspection.kind."),
				inspection("Conclusion", org.lawtrace.inspection.Conclusion.values(), "inspection.conclusion."),
				inspection("Verdict", org.lawtrace.inspection.Verdict.values(), "inspection.verdict."),
				inspection("SpotCheckPlan.Status", org.lawtrace.inspection.SpotCheckPlan.Status.values(),
						"inspection.status."));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("labels")
	@DisplayName("every value a page shows has a label in both languages, the domain's own name where it has one")
	void everyValueShownHasALabel(Labels labels) {
		for (var value : labels.values()) {
			var key = labels.key().apply(value);
			var zh = MESSAGES.getMessage(key, null, null, Locale.SIMPLIFIED_CHINESE);
			var en = MESSAGES.getMessage(key, null, null, Locale.ENGLISH);
			assertThat(zh).as(key).isNotBlank();
			assertThat(en).as(key).isNotBlank();
			if (labels.chinese() != null) {
				assertThat(zh).as(key).isEqualTo(labels.chinese().apply(value));
			}
			if (labels.english() != null) {
				assertThat(en).as(key).isEqualTo(labels.english().apply(value));
			}
		}
	}

	/** The inspection pages' values (ART-21), shown by keys of their own. */
	private static Arguments inspection(String what, Enum<?>[] values, String prefix) {
		return Arguments.of(new Labels(what, values, e -> prefix + e.name(), null, null));
	}

	private static Arguments labels(Enum<?>[] values) {
		return labels(values[0].getDeclaringClass().getSimpleName(), values);
	}

	private static Arguments labels(String type, Enum<?>[] values) {
		return Arguments.of(new Labels(type, values, e -> "enum." + type + "." + e.name(), null, null));
	}

	private static Arguments labels(Enum<?>[] values, Function<Enum<?>, String> chinese,
			@Nullable Function<Enum<?>, String> english) {
		var type = values[0].getDeclaringClass().getSimpleName();
		return Arguments.of(new Labels(type, values, e -> "enum." + type + "." + e.name(), chinese, english));
	}

	/** The bundles the application reads ({@code spring.messages.basename}). */
	private static List<String> basenames() {
		try {
			return Arrays.stream(load("application.properties").getProperty("spring.messages.basename").split(","))
				.map(String::strip).toList();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private static Set<String> keys(String file) throws IOException {
		return load(file).stringPropertyNames();
	}

	private static Properties load(String file) throws IOException {
		var properties = new Properties();
		try (var in = new InputStreamReader(new ClassPathResource(file).getInputStream(), StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		return properties;
	}
}
