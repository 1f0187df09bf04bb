package org.lawtrace.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The document kinds shipped with the platform (ART-05.1): the SAMR 2021 set of 56 plus the seed's own. */
class KindReferenceDataUnitTests {

	private final java.util.List<DocumentKind> kinds = KindReferenceData.shipped();

	@Test
	@DisplayName("ART-05.1: 56 SAMR 2021 template kinds and the seed's extra kinds, each code once")
	void shipsTheSamrSetAndTheSeedsKinds() {
		assertThat(kinds).hasSize(60);
		assertThat(new HashSet<>(kinds.stream().map(DocumentKind::code).toList())).hasSize(60);
		assertThat(kinds.subList(0, 56)).extracting(DocumentKind::chineseName)
			.contains("案件来源登记表", "询问笔录", "行政处罚告知书", "行政处罚决定书", "送达回证", "结案审批表", "卷内备考表");
		assertThat(kinds.subList(56, 60)).extracting(DocumentKind::chineseName)
			.containsExactly("当事人提交材料", "鉴定意见", "专家论证报告", "其他材料");
	}

	@Test
	@DisplayName("ART-05.3, ART-14: external documents are sealed, records signed page by page where the rules say, "
			+ "and every filed kind has its SAMR-PR Art. 78 place")
	void kindsFollowTheRules() {
		assertThat(kinds).filteredOn(k -> k.direction() == Direction.EXTERNAL)
			.allSatisfy(k -> assertThat(k.confirmations()).as(k.code()).contains(ConfirmationRule.SEAL));
		assertThat(kinds).filteredOn(k -> k.code().equals("QUESTIONING_RECORD")).singleElement()
			.satisfies(k -> assertThat(k.pageByPage()).isTrue());
		assertThat(kinds).filteredOn(k -> k.volume() == Volume.MAIN)
			.allSatisfy(k -> assertThat(k.section()).as(k.code()).isBetween(1, 7));
		assertThat(kinds).filteredOn(k -> k.volume() == Volume.SECONDARY)
			.allSatisfy(k -> assertThat(k.section()).as(k.code()).isBetween(1, 6));
		assertThat(kinds).filteredOn(k -> k.code().equals("FILING_APPROVAL")).singleElement()
			.satisfies(k -> assertThat(k.volume()).isEqualTo(Volume.MAIN))
			.satisfies(k -> assertThat(k.section()).isEqualTo(1));
		assertThat(kinds).filteredOn(k -> k.code().equals("ADVANCE_NOTICE")).singleElement()
			.satisfies(k -> assertThat(k.numberPrefix()).isEqualTo("东市监处告"));
	}
}
