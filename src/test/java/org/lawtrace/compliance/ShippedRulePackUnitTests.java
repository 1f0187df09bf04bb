package org.lawtrace.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.cases.StageKind;

/**
 * Pins what the shipped rule pack must keep requiring (Chapter 2, ART-05.2, ART-06): a pack edited so that one of
 * these is dropped or narrowed fails here, not silently in the field.
 */
class ShippedRulePackUnitTests {

	private static Set<StageKind> avCoverage(RulePack pack, String article) {
		var kinds = EnumSet.noneOf(StageKind.class);
		pack.rules().stream().filter(r -> r.check() == Check.STAGE_COVERAGE && r.article().equals(article))
			.filter(r -> r.severity() == Severity.MAJOR).forEach(r -> kinds.addAll(r.stages()));
		return kinds;
	}

	@Test
	@DisplayName("ART-06.4: hearings are recorded in full, a missing recording red")
	void hearingsAreRecorded() throws Exception {
		assertThat(avCoverage(EvaluatorUnitTests.shipped(), "ART-06.4")).contains(StageKind.HEARING);
	}

	@Test
	@DisplayName("ART-06.6: fines collected on the spot, confiscation and destruction of property are recorded in full")
	void confiscationAndDestructionAreRecorded() throws Exception {
		assertThat(avCoverage(EvaluatorUnitTests.shipped(), "ART-06.6")).contains(StageKind.FINE_COLLECTED_ON_SPOT,
				StageKind.CONFISCATION, StageKind.DESTRUCTION);
	}

	@Test
	@DisplayName("ART-06.7: a party's oral statement and defence is recorded in full")
	void oralStatementsAreRecorded() throws Exception {
		assertThat(avCoverage(EvaluatorUnitTests.shipped(), "ART-06.7")).contains(StageKind.ORAL_STATEMENT);
	}

	@Test
	@DisplayName("ART-05.2: each stage kind that leaves a text record has a stage-documents rule naming it")
	void stagesNeedTheirTextRecords() throws Exception {
		var pack = EvaluatorUnitTests.shipped();
		var required = new java.util.HashMap<StageKind, java.util.Set<String>>();
		pack.rules().stream().filter(r -> r.check() == Check.STAGE_DOCUMENTS && r.article().equals("ART-05.2"))
			.forEach(r -> r.stages().forEach(s -> required.computeIfAbsent(s, k -> new java.util.HashSet<>())
				.addAll(r.documents().keySet())));
		assertThat(required.get(StageKind.ON_SITE_INSPECTION)).contains("ON_SITE_RECORD");
		assertThat(required.get(StageKind.QUESTIONING)).contains("QUESTIONING_RECORD");
		assertThat(required.get(StageKind.SEIZURE)).contains("COERCIVE_MEASURE_DECISION", "PROPERTY_INVENTORY");
		assertThat(required.get(StageKind.SEALING_UP)).contains("COERCIVE_MEASURE_DECISION", "PROPERTY_INVENTORY");
		assertThat(required.get(StageKind.HEARING)).contains("HEARING_RECORD");
		assertThat(required.get(StageKind.ORAL_STATEMENT)).contains("STATEMENT_DEFENCE_RECORD");
		assertThat(required.get(StageKind.SAMPLING)).contains("SAMPLING_RECORD");
	}
}
