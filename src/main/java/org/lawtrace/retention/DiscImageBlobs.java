package org.lawtrace.retention;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.StoredContentReferences;
import org.springframework.stereotype.Component;

/** The disc images the register names, so the store's reconciliation and fixity audits count them. */
@Component
class DiscImageBlobs implements StoredContentReferences {

	private final Discs discs;

	DiscImageBlobs(Discs discs) {
		this.discs = discs;
	}

	@Override
	public String kind() {
		return "disc-image";
	}

	@Override
	public Set<String> sha256s() {
		return discs.images().stream().map(ContentDigest::sha256).collect(Collectors.toSet());
	}

	@Override
	public Collection<ContentDigest> digests() {
		return discs.images();
	}
}
