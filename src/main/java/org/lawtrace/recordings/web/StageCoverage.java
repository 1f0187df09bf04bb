package org.lawtrace.recordings.web;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.lawtrace.cases.StageKind;

/**
 * One row of the case timeline (ART-06 at a glance): a stage's time span on an axis of its own, the recordings of
 * it as bars, and, where the stage must be recorded throughout, the stretches no recording covers (中断). Pure
 * arithmetic on times; positions are percentages of the axis, so the page draws them with CSS alone.
 *
 * @param <T> what a recording the viewer may see carries to the page; recordings the viewer may not see (ART-20)
 *            come as {@code null} and are merged into one "exists, needs approval" coverage without details.
 */
record StageCoverage<T>(Requirement requirement, Axis axis, Bar<Void> stage, List<Bar<T>> recordings,
		List<Bar<Void>> hidden, List<Bar<T>> photos, int hiddenPhotos, List<Bar<Void>> gaps,
		@Nullable Integer coveredPercent, boolean missing) {

	/** A stage whose span no axis could show is drawn on at least this much time around it. */
	static final Duration LEAST_AXIS = Duration.ofMinutes(10);

	/** What ART-06 asks of a stage's recordings. */
	enum Requirement {
		/** ART-06.1, .3, .4, .6, .7: recorded from start to end; every uncovered stretch is a gap. */
		THROUGHOUT,
		/** ART-06.2 (a record of the service) and ART-06.5 (before and after): recordings, not a continuous one. */
		SOME_RECORD,
		/** Text records suffice (ART-05.2). */
		NONE;

		private static final Set<String> NOT_CONTINUOUS = Set.of("ART-06.2", "ART-06.5");

		static Requirement of(StageKind kind) {
			if (!kind.avMandatory()) {
				return NONE;
			}
			return NOT_CONTINUOUS.contains(kind.article()) ? SOME_RECORD : THROUGHOUT;
		}
	}

	/** A recording linked to the stage; {@code detail} null when the viewer may not see it. */
	record Piece<T>(OffsetDateTime from, OffsetDateTime to, boolean continuous, @Nullable T detail) {
	}

	/** The stretch of time a row draws: a little more than the stage where its recordings reach beyond it. */
	record Axis(OffsetDateTime from, OffsetDateTime to) {

		double at(OffsetDateTime t) {
			var whole = Duration.between(from, to).toMillis();
			var part = Duration.between(from, t).toMillis();
			return Math.max(0, Math.min(100, part * 100.0 / whole));
		}
	}

	/** Something drawn on the axis from {@code left} percent, {@code width} percent wide. */
	record Bar<T>(OffsetDateTime from, OffsetDateTime to, double left, double width, @Nullable T detail) {

		static <T> Bar<T> on(Axis axis, OffsetDateTime from, OffsetDateTime to, @Nullable T detail) {
			var left = axis.at(from);
			return new Bar<>(from, to, left, Math.max(0, axis.at(to) - left), detail);
		}

		/** The CSS that places it, written the same in every locale. */
		public String style() {
			return String.format(Locale.ROOT, "left:%.3f%%;width:%.3f%%", left, width);
		}

		/** Where a moment (a photo) stands. */
		public String position() {
			return String.format(Locale.ROOT, "left:%.3f%%", left);
		}

		public long minutes() {
			return Duration.between(from, to).toMinutes();
		}

		public long seconds() {
			return Duration.between(from, to).toSeconds();
		}
	}

	/**
	 * @param end null for a stage still going on, or recorded as a moment: no gaps are measured then, only whether
	 *            it has any recording.
	 */
	static <T> StageCoverage<T> of(StageKind kind, OffsetDateTime start, @Nullable OffsetDateTime end,
			List<Piece<T>> pieces) {
		var requirement = Requirement.of(kind);
		var stageEnd = end == null || end.isBefore(start) ? start : end;
		var axis = axis(start, stageEnd, pieces);
		var continuous = pieces.stream().filter(Piece::continuous).sorted(Comparator.comparing(Piece::from)).toList();
		var recordings = continuous.stream().filter(p -> p.detail() != null)
			.map(p -> Bar.on(axis, p.from(), p.to(), p.detail())).toList();
		var hidden = union(continuous.stream().filter(p -> p.detail() == null).toList()).stream()
			.map(s -> Bar.<Void>on(axis, s[0], s[1], null)).toList();
		var photos = pieces.stream().filter(p -> !p.continuous() && p.detail() != null)
			.sorted(Comparator.comparing(Piece::from)).map(p -> Bar.on(axis, p.from(), p.from(), p.detail())).toList();
		var hiddenPhotos = (int) pieces.stream().filter(p -> !p.continuous() && p.detail() == null).count();
		var gaps = new ArrayList<Bar<Void>>();
		Integer percent = null;
		var measured = requirement == Requirement.THROUGHOUT && stageEnd.isAfter(start);
		if (measured) {
			var covered = Duration.ZERO;
			var reached = start;
			for (var s : union(continuous)) {
				var from = max(s[0], start);
				var to = min(s[1], stageEnd);
				if (!to.isAfter(from)) {
					continue;
				}
				if (from.isAfter(reached)) {
					gaps.add(Bar.on(axis, reached, from, null));
				}
				covered = covered.plus(Duration.between(from, to));
				reached = to;
			}
			if (reached.isBefore(stageEnd)) {
				gaps.add(Bar.on(axis, reached, stageEnd, null));
			}
			percent = (int) (covered.toMillis() * 100 / Duration.between(start, stageEnd).toMillis());
		}
		var missing = switch (requirement) {
			case THROUGHOUT -> continuous.isEmpty();
			case SOME_RECORD -> pieces.isEmpty();
			case NONE -> false;
		};
		return new StageCoverage<>(requirement, axis, Bar.on(axis, start, stageEnd, null), recordings, hidden, photos,
				hiddenPhotos, List.copyOf(gaps), percent, missing);
	}

	public boolean mandatory() {
		return requirement != Requirement.NONE;
	}

	public boolean hasGaps() {
		return !gaps.isEmpty();
	}

	/**
	 * The stage and its recordings, but a recording linked to the stage that lies far from it (a wrong link, or a
	 * stage recorded with the wrong day) reaches at most one stage length (or {@link #LEAST_AXIS}) beyond it, so the
	 * stage itself stays readable.
	 */
	private static <T> Axis axis(OffsetDateTime start, OffsetDateTime end, List<Piece<T>> pieces) {
		var reach = Duration.between(start, end);
		if (reach.compareTo(LEAST_AXIS) < 0) {
			reach = LEAST_AXIS;
		}
		var from = start;
		var to = end;
		for (var p : pieces) {
			from = min(from, max(p.from(), start.minus(reach)));
			to = max(to, min(p.to(), end.plus(reach)));
		}
		var shortBy = LEAST_AXIS.minus(Duration.between(from, to));
		if (!shortBy.isNegative() && !shortBy.isZero()) {
			from = from.minus(shortBy.dividedBy(2));
			to = to.plus(shortBy.dividedBy(2));
		}
		return new Axis(from, to);
	}

	/** The stretches the pieces cover together, in order, overlapping ones joined. */
	private static <T> List<OffsetDateTime[]> union(List<Piece<T>> pieces) {
		var sorted = pieces.stream().sorted(Comparator.comparing(Piece::from)).toList();
		var out = new ArrayList<OffsetDateTime[]>();
		for (var p : sorted) {
			var to = max(p.from(), p.to());
			if (!out.isEmpty() && !p.from().isAfter(out.get(out.size() - 1)[1])) {
				var last = out.get(out.size() - 1);
				last[1] = max(last[1], to);
			}
			else {
				out.add(new OffsetDateTime[] { p.from(), to });
			}
		}
		return out;
	}

	private static OffsetDateTime min(OffsetDateTime a, OffsetDateTime b) {
		return a.isBefore(b) ? a : b;
	}

	private static OffsetDateTime max(OffsetDateTime a, OffsetDateTime b) {
		return a.isAfter(b) ? a : b;
	}
}
