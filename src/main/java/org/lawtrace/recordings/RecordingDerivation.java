package org.lawtrace.recordings;

import java.util.List;
import java.util.Set;

import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.storage.BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Once a video is stored, makes what viewing it needs where ffmpeg is installed: a poster frame, and for formats
 * browsers cannot play a playable copy. The original is untouched and stays the evidence (ART-22(2)): ffmpeg only
 * reads it, and each copy is a new blob of its own. A copy that cannot be made is recorded as failed, with the
 * reason, and changes nothing about the recording.
 */
@Component
class RecordingDerivation {

	private static final Logger log = LoggerFactory.getLogger(RecordingDerivation.class);
	private static final int MAX_REASON = 1000;

	/** What browsers play without help; everything else a camera writes gets a playable copy. */
	private static final Set<String> PLAYED_BY_BROWSERS = Set.of("video/mp4", "video/webm");

	private final Ffmpeg ffmpeg;
	private final BlobStore store;
	private final RecordingCatalog catalog;
	private final Derivatives derivatives;
	private final BureauTime time;

	RecordingDerivation(Ffmpeg ffmpeg, BlobStore store, RecordingCatalog catalog, Derivatives derivatives,
			BureauTime time) {
		this.ffmpeg = ffmpeg;
		this.store = store;
		this.catalog = catalog;
		this.derivatives = derivatives;
		this.time = time;
	}

	/**
	 * Runs after the recording is committed, on its own thread, and outside any transaction: a transcode may take
	 * many minutes and must not hold a database connection meanwhile.
	 */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(RecordingIngested ingested) {
		if (ingested.kind() != RecordingKind.VIDEO || !ffmpeg.available()) {
			return;
		}
		var recording = catalog.require(ingested.recordingId());
		make(recording, DerivativeKind.POSTER);
		if (!PLAYED_BY_BROWSERS.contains(recording.facts().mediaType())) {
			make(recording, DerivativeKind.PLAYABLE);
		}
	}

	private void make(Recording recording, DerivativeKind kind) {
		// an event delivered again (after a restart) must not make a second copy
		if (derivatives.of(recording.id(), kind).isPresent()) {
			return;
		}
		Derivative outcome;
		try {
			var stored = kind == DerivativeKind.POSTER ? poster(recording.digest()) : playable(recording.digest());
			// storing leaves SM3 for afterwards; a copy is small beside its transcode, so it is read again right away
			var digest = store.withSm3(stored);
			outcome = Derivative.made(recording.id(), kind, digest, time.now(), ffmpeg.version());
			log.info("Made the {} of recording {} ({} bytes, sha256 {})", kind, recording.id(), digest.sizeBytes(),
					digest.sha256());
		}
		catch (RuntimeException e) {
			// whatever went wrong, the recording itself is stored and stays as it is; only the copy is missing
			log.warn("Could not make the {} of recording {} ({}): {}", kind, recording.id(),
					recording.facts().mediaType(), e.getMessage());
			outcome = Derivative.failed(recording.id(), kind, time.now(), ffmpeg.version(), reason(e));
		}
		try {
			derivatives.add(outcome);
		}
		catch (DuplicateKeyException madeMeanwhile) {
			// a second delivery of the same event got there first; its copy has the same bytes
		}
	}

	/**
	 * The first picture that is not black, from a second in (past a camera's black first frames), or from the start
	 * of a video shorter than that; a video black throughout gets its frame at one second, or its first. A file
	 * ffmpeg cannot read, or one without a picture (sound only in an MP4), is given up on at the first attempt.
	 */
	private ContentDigest poster(ContentDigest original) {
		var attempts = List.of(ffmpeg.posterNotBlack(1), ffmpeg.posterNotBlack(0), ffmpeg.poster(1), ffmpeg.poster(0));
		RuntimeException failed = null;
		for (var command : attempts) {
			try {
				return store.derive(original, command, ffmpeg.timeout()).digest();
			}
			catch (RuntimeException e) {
				if (failed != null) {
					e.addSuppressed(failed);
				}
				failed = e;
				if (Ffmpeg.inputUnusable(e.getMessage())) {
					// no picture to take at any second: the next attempts would only read the file again
					break;
				}
			}
		}
		throw failed;
	}

	private ContentDigest playable(ContentDigest original) {
		return store.derive(original, ffmpeg.playable(), ffmpeg.timeout()).digest();
	}

	private static String reason(RuntimeException e) {
		var reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
		return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON - 1) + "…" : reason;
	}
}
