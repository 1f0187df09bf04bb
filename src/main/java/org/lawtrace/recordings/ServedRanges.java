package org.lawtrace.recordings;

import java.util.Map;
import java.util.TreeMap;

/**
 * The byte ranges of one file served during part of a viewing, merged into intervals, with how many bytes were sent
 * in how many requests: what a viewing's audit entry says was watched (ART-20, ART-22). Not thread-safe: a
 * {@link PlaybackViewings} viewing guards its own.
 */
final class ServedRanges {

	/** Enough intervals for any sensible seeking; past it, the neighbours closest together are joined. */
	static final int MAX_INTERVALS = 32;

	private final long size;
	private final TreeMap<Long, Long> intervals = new TreeMap<>(); // first byte -> last byte, inclusive
	private long bytesSent;
	private int requests;
	private boolean coarsened;

	ServedRanges(long size) {
		this.size = size;
	}

	void add(long offset, long length) {
		requests++;
		bytesSent += length;
		if (length <= 0) {
			return;
		}
		long first = offset;
		long last = offset + length - 1;
		var before = intervals.floorEntry(first);
		if (before != null && before.getValue() >= first - 1) {
			first = before.getKey();
			last = Math.max(last, before.getValue());
			intervals.remove(before.getKey());
		}
		for (var next = intervals.ceilingEntry(first); next != null && next.getKey() <= last + 1;
				next = intervals.ceilingEntry(first)) {
			last = Math.max(last, next.getValue());
			intervals.remove(next.getKey());
		}
		intervals.put(first, last);
		while (intervals.size() > MAX_INTERVALS) {
			joinClosestNeighbours();
		}
	}

	ServedRanges copy() {
		var copy = new ServedRanges(size);
		copy.intervals.putAll(intervals);
		copy.bytesSent = bytesSent;
		copy.requests = requests;
		copy.coarsened = coarsened;
		return copy;
	}

	boolean isEmpty() {
		return requests == 0;
	}

	long bytesSent() {
		return bytesSent;
	}

	int requests() {
		return requests;
	}

	/** The distinct bytes served: the intervals' total length. */
	long distinctBytes() {
		return intervals.entrySet().stream().mapToLong(e -> e.getValue() - e.getKey() + 1).sum();
	}

	/** As the log says it, e.g. {@code bytes 0-65535,1048576-1114111/268435456; 131072 bytes sent in 2 requests}. */
	String summary() {
		var text = new StringBuilder();
		if (intervals.size() == 1 && intervals.firstKey() == 0 && intervals.firstEntry().getValue() == size - 1) {
			text.append("whole file");
		}
		else {
			text.append("bytes ");
			var first = true;
			for (Map.Entry<Long, Long> e : intervals.entrySet()) {
				text.append(first ? "" : ",").append(e.getKey()).append('-').append(e.getValue());
				first = false;
			}
			text.append('/').append(size);
		}
		if (coarsened) {
			text.append(" (gaps narrower than the intervals' count allows joined)");
		}
		return text.append("; ").append(bytesSent).append(" bytes sent in ").append(requests)
			.append(requests == 1 ? " request" : " requests").toString();
	}

	private void joinClosestNeighbours() {
		Long bestKey = null;
		long bestGap = Long.MAX_VALUE;
		Map.Entry<Long, Long> previous = null;
		for (var e : intervals.entrySet()) {
			if (previous != null && e.getKey() - previous.getValue() < bestGap) {
				bestGap = e.getKey() - previous.getValue();
				bestKey = previous.getKey();
			}
			previous = e;
		}
		var left = intervals.get(bestKey);
		var right = intervals.higherEntry(bestKey);
		intervals.put(bestKey, Math.max(left, right.getValue()));
		intervals.remove(right.getKey());
		coarsened = true;
	}
}
