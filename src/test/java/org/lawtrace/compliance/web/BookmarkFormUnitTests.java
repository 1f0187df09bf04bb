package org.lawtrace.compliance.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.compliance.BookmarkKind;
import org.lawtrace.shared.InvalidInput;

/** ART-06.0: the bookmark form reads the times officers type or the player gives, and refuses the rest by field. */
class BookmarkFormUnitTests {

	@Test
	@DisplayName("ART-06.0: m:ss, h:mm:ss, plain seconds and the player's fractions read as whole seconds")
	void readsTimes() {
		assertThat(BookmarkForm.parse("75")).isEqualTo(75);
		assertThat(BookmarkForm.parse("1:15")).isEqualTo(75);
		assertThat(BookmarkForm.parse("0:01:15")).isEqualTo(75);
		assertThat(BookmarkForm.parse("1:02:03")).isEqualTo(3723);
		assertThat(BookmarkForm.parse("0:12.9")).isEqualTo(12);
		assertThat(new BookmarkForm("OPENING", " 2:05 ", null).offsetSeconds()).isEqualTo(125);
		assertThat(new BookmarkForm("OPENING", " ", "电量耗尽").offsetSeconds()).isNull();
	}

	@Test
	@DisplayName("ART-06.0: a time that is no time names the offset field; a missing mark names the kind")
	void refusesByField() {
		for (var text : new String[] { "abc", "1:60", "1::2", "-5", "1:2:3:4", "" + ":30" }) {
			assertThatThrownBy(() -> BookmarkForm.parse(text)).as(text).isInstanceOfSatisfying(InvalidInput.class,
					e -> assertThat(e.field()).isEqualTo("offset"));
		}
		assertThatThrownBy(() -> new BookmarkForm("MIDDLE", "0:10", null).chosenKind())
			.isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("kind"));
		assertThat(new BookmarkForm("CLOSING", null, null).chosenKind()).isEqualTo(BookmarkKind.CLOSING);
	}

	@Test
	@DisplayName("ART-06.0: offsets are shown the way the form reads them")
	void writesTimes() {
		assertThat(BookmarkForm.format(12_900)).isEqualTo("0:12");
		assertThat(BookmarkForm.format(754_000)).isEqualTo("12:34");
		assertThat(BookmarkForm.format(3_723_000)).isEqualTo("1:02:03");
		assertThat(BookmarkForm.parse(BookmarkForm.format(3_723_000))).isEqualTo(3723);
	}
}
