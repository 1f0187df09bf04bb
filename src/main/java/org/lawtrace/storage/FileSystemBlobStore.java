package org.lawtrace.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.DosFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.NotFound;

/**
 * The blob store on a local or mounted filesystem, laid out like Git's loose objects:
 * {@code blobs/sha256/ab/cd/abcd…} under the store's root, each file read-only once it has its name.
 */
final class FileSystemBlobStore implements BlobStore, NamedFiles, Destructible {

	private final Path blobs;
	private final Path named;
	private final Path quarantine;
	private final Spool spool;
	private final Derivation derivation;
	// two uploads of the same bytes must not both rename into place: the second would replace the first
	private final Object[] placementLocks = new Object[64];

	FileSystemBlobStore(Path root, Spool spool) {
		this.blobs = root.resolve("blobs").resolve("sha256");
		this.named = root.resolve("named");
		this.quarantine = root.resolve("quarantine");
		this.spool = spool;
		this.derivation = new Derivation(spool);
		for (var i = 0; i < placementLocks.length; i++) {
			placementLocks[i] = new Object();
		}
		try {
			Files.createDirectories(blobs);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot create the blob directory " + blobs, e);
		}
	}

	@Override
	public StoredBlob store(InputStream in, @Nullable String expectedSha256) {
		return spool.ingest(in, expectedSha256, this::place);
	}

	@Override
	public StagedBlob stage(InputStream in, @Nullable String expectedSha256) {
		return spool.stage(in, expectedSha256, this::place);
	}

	/**
	 * Stages a copy of another filesystem store's blob, copied by the kernel and read back as it is written
	 * ({@link Spool#stageCopy}); the caller holds the read-back digest against the blob's and commits or discards it.
	 */
	StagedBlob stageCopyOf(FileSystemBlobStore source, String sha256, boolean withSm3) {
		var file = source.pathOf(sha256);
		if (!Files.isRegularFile(file)) {
			throw new NotFound("blob", sha256);
		}
		return spool.stageCopy(file, withSm3, this::place);
	}

	@Override
	public boolean contains(ContentDigest digest) {
		return Files.exists(pathOf(digest.sha256()));
	}

