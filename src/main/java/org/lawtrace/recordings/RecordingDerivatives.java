package org.lawtrace.recordings;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.lawtrace.shared.NotFound;
import org.lawtrace.storage.BlobStore;
import org.springframework.stereotype.Service;

/**
 * The poster frames and playable copies made from recordings (see {@link RecordingDerivation}), handed out under
 * the same rule as the recording's own content, since a frame shows what the video shows.
 */
@Service
public class RecordingDerivatives {

	private final Derivatives derivatives;
	private final RecordingCatalog catalog;
	private final BlobStore store;

	RecordingDerivatives(Derivatives derivatives, RecordingCatalog catalog, BlobStore store) {
		this.derivatives = derivatives;
		this.catalog = catalog;
		this.store = store;
	}

	/** What was made from a recording and what could not be, in kind order; empty while nothing was tried yet. */
	public List<Derivative> of(RecordingId id) {
		catalog.require(id);
		return derivatives.of(id);
	}

	/**
	 * @return the copy of that kind, if the recording's content is open to {@code viewer} and the copy was made.
	 * @throws NotFound when there is none (not tried yet, failed, or never made for this format).
	 * @throws org.lawtrace.shared.NotPermitted when the recording's content is not open to {@code viewer}.
	 */
	public Derivative requireMade(Recording recording, DerivativeKind kind, String viewer) {
		catalog.requireContentOpenTo(recording, viewer);
		return derivatives.of(recording.id(), kind).filter(Derivative::made)
			.orElseThrow(() -> new NotFound(kind.name().toLowerCase(Locale.ROOT), recording.id()));
	}

	/**
	 * Of these recordings, those whose poster frame {@code viewer} may be shown: the poster was made and the
	 * recording's content is open to the viewer (a frame shows what the video shows). For lists and players.
	 */
	public Set<RecordingId> postersOpenAmong(List<Recording> recordings, String viewer) {
		var videos = recordings.stream().filter(r -> r.kind() == RecordingKind.VIDEO).toList();
		if (videos.isEmpty()) {
			return Set.of();
		}
		var made = derivatives.madeAmong(videos.stream().map(Recording::id).toList(), DerivativeKind.POSTER);
		if (made.isEmpty()) {
			return Set.of();
		}
		var open = catalog.contentOpenAmong(videos.stream().filter(r -> made.contains(r.id())).toList(), viewer);
		return Set.copyOf(open);
	}

	/** Opens part of a made copy; the caller has got it through {@link #requireMade}. */
	public InputStream open(Derivative made, long offset, long length) {
		var digest = made.digest();
		if (digest == null) {
			throw new NotFound(made.kind().name().toLowerCase(Locale.ROOT), made.recordingId());
		}
		return store.openRange(digest, offset, length);
	}
}
