package org.lawtrace.recordings;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import org.lawtrace.shared.BureauTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * ART-20, ART-22: who watched which recording when, logged once per viewing rather than once per byte range a
 * player asks for. A viewer's first request for a recording's content is logged before its bytes flow; while the
 * playback goes on, one more entry every {@code lawtrace.playback.viewing-window} (default five minutes) summarises
 * the ranges served since the entry before it (merged intervals, bytes sent, requests); a viewing that fell silent
 * for a window is closed with an entry summarising what was served since its last one, so every byte served is in
 * some entry. Each instance keeps its own viewings in memory: behind a load balancer a viewing served by two
 * instances has entries from both.
 */
@Component
public class PlaybackViewings implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(PlaybackViewings.class);

	private final ConcurrentHashMap<Key, Viewing> viewings = new ConcurrentHashMap<>();
	private final ApplicationEventPublisher events;
	private final BureauTime time;
	private final Duration window;
	private final java.util.concurrent.atomic.LongAdder requests = new java.util.concurrent.atomic.LongAdder();
	private final java.util.concurrent.atomic.LongAdder bytes = new java.util.concurrent.atomic.LongAdder();
	private volatile boolean running;

	PlaybackViewings(ApplicationEventPublisher events, BureauTime time,
			@Value("${lawtrace.playback.viewing-window:PT5M}") Duration window) {
		this.events = events;
		this.time = time;
		this.window = window;
	}

	/**
	 * Notes {@code length} bytes from {@code offset} of the recording ({@code size} bytes long) as served to {@code viewer}, logging the viewing
	 * first when this starts it or its window has passed. Returns once the entry, if one was due, is written, so the
	 * caller sends bytes only to a viewing on record; throws if it could not be written.
	 */
	public void served(RecordingId recording, long size, String viewer, long offset, long length) {
		var key = new Key(recording, viewer);
		while (true) {
			var viewing = viewings.computeIfAbsent(key, k -> new Viewing(size));
			synchronized (viewing) {
				if (viewing.closed) {
					continue; // the sweep closed it meanwhile: start a new one
				}
				var now = time.now();
				if (viewing.loggedAt == null) {
					var first = new ServedRanges(viewing.size);
					first.add(offset, length);
					publish(key, first.summary() + "; viewing started", now, viewing);
				}
				else if (!now.isBefore(viewing.loggedAt.plus(window))) {
					// what the entry says; the viewing keeps it only once the entry is written
					var since = viewing.pending.copy();
					since.add(offset, length);
					publish(key, "viewing continued since " + viewing.loggedAt + ": " + since.summary(), now, viewing);
				}
				else {
					viewing.pending.add(offset, length);
				}
				viewing.lastServedAt = now;
				requests.increment();
				bytes.add(length);
				return;
			}
		}
	}

	/**
	 * Notes the whole recording ({@code size} bytes) handed to {@code viewer} in one request without a range: a copy,
	 * not a viewing, so it is logged every time (ART-22 (3): the discipline unit counts copies per person and day).
	 * Returns once the entry is written; throws if it could not be.
	 */
	public void downloaded(RecordingId recording, long size, String viewer) {
		var now = time.now();
		events.publishEvent(new RecordingContentServed(recording, viewer, "whole file, " + size + " bytes, downloaded",
				true, now));
		requests.increment();
		bytes.add(size);
	}

	/**
	 * Closes the viewings silent for a window, logging what was served since their last entry; runs on every
	 * instance, since each holds its own viewings.
	 */
	@Scheduled(fixedDelayString = "${lawtrace.playback.sweep-every:PT30S}")
	public void closeSilentViewings() {
		closeViewings(false);
	}

	private void closeViewings(boolean all) {
		var now = time.now();
		viewings.forEach((key, viewing) -> {
			synchronized (viewing) {
				if (viewing.loggedAt == null) { // its first entry could not be written: nothing was served
					viewing.closed = true;
					viewings.remove(key, viewing);
					return;
				}
				if (viewing.closed || !all && now.isBefore(viewing.lastServedAt.plus(window))) {
					return;
				}
				try {
					if (!viewing.pending.isEmpty()) {
						publish(key, "viewing ended, since " + viewing.loggedAt + ": " + viewing.pending.summary(), now,
								viewing);
					}
					viewing.closed = true;
					viewings.remove(key, viewing);
				}
				catch (RuntimeException e) {
					log.warn("Could not log the end of {}'s viewing of recording {}; will retry", key.viewer(),
							key.recording(), e);
				}
			}
		});
	}

	/** Called with the viewing's lock held; resets its pending ranges only once the entry is written. */
	private void publish(Key key, String summary, Instant now, Viewing viewing) {
		events.publishEvent(new RecordingContentServed(key.recording(), key.viewer(), summary, false, now));
		viewing.loggedAt = now;
		viewing.pending = new ServedRanges(viewing.size);
	}

	/** How many content requests this instance served, for the metrics. */
	public long requests() {
		return requests.sum();
	}

	/** How many bytes of originals this instance served, for the metrics. */
	public long bytes() {
		return bytes.sum();
	}

	/** How many viewings are open on this instance, for the metrics. */
	public int open() {
		return viewings.size();
	}

	@Override
	public void start() {
		running = true;
	}

	/** A graceful stop logs what every open viewing served since its last entry, while the audit log still takes it. */
	@Override
	public void stop() {
		closeViewings(true);
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/**
	 * Stopped after the web server's graceful shutdown has let the requests in flight finish (its phase is
	 * {@code DEFAULT_PHASE - 1024}) and before the server itself stops; the audit log's last checkpoint comes later,
	 * when its beans are destroyed.
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 1536;
	}

	private record Key(RecordingId recording, String viewer) {
	}

	private static final class Viewing {

		final long size;
		ServedRanges pending;
		Instant loggedAt;
		Instant lastServedAt;
		boolean closed;

		Viewing(long size) {
			this.size = size;
			this.pending = new ServedRanges(size);
		}
	}
}
