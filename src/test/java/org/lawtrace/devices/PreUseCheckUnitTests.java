package org.lawtrace.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.shared.InvalidInput;

@DisplayName("ART-11: pre-use checks against the bureau's thresholds")
class PreUseCheckUnitTests {

	private final CheckThresholds thresholds = new CheckThresholds(50, 20, 60);

	@Test
	void aDeviceThatMeetsEveryThresholdPasses() {
		assertThat(thresholds.failuresOf(new CheckReadings(50, null, 20, -60, true), null)).isEmpty();
	}

	@Test
	@DisplayName("ART-11: low battery, low storage, a drifting clock and a loose mount each fail the check")
	void eachShortfallIsNamed() {
		assertThat(thresholds.failuresOf(new CheckReadings(49, null, 19, 61, false), null))
			.containsExactly(CheckFailure.BATTERY, CheckFailure.STORAGE, CheckFailure.CLOCK, CheckFailure.LENS);
		assertThat(thresholds.failuresOf(new CheckReadings(90, null, 90, -61, true), null))
			.containsExactly(CheckFailure.CLOCK);
	}

	@Test
	void freeStorageInMegabytesIsJudgedAgainstTheDevicesCapacity() {
		assertThat(thresholds.failuresOf(new CheckReadings(90, 12_800, null, 0, true), 64_000)).isEmpty();
		assertThat(thresholds.failuresOf(new CheckReadings(90, 12_799, null, 0, true), 64_000))
			.containsExactly(CheckFailure.STORAGE);
	}

	@Test
	void megabytesAloneCannotBeJudgedWithoutTheCapacity() {
		var readings = new CheckReadings(90, 5_000, null, 0, true);
		assertThatThrownBy(() -> thresholds.failuresOf(readings, null))
			.isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("freeStoragePercent"));
	}

	@Test
	@DisplayName("Readings no device can show are refused, naming the field: battery 140 %, negative storage")
	void impossibleReadingsAreRefused() {
		assertField(() -> new CheckReadings(140, null, 50, 0, true), "batteryPercent");
		assertField(() -> new CheckReadings(-1, null, 50, 0, true), "batteryPercent");
		assertField(() -> new CheckReadings(80, -5, null, 0, true), "freeStorageMb");
		assertField(() -> new CheckReadings(80, null, -1, 0, true), "freeStoragePercent");
		assertField(() -> new CheckReadings(80, null, 101, 0, true), "freeStoragePercent");
		assertField(() -> new CheckReadings(80, null, null, 0, true), "freeStoragePercent");
		assertField(() -> thresholds.failuresOf(new CheckReadings(80, 70_000, null, 0, true), 64_000),
				"freeStorageMb");
	}

	private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
		assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo(field));
	}

	@Test
	@DisplayName("ART-11, issue 15: a form learns every impossible reading at once, the constructor refuses the first")
	void everyImpossibleReadingIsNamedAtOnce() {
		assertThat(CheckReadings.problems(140, -5, null)).extracting(InvalidInput::field)
			.containsExactly("batteryPercent", "freeStorageMb");
		assertThat(CheckReadings.problems(80, null, null)).extracting(InvalidInput::field)
			.containsExactly("freeStoragePercent");
		assertThat(CheckReadings.problems(80, null, 50)).isEmpty();
		assertThatThrownBy(() -> new CheckReadings(140, -5, null, 0, true))
			.isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("batteryPercent"));
	}
}
