package org.lawtrace.retention;

/** The four situations in which records are kept long-term (长期保存, ART-17). */
public enum Situation {
	/** (1) the party objects to, complains or petitions about the enforcement. */
	OBJECTION,
	/** (2) the party evades, refuses or obstructs officers, or abuses, insults or assaults them. */
	OBSTRUCTION,
	/** (3) officers handle a mass or sudden incident. */
	MASS_INCIDENT,
	/** (4) another important situation; the reason must be given. */
	OTHER
}
