package org.lawtrace.recordings;

/** How a recording reached the store. */
public enum Channel {
	/** A single streamed multipart upload. */
	UPLOAD,
	/** A resumable tus upload (from the browser or another client). */
	TUS,
	/** The collection-station agent (采集站) importing a camera's files. */
	IMPORT
}
