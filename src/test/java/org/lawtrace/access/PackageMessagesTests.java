package org.lawtrace.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The export page's words: both languages say everything, and every kind of recipient has a label in each. */
class PackageMessagesTests {

	@Test
	void englishHasEveryKeyChineseHasAndEveryRecipientKindIsLabelled() throws IOException {
		var zh = keys("i18n/packages.properties");
		assertThat(keys("i18n/packages_en.properties")).isEqualTo(zh);
		for (var kind : PackageRecipientKind.values()) {
			assertThat(zh).contains("enum.PackageRecipientKind." + kind.name());
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
