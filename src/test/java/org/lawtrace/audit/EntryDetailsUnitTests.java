package org.lawtrace.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** ART-22 (issue 12): the facts read back from entries for the records check cannot be faked by typed text. */
class EntryDetailsUnitTests {

	private static final String A = "a".repeat(64);
	private static final String B = "b".repeat(64);

	@Test
	@DisplayName("ART-22: an UPLOAD entry's facts are read as written, the recorder's id after the older fields")
	void readsAnUploadEntry() {
		var d = EntryDetails.of("sha256=" + A + " size=42 kind=VIDEO channel=UPLOAD recordedBy=zhang.wei case="
				+ "c1 recordedById=00000000-0000-0000-0000-000000000007");
		assertThat(d.get("sha256")).isEqualTo(A);
		assertThat(d.number("size")).isEqualTo(42L);
		assertThat(d.get("recordedBy")).isEqualTo("zhang.wei");
		assertThat(d.get("recordedById")).isEqualTo("00000000-0000-0000-0000-000000000007");
		assertThat(d.get("sm3")).isNull();
	}

	@Test
	@DisplayName("ART-22: a reason typed with 'sha256=' in it does not pass for the version's digest")
	void aTypedReasonIsNotAFact() {
		var d = EntryDetails.of("case=c1 version=2 sha256=" + A + " size=7 reason=笔误 sha256=" + B + " size=9");
		assertThat(d.get("sha256")).isEqualTo(A);
		assertThat(d.number("size")).isEqualTo(7L);
		var older = EntryDetails.of("version=2 case=- stages=0 reason=moved recordedById=x");
		assertThat(older.get("recordedById")).isNull();
	}

	@Test
	@DisplayName("ART-22: a document number typed with 'sha256=' in it does not pass for the registered digest")
	void aTypedNumberIsNotAFact() {
		var detail = "case=c1 kind=NOTICE number=X sha256=" + B + " size=1 sha256=" + A + " size=5 sm3=" + B;
		var d = EntryDetails.fromLast(detail, "sha256");
		assertThat(d.get("sha256")).isEqualTo(A);
		assertThat(d.number("size")).isEqualTo(5L);
		assertThat(d.get("sm3")).isEqualTo(B);
		assertThat(EntryDetails.of(detail).get("case")).isEqualTo("c1");
	}
}
