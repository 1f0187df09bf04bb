package org.lawtrace.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class ArticleNamesUnitTests {

	@Test
	void namesArticlesAsBureauStaffSayThem() {
		assertThat(ArticleNames.of("ART-06.3", Locale.SIMPLIFIED_CHINESE)).isEqualTo("第六条第（三）项");
		assertThat(ArticleNames.of("ART-15.1", Locale.SIMPLIFIED_CHINESE)).isEqualTo("第十五条第（一）项");
		assertThat(ArticleNames.of("ART-20", Locale.SIMPLIFIED_CHINESE)).isEqualTo("第二十条");
		assertThat(ArticleNames.of("ART-22", Locale.SIMPLIFIED_CHINESE)).isEqualTo("第二十二条");
		assertThat(ArticleNames.of("ART-06.0", Locale.SIMPLIFIED_CHINESE)).isEqualTo("第六条");
	}

	@Test
	void inEnglishAndInsideText() {
		assertThat(ArticleNames.of("ART-06.3", Locale.ENGLISH)).isEqualTo("Art. 6(3)");
		assertThat(ArticleNames.of("须经批准（ART-20）", Locale.SIMPLIFIED_CHINESE)).isEqualTo("须经批准（第二十条）");
		assertThat(ArticleNames.of(null, Locale.ENGLISH)).isEmpty();
	}
}
