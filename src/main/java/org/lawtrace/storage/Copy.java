package org.lawtrace.storage;

/** Which copy of a blob: the primary store's, or the off-site replica's (异地备份, ART-15.3). */
public enum Copy {
	PRIMARY, REPLICA
}
