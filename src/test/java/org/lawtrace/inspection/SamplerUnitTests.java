package org.lawtrace.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.UnitId;

/** ART-21: the spot-check sample is stratified, covers every stratum, and is reproduced by its seed. */
class SamplerUnitTests {

	private static final UnitId TEAM = new UnitId(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
	private static final UnitId OFFICE = new UnitId(UUID.fromString("00000000-0000-0000-0000-00000000000b"));
	private static final StaffId OFFICER = new StaffId(UUID.randomUUID());

	private static List<Sampler.Candidate> candidates(UnitId unit, RecordKind kind, int n) {
		var list = new ArrayList<Sampler.Candidate>();
		for (var i = 0; i < n; i++) {
			list.add(new Sampler.Candidate(UUID.randomUUID(), unit, kind, OFFICER));
		}
		return list;
	}

	private static List<Sampler.Candidate> population() {
		var all = new ArrayList<Sampler.Candidate>();
		all.addAll(candidates(TEAM, RecordKind.CASE_AV, 40));
		all.addAll(candidates(TEAM, RecordKind.DAILY_AV, 9));
		all.addAll(candidates(OFFICE, RecordKind.CASE_AV, 1));
		all.addAll(candidates(OFFICE, RecordKind.DAILY_AV, 20));
		return all;
	}

	@Test
	@DisplayName("ART-21: the same candidates and seed give the same sample, in whatever order the candidates come")
	void sameSeedSameSample() {
		var all = population();
		var first = Sampler.draw(all, 20261206L, 10, null);
		var shuffled = new ArrayList<>(all);
		Collections.shuffle(shuffled);
		var again = Sampler.draw(shuffled, 20261206L, 10, null);
		assertThat(again.sample()).isEqualTo(first.sample());
		assertThat(again.strata()).isEqualTo(first.strata());
		var other = Sampler.draw(all, 7L, 10, null);
		assertThat(other.sample()).as("another seed draws another sample").isNotEqualTo(first.sample());
	}

	@Test
	@DisplayName("ART-21: every non-empty stratum (unit × record kind) gets at least one, the rest in proportion")
	void coversEachStratum() {
		var drawn = Sampler.draw(population(), 42L, 7, null);
		assertThat(drawn.sample()).hasSize(7).doesNotHaveDuplicates();
		var perStratum = drawn.sample().stream()
			.collect(Collectors.groupingBy(c -> c.unit() + "/" + c.kind(), Collectors.counting()));
		assertThat(perStratum).hasSize(4);
		assertThat(drawn.strata()).extracting(Stratum::drawn).allMatch(d -> d >= 1);
		assertThat(drawn.strata()).extracting(Stratum::candidates).containsExactlyInAnyOrder(40, 9, 1, 20);
		var largest = drawn.strata().stream().filter(s -> s.candidates() == 40).findFirst().orElseThrow();
		assertThat(largest.drawn()).as("the largest stratum gets the most").isEqualTo(3);
	}

	@Test
	@DisplayName("ART-21: a percentage is rounded up; a sample smaller than the strata still covers each; never more than there are")
	void sizes() {
		assertThat(Sampler.draw(population(), 1L, null, 10).sample()).hasSize(7);
		assertThat(Sampler.draw(population(), 1L, 2, null).sample()).as("one per stratum at least").hasSize(4);
		assertThat(Sampler.draw(population(), 1L, 500, null).sample()).hasSize(70);
		assertThat(Sampler.draw(List.of(), 1L, 5, null).sample()).isEmpty();
		assertThat(Sampler.allocate(new int[] { 40, 9, 1, 20 }, 10)).containsExactly(5, 1, 1, 3);
	}
}
