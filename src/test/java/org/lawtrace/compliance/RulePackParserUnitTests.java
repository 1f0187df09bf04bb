package org.lawtrace.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.cases.StageKind;

/** Rule packs are read strictly: whatever is wrong is refused with its line. */
class RulePackParserUnitTests {

	static final String GOOD = """
			version: test-1
			rules:
			  - id: SEIZURE-COVERAGE
			    check: stage-coverage
			    article: ART-06.3
			    severity: MAJOR
			    partial-severity: MINOR
			    stages: [SEIZURE]
			    settings: {max-gap-seconds: 60}
			""";

	static RulePackRefused refusal(String yaml) {
		try {
			RulePackParser.parse(new StringReader(yaml), "test");
		}
		catch (RulePackRefused e) {
			return e;
		}
		throw new AssertionError("accepted: " + yaml);
	}

	@Test
	@DisplayName("ART-06.3 rule with its own threshold; unset settings take the check's default")
	void readsAPack() throws Exception {
		var pack = RulePackParser.parse(new StringReader(GOOD), "test");
		assertThat(pack.version()).isEqualTo("test-1");
		var rule = pack.rules().get(0);
		assertThat(rule.check()).isEqualTo(Check.STAGE_COVERAGE);
		assertThat(rule.stages()).containsExactly(StageKind.SEIZURE);
		assertThat(rule.setting("max-gap-seconds")).isEqualTo(60);
		assertThat(rule.setting("min-coverage-percent")).isEqualTo(95);
		assertThat(EvaluatorUnitTests.shipped().rules()).hasSizeGreaterThan(10);
	}

	@Test
	void refusesAnUnknownStageKindWithItsLine() {
		var e = refusal(GOOD.replace("[SEIZURE]", "[SEIZURE, SEIZING]"));
		assertThat(e.line()).isEqualTo(8);
		assertThat(e.reason()).contains("unknown stage kind 'SEIZING'");
	}

	@Test
	void refusesAnUnknownCheckWithItsLine() {
		var e = refusal(GOOD.replace("stage-coverage", "stage-coverige"));
		assertThat(e.line()).isEqualTo(4);
		assertThat(e.reason()).contains("unknown check 'stage-coverige'");
	}

	@Test
	void refusesYamlThatDoesNotParseWithItsLine() {
		var e = refusal(GOOD.replace("settings: {max-gap-seconds: 60}", "settings: {max-gap-seconds: 60"));
		assertThat(e.line()).isGreaterThanOrEqualTo(9);
		assertThat(e.reason()).startsWith("not valid YAML");
	}

	@Test
	void refusesUnknownSettingsKeysSeveritiesAndDuplicateIds() {
		assertThat(refusal(GOOD.replace("max-gap-seconds", "max-gap")).line()).isEqualTo(9);
		assertThat(refusal(GOOD.replace("    article", "    artikel")).reason()).contains("unknown key 'artikel'");
		assertThat(refusal(GOOD.replace("severity: MAJOR", "severity: RED")).line()).isEqualTo(6);
		assertThat(refusal(GOOD + GOOD.substring(GOOD.indexOf("  - id"))).reason()).contains("used twice");
		assertThat(refusal(GOOD.replace("60}", "-1}")).reason()).contains("negative");
		assertThat(refusal("rules: []").reason()).contains("'version' is missing");
		assertThat(refusal("").reason()).contains("empty");
	}
}
