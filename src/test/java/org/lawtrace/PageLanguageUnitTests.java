package org.lawtrace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The page-wide guard of {@link Page} finds what it looks for, and lets staff language through. */
class PageLanguageUnitTests {

	@Test
	@DisplayName("The guard knows the demo bureau's login names and the application's enum constants")
	void knowsWhatToLookFor() {
		assertThat(PageLanguage.demoUsernames()).contains("zhang.wei", "li.na", "chen.jing");
		assertThat(PageLanguage.enumConstants()).contains("VIDEO", "OPEN", "HELD_BY_RECORDER");
	}

	@Test
	@DisplayName("Login names, UUIDs, article codes and enum constants on a page are caught; staff language is not")
	void catchesWhatPagesMustNotShow() {
		assertThat(PageLanguage.usernamesIn("张伟 (zhang.wei)")).isNotEmpty();
		assertThat(PageLanguage.usernamesIn("张伟（警号 DY0101）")).isEmpty();
		assertThat(PageLanguage.uuidsIn("recording:0f8fad5b-d9cb-469f-a165-70867728950e")).isNotEmpty();
		assertThat(PageLanguage.articleCodesIn("依据 ART-06.1")).containsExactly("ART-06.1");
		assertThat(PageLanguage.articleCodesIn("第六条第（一）项")).isEmpty();
		assertThat(PageLanguage.enumConstantsIn("视频 · VIDEO")).containsExactly("VIDEO");
		assertThat(PageLanguage.enumConstantsIn("ENTRY_MISSING")).containsExactly("ENTRY_MISSING");
		assertThat(PageLanguage.enumConstantsIn("视频 · 已存储")).isEmpty();
		assertThat(PageLanguage.enumConstantsIn("DSJ_0001.MP4 · IMG_ABC.jpg · SN-VIDEO-01")).isEmpty();
	}

	@Test
	@DisplayName("English in brackets, missing message keys and zone ids on a Chinese page are caught; file names and numbers in brackets are not")
	void catchesEnglishAsidesKeysAndZones() {
		assertThat(PageLanguage.bracketedEnglishIn("证书 2026-01-01 (expired)")).containsExactly("(expired)");
		assertThat(PageLanguage.bracketedEnglishIn("上传 (uploaded)")).containsExactly("(uploaded)");
		assertThat(PageLanguage.bracketedEnglishIn("（no audio or video recording of this stage）")).isNotEmpty();
		assertThat(PageLanguage.bracketedEnglishIn("张伟（警号 DY0101） · 录像 (DSJ_0001.MP4) · (PDF) · (3/5)")).isEmpty();
		assertThat(PageLanguage.missingKeysIn("状态 ??case.status.OPEN_zh_CN??")).containsExactly("??case.status.OPEN_zh_CN??");
		assertThat(PageLanguage.missingKeysIn("是否？？")).isEmpty();
		assertThat(PageLanguage.zoneIdsIn("时间为本局时区 Asia/Shanghai")).containsExactly("Asia/Shanghai");
		assertThat(PageLanguage.zoneIdsIn("2026-12-05T15:23:00+08:00")).isNotEmpty();
		assertThat(PageLanguage.zoneIdsIn("12月5日 15:23 · 2026-12-05 15:23")).isEmpty();
		assertThat(PageLanguage.findingsIn("张伟 于 12月5日 15:23 播放了 DSJ_0001.MP4")).isEmpty();
	}

	@Test
	@DisplayName("A page showing a login name fails the guard; an HTML comment with an article code does too")
	void pagesFailTheGuard() {
		var head = "<!DOCTYPE html><html><head><meta charset=utf-8><title>t</title></head><body>";
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> Page.of(head + "<dd>张伟 (zhang.wei)</dd></body></html>"))
			.isInstanceOf(AssertionError.class).hasMessageContaining("login names");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> Page.of(head + "<!-- ART-20 --><p>x</p></body></html>"))
			.isInstanceOf(AssertionError.class).hasMessageContaining("article codes");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> Page.fragment("<select><option>VIDEO</option></select>"))
			.isInstanceOf(AssertionError.class).hasMessageContaining("enum constants");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> Page.fragment("<img alt=\"ART-06\">"))
			.isInstanceOf(AssertionError.class).hasMessageContaining("article codes");
		Page.of(head + "<dd>张伟（警号 DY0101）</dd><!--/* nothing */--></body></html>");
	}
}
