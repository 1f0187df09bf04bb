package org.lawtrace.storage;

import java.util.UUID;

import org.lawtrace.shared.Audited;
import org.lawtrace.shared.StaffId;

/** Someone asked the store to destroy a blob without the director's approval; nothing was destroyed (ART-16). */
public record BlobDestructionRefused(String sha256, UUID disposition, StaffId actor, String reason)
		implements Audited.Logged, Audited.AtOnce {

	@Override
	public Entry entry() {
		return Entry.refused(actor, "BLOB_DESTRUCTION", "BLOB", sha256, "disposition=" + disposition + " reason=" + reason);
	}
}
