package org.lawtrace.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.ClassPathResource;

/** The correction pages' words: both languages say everything, and each status is named as the domain names it. */
class CorrectionMessagesTests {

	private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

	CorrectionMessagesTests() {
		messages.setBasename("i18n/corrections");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
	}

	@Test
	void englishHasEveryKeyChineseHas() throws IOException {
		assertThat(keys("i18n/corrections_en.properties")).isEqualTo(keys("i18n/corrections.properties"));
	}

	@Test
	void everyStatusIsNamedAsTheDomainNamesIt() {
		for (var status : CorrectionRequest.Status.values()) {
			var key = "correction.status." + status.name();
			assertThat(messages.getMessage(key, null, null, Locale.SIMPLIFIED_CHINESE)).as(key)
				.isEqualTo(status.chineseName());
			assertThat(messages.getMessage(key, null, null, Locale.ENGLISH)).as(key).isNotBlank();
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
