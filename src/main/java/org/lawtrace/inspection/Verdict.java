package org.lawtrace.inspection;

/** One checklist item's answer: 符合 / 不符合 / 不适用. */
public enum Verdict {
	MET, NOT_MET, NOT_APPLICABLE
}
