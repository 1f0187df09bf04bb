package org.lawtrace.documents;

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

/** The documents' words: both languages say everything, and every kind shown in a page has its label. */
class DocumentMessagesTests {

	private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

	DocumentMessagesTests() {
		messages.setBasenames("messages", "i18n/documents");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
	}

	@Test
	void englishHasEveryKeyChineseHas() throws IOException {
		assertThat(keys("i18n/documents_en.properties")).isEqualTo(keys("i18n/documents.properties"));
	}

	@Test
	void everyEnumShownHasALabel() {
		for (var values : new Enum<?>[][] { ConfirmationRule.values(), ConfirmationKind.values(), SignerRole.values(),
				ServiceMethod.values(), Volume.values(), Direction.values() }) {
			Arrays.stream(values).forEach(v -> {
				var key = "enum." + v.getDeclaringClass().getSimpleName() + "." + v.name();
				assertThat(messages.getMessage(key, null, null, Locale.SIMPLIFIED_CHINESE)).as(key).isNotBlank();
				assertThat(messages.getMessage(key, null, null, Locale.ENGLISH)).as(key).isNotBlank();
			});
		}
	}

	private static Set<String> keys(String file) throws IOException {
		var properties = new Properties();
		try (var in = new InputStreamReader(new ClassPathResource(file).getInputStream(), StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		return properties.stringPropertyNames();
	}
}
