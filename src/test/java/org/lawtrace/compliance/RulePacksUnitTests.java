package org.lawtrace.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

/** A data directory's pack overrides the shipped one; a refused pack leaves the one in force. */
class RulePacksUnitTests {

	@TempDir
	Path dir;

	RulePacks packs() {
		return new RulePacks(new DefaultResourceLoader(), "file:" + dir + "/rules.yaml");
	}

	@Test
	@DisplayName("ART-24: the shipped pack is in force until the data directory has one")
	void shippedPackUntilOverridden() throws Exception {
		var packs = packs();
		assertThat(packs.current().version()).isEqualTo("dongyang-2026.1");
		Files.writeString(dir.resolve("rules.yaml"), RulePackParserUnitTests.GOOD, StandardCharsets.UTF_8);
		assertThat(packs.reload().version()).isEqualTo("test-1");
		assertThat(packs.current().rules()).hasSize(1);
	}

	@Test
	@DisplayName("a pack naming an unknown stage kind is refused with line and reason; the previous pack stays")
	void refusedPackKeepsThePrevious() throws Exception {
		Files.writeString(dir.resolve("rules.yaml"), RulePackParserUnitTests.GOOD, StandardCharsets.UTF_8);
		var packs = packs();
		assertThat(packs.current().version()).isEqualTo("test-1");
		Files.writeString(dir.resolve("rules.yaml"),
				RulePackParserUnitTests.GOOD.replace("test-1", "test-2").replace("SEIZURE]", "SEIZURE, DETENTION]"),
				StandardCharsets.UTF_8);
		assertThatThrownBy(packs::reload).isInstanceOf(RulePackRefused.class)
			.hasMessage("line 8: unknown stage kind 'DETENTION' in rule SEIZURE-COVERAGE");
		assertThat(packs.current().version()).isEqualTo("test-1");
	}

	@Test
	@DisplayName("a broken pack at start-up leaves the shipped pack in force")
	void brokenPackAtStartUp() throws Exception {
		Files.writeString(dir.resolve("rules.yaml"), "version: x\nrules: [", StandardCharsets.UTF_8);
		assertThat(packs().current().version()).isEqualTo("dongyang-2026.1");
	}
}
