package org.lawtrace.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** ART-20: the one-call answer for lists says the same as the rule for one record. */
class RecordVisibilityUnitTests {

	private final StaffId viewer = new StaffId(UUID.randomUUID());
	private final CaseId handled = new CaseId(UUID.randomUUID());
	private final CaseId other = new CaseId(UUID.randomUUID());
	private final RecordRef granted = RecordRef.recording(UUID.randomUUID());
	private final RecordRef stranger = RecordRef.document(UUID.randomUUID());

	private final RecordVisibility visible = new RecordVisibility(viewer, false, Set.of(handled), Set.of(granted));

	@Test
	@DisplayName("ART-20: records of a visible case, records a grant names, and unlinked records one made are seen; nothing else")
	void seesOnlyWhatIsOpen() {
		assertThat(visible.sees(stranger, handled, false)).isTrue();
		assertThat(visible.sees(granted, other, false)).isTrue();
		assertThat(visible.sees(stranger, null, true)).isTrue();
		assertThat(visible.sees(stranger, other, true)).as("once linked, the case's rules apply to the maker too").isFalse();
		assertThat(visible.sees(stranger, null, false)).isFalse();
		assertThat(visible.seesWholeCase(other)).isFalse();
		assertThat(visible.recordIds(RecordRef.Kind.DOCUMENT)).isEmpty();
		assertThat(visible.recordIds(RecordRef.Kind.RECORDING)).containsExactly(granted.id());
	}

	@Test
	@DisplayName("ART-13, ART-20: a custodian's visibility takes in every record")
	void everything() {
		var all = RecordVisibility.everything(viewer);
		assertThat(all.sees(stranger, other, false)).isTrue();
		assertThat(all.sees(stranger, null, false)).isTrue();
		assertThat(all.seesWholeCase(other)).isTrue();
	}
}
