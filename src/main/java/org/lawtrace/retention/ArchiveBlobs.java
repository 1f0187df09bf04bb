package org.lawtrace.retention;

import java.util.Collection;
import java.util.Set;

import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.StoredContentReferences;
import org.springframework.stereotype.Component;

/** The archival packages' blobs, for the store's reconciliation and fixity audit. */
@Component
class ArchiveBlobs implements StoredContentReferences {

	private final Archives archives;

	ArchiveBlobs(Archives archives) {
		this.archives = archives;
	}

	@Override
	public String kind() {
		return "archive";
	}

	@Override
	public Set<String> sha256s() {
		return archives.sha256s();
	}

	@Override
	public Collection<ContentDigest> digests() {
		return archives.digests();
	}
}
