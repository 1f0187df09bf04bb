package org.lawtrace.compliance;

/** How much a finding weighs: a missing record is red, a partial one amber, an exemption only noted. */
public enum Severity {
	/** 严重: a required record is missing or made by someone who may not make it (red). */
	MAJOR,
	/** 一般: a record is partial, late or lacks a detail (amber). */
	MINOR,
	/** 提示: reported for oversight without being a gap, such as an approved exemption. */
	NOTICE
}
