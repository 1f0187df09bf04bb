package org.lawtrace.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.lawtrace.cases.Case;
import org.lawtrace.cases.CaseKind;
import org.lawtrace.cases.Party;
import org.lawtrace.cases.Procedure;
import org.lawtrace.cases.StageKind;
import org.lawtrace.recordings.Channel;
import org.lawtrace.recordings.RecordingKind;
import org.lawtrace.staff.Role;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.ClassPathResource;

/** The pages' words: both languages say everything, and name the domain's kinds as the domain itself does. */
class MessagesTests {

	private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

	MessagesTests() {
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
	}

	@Test
	void englishHasEveryKeyChineseHas() throws IOException {
		assertThat(keys("messages_en.properties")).isEqualTo(keys("messages.properties"));
	}

	@Test
	void kindsAreNamedAsTheDomainNamesThem() {
		same("Role", Role.values(), Role::chineseName, null);
		same("CaseKind", CaseKind.values(), CaseKind::chineseName, CaseKind::englishName);
		same("StageKind", StageKind.values(), StageKind::chineseName, StageKind::englishName);
		same("RecordingKind", RecordingKind.values(), RecordingKind::chineseName, null);
	}

	@Test
	void everyStatusProcedurePartyKindAndChannelHasALabel() {
		same("Status", Case.Status.values(), null, null);
		same("Procedure", Procedure.values(), null, null);
		same("PartyKind", Party.Kind.values(), null, null);
		same("Channel", Channel.values(), null, null);
		same("DeviceFinding", org.lawtrace.recordings.DeviceFinding.values(), null, null);
	}

	private <E extends Enum<E>> void same(String type, E[] values, Function<E, String> chinese,
			Function<E, String> english) {
		Arrays.stream(values).forEach(value -> {
			var key = "enum." + type + "." + value.name();
			var zh = messages.getMessage(key, null, null, Locale.SIMPLIFIED_CHINESE);
			var en = messages.getMessage(key, null, null, Locale.ENGLISH);
			assertThat(zh).as(key).isNotBlank();
			assertThat(en).as(key).isNotBlank();
			if (chinese != null) {
				assertThat(zh).as(key).isEqualTo(chinese.apply(value));
			}
			if (english != null) {
				assertThat(en).as(key).isEqualTo(english.apply(value));
			}
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
