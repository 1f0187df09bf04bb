package org.lawtrace.recordings.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.cases.StageKind;
import org.lawtrace.recordings.web.StageCoverage.Piece;
import org.lawtrace.recordings.web.StageCoverage.Requirement;

/** The case timeline's geometry (ART-06): where bars and gaps stand on a stage's axis, on plain times. */
class StageCoverageUnitTests {

	private static final OffsetDateTime NINE = OffsetDateTime.of(2026, 11, 20, 9, 0, 0, 0, ZoneOffset.ofHours(8));

	private static OffsetDateTime at(int minutes) {
		return NINE.plusMinutes(minutes);
	}

	private static Piece<String> video(int from, int to, String name) {
		return new Piece<>(at(from), at(to), true, name);
	}

	private static Piece<String> hidden(int from, int to) {
		return new Piece<>(at(from), at(to), true, null);
	}

	@Test
	@DisplayName("ART-06.3: a seizure from 9:00 to 10:00 filmed 9:00-9:20 and 9:30-9:45 has gaps 9:20-9:30 and "
			+ "9:45-10:00, placed as percentages of its axis")
	void gapsOfASeizureAreWhereNoRecordingCoversIt() {
		var c = StageCoverage.of(StageKind.SEIZURE, at(0), at(60),
				List.of(video(30, 45, "b"), video(0, 20, "a")));

		assertThat(c.requirement()).isEqualTo(Requirement.THROUGHOUT);
		assertThat(c.axis().from()).isEqualTo(at(0));
		assertThat(c.axis().to()).isEqualTo(at(60));
		assertThat(c.recordings()).extracting(StageCoverage.Bar::detail).containsExactly("a", "b");
		assertThat(c.recordings().get(1).left()).isCloseTo(50.0, within(0.001));
		assertThat(c.recordings().get(1).width()).isCloseTo(25.0, within(0.001));
		assertThat(c.gaps()).hasSize(2);
		assertThat(c.gaps().get(0).from()).isEqualTo(at(20));
		assertThat(c.gaps().get(0).to()).isEqualTo(at(30));
		assertThat(c.gaps().get(0).style()).isEqualTo("left:33.333%;width:16.667%");
		assertThat(c.gaps().get(1).from()).isEqualTo(at(45));
		assertThat(c.gaps().get(1).to()).isEqualTo(at(60));
		assertThat(c.coveredPercent()).isEqualTo(58);
		assertThat(c.missing()).isFalse();
	}

	@Test
	@DisplayName("ART-06.1, ART-20: recordings the viewer may not see cover the stage too, merged into one stretch "
			+ "without details")
	void hiddenRecordingsCoverWithoutDetails() {
		var c = StageCoverage.of(StageKind.ON_SITE_INSPECTION, at(0), at(60),
				List.of(video(0, 30, "mine"), hidden(25, 40), hidden(35, 60)));

		assertThat(c.gaps()).isEmpty();
		assertThat(c.coveredPercent()).isEqualTo(100);
		assertThat(c.recordings()).singleElement().satisfies(b -> assertThat(b.detail()).isEqualTo("mine"));
		assertThat(c.hidden()).singleElement().satisfies(h -> {
			assertThat(h.from()).isEqualTo(at(25));
			assertThat(h.to()).isEqualTo(at(60));
			assertThat(h.detail()).isNull();
		});
	}

	@Test
	@DisplayName("ART-06.3: a mandatory stage with no recording at all is missing, and wholly a gap")
	void aMandatoryStageWithoutRecordingsIsMissing() {
		var c = StageCoverage.<String>of(StageKind.SEALING_UP, at(0), at(30), List.of());

		assertThat(c.missing()).isTrue();
		assertThat(c.gaps()).singleElement().satisfies(g -> {
			assertThat(g.left()).isCloseTo(0, within(0.001));
			assertThat(g.width()).isCloseTo(100, within(0.001));
		});
		assertThat(c.coveredPercent()).isZero();
	}

	@Test
	@DisplayName("ART-06.1: a photo does not cover a stage; it is a moment on the axis")
	void photosAreMomentsNotCoverage() {
		var c = StageCoverage.of(StageKind.SAMPLING, at(0), at(40),
				List.of(new Piece<>(at(10), at(10), false, "IMG"), new Piece<String>(at(20), at(20), false, null)));

		assertThat(c.missing()).isTrue();
		assertThat(c.photos()).singleElement().satisfies(p -> {
			assertThat(p.left()).isCloseTo(25.0, within(0.001));
			assertThat(p.position()).isEqualTo("left:25.000%");
		});
		assertThat(c.hiddenPhotos()).isEqualTo(1);
	}

	@Test
	@DisplayName("ART-06.2, ART-06.5: service and orders to correct need recordings, not continuous ones, so they "
			+ "have no gaps")
	void serviceAndOrdersToCorrectHaveNoGaps() {
		var service = StageCoverage.of(StageKind.SERVICE_LEFT_AT_ADDRESS, at(0), at(60), List.of(video(0, 5, "v")));
		var order = StageCoverage.<String>of(StageKind.ORDER_TO_CORRECT, at(0), at(60), List.of());

		assertThat(service.requirement()).isEqualTo(Requirement.SOME_RECORD);
		assertThat(service.gaps()).isEmpty();
		assertThat(service.missing()).isFalse();
		assertThat(order.missing()).isTrue();
		assertThat(order.gaps()).isEmpty();
	}

	@Test
	@DisplayName("A stage that needs text records only shows its recordings and never a gap")
	void textStagesHaveNoGaps() {
		var c = StageCoverage.of(StageKind.QUESTIONING, at(0), at(60), List.of(video(10, 20, "v")));

		assertThat(c.requirement()).isEqualTo(Requirement.NONE);
		assertThat(c.mandatory()).isFalse();
		assertThat(c.gaps()).isEmpty();
		assertThat(c.missing()).isFalse();
		assertThat(c.coveredPercent()).isNull();
	}

	@Test
	@DisplayName("Recordings beyond the stage widen its axis by at most a stage length; the stage stays readable")
	void axisReachesBeyondTheStageBoundedly() {
		var c = StageCoverage.of(StageKind.SEIZURE, at(0), at(60),
				List.of(video(-20, 30, "early"), video(50, 24 * 60, "a day late")));

		assertThat(c.axis().from()).isEqualTo(at(-20));
		assertThat(c.axis().to()).isEqualTo(at(120));
		assertThat(c.stage().left()).isCloseTo(20 * 100.0 / 140, within(0.001));
		assertThat(c.recordings().get(1).left() + c.recordings().get(1).width()).isCloseTo(100, within(0.001));
		assertThat(c.gaps()).singleElement().satisfies(g -> {
			assertThat(g.from()).isEqualTo(at(30));
			assertThat(g.to()).isEqualTo(at(50));
		});
	}

	@Test
	@DisplayName("A stage without an end is drawn on a ten-minute axis around it; no gaps are measured")
	void aStageWithoutAnEndHasNoMeasuredGaps() {
		var c = StageCoverage.<String>of(StageKind.SEIZURE, at(0), null, List.of());

		assertThat(c.axis().from()).isEqualTo(at(-5));
		assertThat(c.axis().to()).isEqualTo(at(5));
		assertThat(c.gaps()).isEmpty();
		assertThat(c.coveredPercent()).isNull();
		assertThat(c.missing()).isTrue();
	}
}
