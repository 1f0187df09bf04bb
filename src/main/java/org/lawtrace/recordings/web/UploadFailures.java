package org.lawtrace.recordings.web;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.lawtrace.shared.InvalidInput;

/** Tells a client that broke off its upload (a 4xx, nothing kept) from a server that failed (a 5xx). */
final class UploadFailures {

	private UploadFailures() {
	}

	static RuntimeException translate(Exception e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof EOFException
					|| t.getClass().getSimpleName().equals("ClientAbortException")) {
				return new InvalidInput("file", "上传不完整，未保存任何内容 (the upload broke off before its end; nothing was kept)");
			}
		}
		if (e instanceof RuntimeException runtime) {
			return runtime;
		}
		return new UncheckedIOException((IOException) e);
	}
}
