package org.lawtrace.storage;

import java.util.List;
import java.util.Optional;

/**
 * The write-once store's folder of anchors (锚点): small signed objects that other modules, the audit log first,
 * keep outside the database, so that what an administrator can edit in the database can be checked against them
 * (ART-22). On the filesystem store they are read-only files in {@code <root>/anchors/}, on S3 objects under the
 * key prefix {@code anchors/}; the off-site replication copies them by {@link #list()} and {@link #read(String)}.
 */
public final class Anchors implements NamedObjects, AutoCloseable {

	/** The folder (filesystem) and key prefix (S3) anchors are kept under. */
	public static final String FOLDER = "anchors";

	private final NamedObjects objects;

	Anchors(NamedObjects objects) {
		this.objects = objects;
	}

	@Override
	public void write(String name, byte[] content) {
		objects.write(name, content);
	}

	@Override
	public List<String> list() {
		return objects.list();
	}

	@Override
	public Optional<byte[]> read(String name) {
		return objects.read(name);
	}

	@Override
	public void close() throws Exception {
		if (objects instanceof AutoCloseable closeable) {
			closeable.close();
		}
	}

	/** Where they are kept, for a log line. */
	@Override
	public String toString() {
		return objects instanceof FileSystemNamedObjects files ? files.folder().toString() : FOLDER + "/ in the bucket";
	}
}
