package org.lawtrace.compliance;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The kinds of bookmark each recording has, for a full run: read from the bookmark table in one pass at the start,
 * sorted by the database, and held as two sorted arrays of ids and a bit mask of kinds per recording (about 17 bytes a recording: a million
 * bookmarked recordings take 17 MB), instead of a query by lists of a thousand recording ids for every batch, which
 * made the database look each one up by index.
 */
final class BookmarkIndex {

	private static final BookmarkKind[] KINDS = BookmarkKind.values();

	private final long[] high;
	private final long[] low;
	private final int[] kinds;

	private BookmarkIndex(long[] high, long[] low, int[] kinds) {
		this.high = high;
		this.low = low;
		this.kinds = kinds;
	}

	/** Collects (recording, kind) pairs in any order, then {@link #build}s the index. */
	static final class Builder {

		private long[] high = new long[1024];
		private long[] low = new long[1024];
		private int[] kinds = new int[1024];
		private int size;

		void add(UUID recording, BookmarkKind kind) {
			if (size == high.length) {
				high = Arrays.copyOf(high, size * 2);
				low = Arrays.copyOf(low, size * 2);
				kinds = Arrays.copyOf(kinds, size * 2);
			}
			high[size] = recording.getMostSignificantBits();
			low[size] = recording.getLeastSignificantBits();
			kinds[size] = 1 << kind.ordinal();
			size++;
		}

		/**
		 * The index. Rows that came sorted by recording (as the database sorts a uuid column) are merged as they
		 * are; otherwise they are sorted first, by index into the arrays so nothing is boxed.
		 */
		BookmarkIndex build() {
			if (!sorted()) {
				sort();
			}
			var h = new long[size];
			var l = new long[size];
			var k = new int[size];
			int n = -1;
			for (int i = 0; i < size; i++) {
				if (n >= 0 && h[n] == high[i] && l[n] == low[i]) {
					k[n] |= kinds[i];
				}
				else {
					n++;
					h[n] = high[i];
					l[n] = low[i];
					k[n] = kinds[i];
				}
			}
			return new BookmarkIndex(Arrays.copyOf(h, n + 1), Arrays.copyOf(l, n + 1), Arrays.copyOf(k, n + 1));
		}

		private boolean sorted() {
			for (int i = 1; i < size; i++) {
				if (compare(high[i - 1], low[i - 1], high[i], low[i]) > 0) {
					return false;
				}
			}
			return true;
		}

		private void sort() {
			var order = java.util.stream.IntStream.range(0, size).boxed()
				.sorted((a, b) -> compare(high[a], low[a], high[b], low[b])).mapToInt(Integer::intValue).toArray();
			var h = new long[size];
			var l = new long[size];
			var k = new int[size];
			for (int i = 0; i < size; i++) {
				h[i] = high[order[i]];
				l[i] = low[order[i]];
				k[i] = kinds[order[i]];
			}
			high = h;
			low = l;
			kinds = k;
		}
	}

	/** Ids compared as the databases sort a uuid column (unsigned, most significant half first). */
	private static int compare(long h1, long l1, long h2, long l2) {
		var c = Long.compareUnsigned(h1, h2);
		return c != 0 ? c : Long.compareUnsigned(l1, l2);
	}

	/** The kinds of bookmark of one recording; none if it has none. */
	Set<BookmarkKind> of(UUID recording) {
		int lo = 0;
		int hi = high.length - 1;
		var h = recording.getMostSignificantBits();
		var l = recording.getLeastSignificantBits();
		while (lo <= hi) {
			int mid = (lo + hi) >>> 1;
			var c = compare(high[mid], low[mid], h, l);
			if (c < 0) {
				lo = mid + 1;
			}
			else if (c > 0) {
				hi = mid - 1;
			}
			else {
				var found = EnumSet.noneOf(BookmarkKind.class);
				for (var kind : KINDS) {
					if ((kinds[mid] & 1 << kind.ordinal()) != 0) {
						found.add(kind);
					}
				}
				return found;
			}
		}
		return Set.of();
	}

	/** The kinds of bookmark of each of these recordings that has any. */
	Map<UUID, Set<BookmarkKind>> of(Collection<UUID> recordings) {
		var found = new HashMap<UUID, Set<BookmarkKind>>();
		for (var id : recordings) {
			var marked = of(id);
			if (!marked.isEmpty()) {
				found.put(id, marked);
			}
		}
		return found;
	}

	int recordings() {
		return high.length;
	}
}
