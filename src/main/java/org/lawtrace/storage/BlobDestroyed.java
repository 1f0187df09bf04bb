package org.lawtrace.storage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.lawtrace.shared.Audited;
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.StaffId;

/** A blob was given up under an approved disposition (ART-16), with what became of each copy. */
public record BlobDestroyed(ContentDigest digest, UUID disposition, StaffId carriedOutBy, StaffId approvedBy,
		List<BlobDestruction.CopyOutcome> copies, Instant at) implements Audited.Logged {

	public BlobDestroyed {
		copies = List.copyOf(copies);
	}

	@Override
	public Entry entry() {
		return new Entry(carriedOutBy, "BLOB_DESTROYED", "BLOB", digest.sha256(),
				"disposition=" + disposition + " approvedBy=" + approvedBy.id() + " size=" + digest.sizeBytes()
						+ " sm3=" + digest.sm3() + " copies=" + copies.stream()
							.map(c -> c.copy() + ":" + c.outcome())
							.collect(Collectors.joining(",")));
	}
}
