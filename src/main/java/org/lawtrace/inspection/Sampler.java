package org.lawtrace.inspection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.UnitId;

/**
 * Draws a stratified random sample (分层随机抽样, ART-21) that anyone can draw again: strata are unit × record kind,
 * taken in a fixed order (unit id, then kind), each stratum's candidates in id order; the sample size is allocated
 * in proportion to each stratum's size (largest remainder), with at least one from every non-empty stratum; then one
 * {@link SplittableRandom} seeded with the plan's seed picks within each stratum in turn (a partial Fisher-Yates
 * shuffle). The same candidates and seed give the same sample, whoever draws it and when.
 */
final class Sampler {

	private Sampler() {
	}

	/** A record the plan may draw: its id, its recorder's unit, its kind and its recorder. */
	record Candidate(UUID recordId, UnitId unit, RecordKind kind, StaffId officer) {
	}

	record Drawn(List<Candidate> sample, List<Stratum> strata) {
	}

	private static final Comparator<Candidate> STRATUM_ORDER = Comparator
		.comparing((Candidate c) -> c.unit().id().toString())
		.thenComparing(Candidate::kind);

	/** The sample of {@code size} records, or of {@code percent} per cent of the candidates (rounded up). */
	static Drawn draw(List<Candidate> candidates, long seed, @Nullable Integer size, @Nullable Integer percent) {
		var total = candidates.size();
		if (total == 0) {
			return new Drawn(List.of(), List.of());
		}
		int wanted;
		if (size != null) {
			wanted = size;
		}
		else if (percent != null) {
			wanted = (int) Math.ceil(total * (percent / 100.0));
		}
		else {
			throw new InvalidInput("sampleSize", "须填写抽取数量或比例 (a sample size or percentage is required)");
		}
		var strata = new LinkedHashMap<String, List<Candidate>>();
		candidates.stream()
			.sorted(STRATUM_ORDER.thenComparing(c -> c.recordId().toString()))
			.forEach(c -> strata.computeIfAbsent(c.unit().id() + "/" + c.kind(), k -> new ArrayList<>()).add(c));
		var groups = new ArrayList<>(strata.values());
		var n = Math.max(groups.size(), Math.min(wanted, total));
		var allocation = allocate(groups.stream().mapToInt(List::size).toArray(), n);

		var random = new SplittableRandom(seed);
		var sample = new ArrayList<Candidate>();
		var drawn = new ArrayList<Stratum>();
		for (var g = 0; g < groups.size(); g++) {
			var pool = new ArrayList<>(groups.get(g));
			for (var i = 0; i < allocation[g]; i++) {
				var j = i + random.nextInt(pool.size() - i);
				var chosen = pool.get(j);
				pool.set(j, pool.get(i));
				pool.set(i, chosen);
				sample.add(chosen);
			}
			var first = groups.get(g).get(0);
			drawn.add(new Stratum(first.unit(), first.kind(), groups.get(g).size(), allocation[g]));
		}
		return new Drawn(List.copyOf(sample), List.copyOf(drawn));
	}

	/**
	 * {@code n} split over strata of the given sizes in proportion, at least one each and never more than a stratum
	 * holds; remainders go to the largest fractions first, ties to the earlier stratum.
	 */
	static int[] allocate(int[] sizes, int n) {
		var total = 0;
		for (var s : sizes) {
			total += s;
		}
		var allocation = new int[sizes.length];
		var fractions = new double[sizes.length];
		var sum = 0;
		for (var i = 0; i < sizes.length; i++) {
			var quota = (double) n * sizes[i] / total;
			allocation[i] = Math.min(sizes[i], Math.max(1, (int) Math.floor(quota)));
			fractions[i] = quota - allocation[i];
			sum += allocation[i];
		}
		while (sum < n) {
			var best = -1;
			for (var i = 0; i < sizes.length; i++) {
				if (allocation[i] < sizes[i] && (best < 0 || fractions[i] > fractions[best])) {
					best = i;
				}
			}
			allocation[best]++;
			fractions[best] -= 1;
			sum++;
		}
		while (sum > n) {
			var worst = -1;
			for (var i = 0; i < sizes.length; i++) {
				if (allocation[i] > 1 && (worst < 0 || fractions[i] < fractions[worst])) {
					worst = i;
				}
			}
			allocation[worst]--;
			fractions[worst] += 1;
			sum--;
		}
		return allocation;
	}
}
