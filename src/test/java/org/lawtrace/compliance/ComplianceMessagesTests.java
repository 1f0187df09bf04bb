package org.lawtrace.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.ClassPathResource;

/**
 * The compliance pages' words exist in both languages, with a label for every light, severity, resolution,
 * exemption status, bookmark kind and bookmark source.
 */
class ComplianceMessagesTests {

	@Test
	void englishHasEveryKeyChineseHas() throws IOException {
		assertThat(keys("i18n/compliance_en.properties")).isEqualTo(keys("i18n/compliance.properties"));
	}

	@Test
	void everyLightSeverityAndResolutionHasALabel() {
		var messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages", "i18n/compliance");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		for (var values : new Enum<?>[][] { Light.values(), Severity.values(), Resolution.values(),
				Exemption.Status.values(), BookmarkKind.values(), Bookmark.Source.values() }) {
			Arrays.stream(values).forEach(value -> {
				var key = value instanceof Exemption.Status ? "compliance.exemption." + value.name()
						: value instanceof Bookmark.Source ? "enum.BookmarkSource." + value.name()
						: "enum." + value.getDeclaringClass().getSimpleName() + "." + value.name();
				assertThat(messages.getMessage(key, null, null, Locale.SIMPLIFIED_CHINESE)).as(key).isNotBlank();
				assertThat(messages.getMessage(key, null, null, Locale.ENGLISH)).as(key).isNotBlank();
			});
		}
	}

	private static Set<Object> keys(String file) throws IOException {
		var properties = new Properties();
		try (var in = new InputStreamReader(new ClassPathResource(file).getInputStream(), StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		return properties.keySet();
	}
}