	@Override
	public InputStream open(ContentDigest digest) {
		try {
			return Files.newInputStream(pathOf(digest.sha256()));
		}
		catch (NoSuchFileException e) {
			throw new NotFound("blob", digest.sha256());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public InputStream openRange(ContentDigest digest, long offset, long length) {
		Ranges.requireWithin(digest, offset, length);
		try {
			return new LimitedInputStream(Channels.newInputStream(channelAt(pathOf(digest.sha256()), offset)), length);
		}
		catch (NoSuchFileException e) {
			throw new NotFound("blob", digest.sha256());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public void requireReachable() {
		if (!Files.isDirectory(blobs) || !Files.isWritable(blobs)) {
			throw new IllegalStateException("the store's folder is missing or not writable");
		}
	}

	/** Tomcat's sendfile: the request attributes its connectors read after the servlet returns. */
	@Override
	public boolean sendDirect(ContentDigest digest, long offset, long length,
			jakarta.servlet.http.HttpServletRequest request) {
		Ranges.requireWithin(digest, offset, length);
		if (length <= 0 || !Boolean.TRUE.equals(request.getAttribute("org.apache.tomcat.sendfile.support"))) {
			return false;
		}
		var file = pathOf(digest.sha256());
		if (!Files.isRegularFile(file)) {
			throw new NotFound("blob", digest.sha256());
		}
		request.setAttribute("org.apache.tomcat.sendfile.filename", file.toAbsolutePath().toString());
		request.setAttribute("org.apache.tomcat.sendfile.start", offset);
		request.setAttribute("org.apache.tomcat.sendfile.end", offset + length);
		return true;
	}

	@Override
	public @Nullable Lying lyingAs(ContentDigest digest) {
		try {
			var a = Files.readAttributes(pathOf(digest.sha256()), "unix:dev,ino,size,lastModifiedTime,ctime",
					LinkOption.NOFOLLOW_LINKS);
			var changed = (FileTime) a.get("ctime");
			return new Lying(a.get("dev") + "/" + a.get("ino") + "/" + a.get("size") + "/"
					+ ((FileTime) a.get("lastModifiedTime")).to(TimeUnit.NANOSECONDS) + "/"
					+ changed.to(TimeUnit.NANOSECONDS), changed.toInstant());
		}
		catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
			// no such file, or not a Unix file system: nothing to go by, so the read is checked
			return null;
		}
	}

	@Override
	public ContentDigest verify(ContentDigest digest) {
		try (var in = open(digest)) {
			return Fixity.verify(digest, in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The program reads the blob's own file, which has been read-only since it got its name. */
	@Override
	public StoredBlob derive(ContentDigest source, List<String> command, Duration timeout) {
		var file = pathOf(source.sha256());
		if (!Files.isRegularFile(file)) {
			throw new NotFound("blob", source.sha256());
		}
		return derivation.run(file, command, timeout, this::place);
	}

	/** Moves the damaged file aside under {@code quarantine/<sha256>.<time>.bad}; the move is atomic and synced. */
	@Override
	public String quarantine(ContentDigest digest, java.time.Instant at) {
		var file = pathOf(digest.sha256());
		var target = quarantine.resolve(digest.sha256() + "." + QUARANTINE_TIME.format(at) + ".bad");
		try {
			Files.createDirectories(quarantine);
			Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
			syncDirectory(file.getParent());
			syncDirectory(quarantine);
			return target.toString();
		}
		catch (NoSuchFileException e) {
			throw new NotFound("blob", digest.sha256());
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot quarantine " + file, e);
		}
	}

	/**
	 * Only where no file has the blob's name (it was quarantined or lost): the good content is staged, checked against
	 * both digests, and placed as a new upload would be, so a good copy is never replaced.
	 */
	@Override
	public ContentDigest repair(ContentDigest expected, InputStream good) {
		if (Files.exists(pathOf(expected.sha256()))) {
			throw new IllegalStateException("Blob " + expected.sha256() + " is present; only a quarantined or missing "
					+ "copy is repaired");
		}
		try (var staged = spool.stage(good, null, this::place)) {
			ContentDigest checked;
			try (var in = staged.open()) {
				checked = Fixity.verify(expected, in);
			}
			if (staged.commit().alreadyPresent()) {
				throw new IllegalStateException("Blob " + expected.sha256() + " appeared while it was being repaired");
			}
			return checked;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Lawful disposition (ART-16), reached only through {@link BlobDestruction}: the read-only file is made writable
	 * for its owner and deleted, and the folder synced so the deletion survives a power cut. A quarantined damaged copy
	 * of the same blob goes too: it is the same content.
	 */
	@Override
	public BlobDestruction.CopyOutcome destroy(ContentDigest digest) {
		var file = pathOf(digest.sha256());
		try {
			var removedQuarantined = removeQuarantined(digest.sha256());
			if (!Files.exists(file)) {
				return new BlobDestruction.CopyOutcome(Copy.PRIMARY,
						removedQuarantined ? BlobDestruction.Outcome.DESTROYED : BlobDestruction.Outcome.ABSENT,
						file.toString());
			}
			var posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
			if (posix != null) {
				posix.setPermissions(PosixFilePermissions.fromString("rw-r-----"));
			}
			Files.delete(file);
			syncDirectory(file.getParent());
			return new BlobDestruction.CopyOutcome(Copy.PRIMARY, BlobDestruction.Outcome.DESTROYED, file.toString());
		}
		catch (IOException e) {
			return new BlobDestruction.CopyOutcome(Copy.PRIMARY, BlobDestruction.Outcome.REFUSED_BY_STORE,
					file + ": " + e);
		}
	}

	private boolean removeQuarantined(String sha256) throws IOException {
		if (!Files.isDirectory(quarantine)) {
			return false;
		}
		var removed = false;
		try (var files = Files.list(quarantine)) {
			for (var damaged : files.filter(f -> f.getFileName().toString().startsWith(sha256 + ".")).toList()) {
				Files.delete(damaged);
				removed = true;
			}
		}
		if (removed) {
			syncDirectory(quarantine);
		}
		return removed;
	}

	private static final java.time.format.DateTimeFormatter QUARANTINE_TIME = java.time.format.DateTimeFormatter
		.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

	/** The one place a blob's file name is made; {@link ContentDigest} guarantees hex, so it cannot leave the root. */
	Path pathOf(String sha256) {
		return blobs.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
	}

	private boolean place(Path spooled, ContentDigest digest) throws IOException {
		var target = pathOf(digest.sha256());
		synchronized (placementLocks[Integer.parseInt(digest.sha256().substring(0, 2), 16) % placementLocks.length]) {
			if (Files.exists(target)) {
				return false;
			}
			makeReadOnly(spooled);
			var newFolders = !Files.isDirectory(target.getParent());
			Files.createDirectories(target.getParent());
			Files.move(spooled, target, StandardCopyOption.ATOMIC_MOVE);
			syncDirectory(target.getParent());
			if (newFolders) {
				// a new fan-out folder's own name must survive a power cut too, or the blob goes with it
				syncDirectory(target.getParent().getParent());
				syncDirectory(blobs);
			}
			return true;
		}
	}

	private static FileChannel channelAt(Path file, long offset) throws IOException {
		var channel = FileChannel.open(file, StandardOpenOption.READ);
		try {
			return channel.position(offset);
		}
		catch (IOException | RuntimeException e) {
			channel.close();
			throw e;
		}
	}

	/** Done before the rename, so no blob is ever writable under its final name. */
	private static void makeReadOnly(Path file) throws IOException {
		var posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
		if (posix != null) {
			posix.setPermissions(PosixFilePermissions.fromString("r--r-----"));
			return;
		}
		var dos = Files.getFileAttributeView(file, DosFileAttributeView.class);
		if (dos != null) {
			dos.setReadOnly(true);
		}
	}

	/** Makes the rename itself survive a power cut; where directories cannot be opened the OS journals names. */
	private static void syncDirectory(Path directory) {
		try (var channel = FileChannel.open(directory, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException e) {
			// Windows cannot open a directory as a channel; NTFS journals the rename instead
		}
	}

	@Override
	public java.util.Set<String> inventory() {
		var found = new java.util.HashSet<String>();
		try (var files = Files.walk(blobs, 3)) {
			files.filter(Files::isRegularFile)
				.map(file -> file.getFileName().toString())
				.filter(name -> name.length() == 64 && name.chars().allMatch(c -> Character.digit(c, 16) >= 0))
				.forEach(found::add);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot list the blob directory " + blobs, e);
		}
		return found;
	}

	@Override
	public boolean putNamed(String name, Path file) {
		var target = named.resolve(NamedFiles.requireName(name));
		try {
			if (Files.exists(target)) {
				return false;
			}
			Files.createDirectories(target.getParent());
			var part = Files.createTempFile(target.getParent(), ".named-", ".part");
			try {
				Files.copy(file, part, StandardCopyOption.REPLACE_EXISTING);
				try (var channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
					channel.force(true);
				}
				makeReadOnly(part);
				synchronized (this) {
					if (Files.exists(target)) {
						return false;
					}
					Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
				}
				syncDirectory(target.getParent());
				return true;
			}
			finally {
				Files.deleteIfExists(part);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot write " + target, e);
		}
	}

	@Override
	public InputStream openNamed(String name) {
		try {
			return Files.newInputStream(named.resolve(NamedFiles.requireName(name)));
		}
		catch (NoSuchFileException e) {
			throw new NotFound("object", name);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public List<String> names(String prefix) {
		if (!Files.isDirectory(named)) {
			return List.of();
		}
		try (var files = Files.walk(named)) {
			return files.filter(Files::isRegularFile)
				.map(file -> named.relativize(file).toString().replace(java.io.File.separatorChar, '/'))
				.filter(name -> name.startsWith(prefix) && NamedFiles.NAME.matcher(name).matches())
				.sorted()
				.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot list " + named, e);
		}
	}
}
