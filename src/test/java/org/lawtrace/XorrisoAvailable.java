package org.lawtrace;

import java.util.List;

/** The optical disc tests need xorriso (see {@link ProgramsAvailable}). */
public class XorrisoAvailable extends ProgramsAvailable {

	public XorrisoAvailable() {
		super(List.of("xorriso"), "xorriso", "optical disc tests");
	}
}
