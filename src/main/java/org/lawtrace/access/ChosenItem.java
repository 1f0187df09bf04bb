package org.lawtrace.access;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.RecordRef;

/** One item of an evidence package, resolved: what its source says of it, and what the clerk added. */
record ChosenItem(PackageItem item, PackageRecordSource source, String offeredToProve, @Nullable String transcript) {

	String path() {
		var folder = item.ref().kind() == RecordRef.Kind.RECORDING ? "recordings/" : "documents/";
		return folder + item.ref().id() + (item.extension().isEmpty() ? "" : "." + item.extension());
	}
}
