package org.lawtrace.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StageKindUnitTests {

	@Test
	@DisplayName("ART-06: every one of the seven AV-mandatory groups has at least one stage kind")
	void coversAllSevenAvMandatoryGroups() {
		var articles = Arrays.stream(StageKind.values()).filter(StageKind::avMandatory).map(StageKind::article)
			.collect(Collectors.toSet());
		assertThat(articles).containsExactlyInAnyOrder("ART-06.1", "ART-06.2", "ART-06.3", "ART-06.4", "ART-06.5",
				"ART-06.6", "ART-06.7");
	}

	@Test
	@DisplayName("ART-06.1–06.7: the kinds the regulation names are AV-mandatory under their own item")
	void namedKindsCiteTheirItem() {
		assertThat(StageKind.ON_SITE_INSPECTION.article()).isEqualTo("ART-06.1");
		assertThat(StageKind.SAMPLING.article()).isEqualTo("ART-06.1");
		assertThat(StageKind.SERVICE_LEFT_AT_ADDRESS.article()).isEqualTo("ART-06.2");
		assertThat(StageKind.SERVICE_BY_PUBLIC_NOTICE.article()).isEqualTo("ART-06.2");
		assertThat(StageKind.SEALING_UP.article()).isEqualTo("ART-06.3");
		assertThat(StageKind.SEIZURE.article()).isEqualTo("ART-06.3");
		assertThat(StageKind.HEARING.article()).isEqualTo("ART-06.4");
		assertThat(StageKind.ORDER_TO_CORRECT.article()).isEqualTo("ART-06.5");
		assertThat(StageKind.FINE_COLLECTED_ON_SPOT.article()).isEqualTo("ART-06.6");
		assertThat(StageKind.CONFISCATION.article()).isEqualTo("ART-06.6");
		assertThat(StageKind.DESTRUCTION.article()).isEqualTo("ART-06.6");
		assertThat(StageKind.ORAL_STATEMENT.article()).isEqualTo("ART-06.7");
	}

	@Test
	@DisplayName("ART-05.2: stages that carry text records only are not AV-mandatory")
	void textRecordStagesAreNotAvMandatory() {
		assertThat(Arrays.asList(StageKind.FILING, StageKind.QUESTIONING, StageKind.COLLECTIVE_DISCUSSION,
				StageKind.EXPERT_REVIEW, StageKind.DECISION, StageKind.SERVICE, StageKind.OTHER))
			.allSatisfy(kind -> {
				assertThat(kind.avMandatory()).isFalse();
				assertThat(kind.article()).isEqualTo("ART-05.2");
			});
	}

	@Test
	@DisplayName("ART-08: penalty and coercion need two officers, inspection one")
	void caseKindsKnowHowManyOfficersTheyNeed() {
		assertThat(CaseKind.ADMINISTRATIVE_PENALTY.officersRequired()).isEqualTo(2);
		assertThat(CaseKind.ADMINISTRATIVE_COERCION.officersRequired()).isEqualTo(2);
		assertThat(CaseKind.SUPERVISION_INSPECTION.officersRequired()).isEqualTo(1);
	}
}
