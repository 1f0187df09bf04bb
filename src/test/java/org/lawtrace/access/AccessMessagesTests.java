package org.lawtrace.access;

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

/** The access pages' words: both languages say everything, and every standing and route shown has a label. */
class AccessMessagesTests {

	private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

	AccessMessagesTests() {
		messages.setBasename("i18n/access");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
	}

	@Test
	void englishHasEveryKeyChineseHas() throws IOException {
		assertThat(keys("i18n/access_en.properties")).isEqualTo(keys("i18n/access.properties"));
	}

	@Test
	void everyStandingRouteAndScopeHasALabel() {
		labelled("Standing", AccessRequest.Standing.values());
		labelled("Route", AccessRequest.Route.values());
		labelled("Scope", AccessRequest.Scope.values());
	}

	private void labelled(String type, Enum<?>[] values) {
		Arrays.stream(values).forEach(value -> {
			var key = "enum." + type + "." + value.name();
			assertThat(messages.getMessage(key, null, null, Locale.SIMPLIFIED_CHINESE)).as(key).isNotBlank();
			assertThat(messages.getMessage(key, null, null, Locale.ENGLISH)).as(key).isNotBlank();
		});
	}

	private static Set<String> keys(String file) throws IOException {
		var properties = new Properties();
		try (var in = new InputStreamReader(new ClassPathResource(file).getInputStream(), StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		return properties.stringPropertyNames();
	}
}
