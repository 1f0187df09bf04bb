package org.lawtrace.documents;

import java.util.List;

/** A volume of a case file, main (正卷) or secondary (副卷), in the order of SAMR-PR Art. 78 (ART-14). */
public record VolumeContents(Volume volume, List<VolumeEntry> entries, int pages) {

	public VolumeContents {
		entries = List.copyOf(entries);
	}
}
