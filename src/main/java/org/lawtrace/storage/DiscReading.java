package org.lawtrace.storage;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.InvalidInput;

/**
 * The files of an optical disc read back (ART-17), for checking: either a mounted disc's directory, read in place, or
 * an image unpacked into a temporary directory by a program (xorriso), deleted again on {@link #close()}. Paths are
 * relative to the disc's root, with {@code /} between names, and never lead outside it.
 */
public final class DiscReading implements AutoCloseable {

	private final Path root;
	private final @Nullable ContentDigest imageDigest;
	private final boolean temporary;
	private final List<Path> alsoDelete = new ArrayList<>();

	private DiscReading(Path root, @Nullable ContentDigest imageDigest, boolean temporary) {
		this.root = root;
		this.imageDigest = imageDigest;
		this.temporary = temporary;
	}

	/**
	 * A disc as the operator names it: a directory (a mounted disc) is read in place; a file is taken for an image and
	 * unpacked into the system's temporary directory by {@code extract} ({@link DiscImages#IMAGE},
	 * {@link DiscImages#TARGET} replaced). For {@code verify-disc}, run by an operator who already reads the server's files;
	 * a path a user of the server gives goes through {@link #ofServerPath} and its read-back roots.
	 *
	 * @throws InvalidInput on field {@code image} when there is no such file or directory, or it cannot be unpacked.
	 */
	public static DiscReading ofOperatorPath(String isoOrDirectory, List<String> extract, Duration timeout) {
		var path = Path.of(isoOrDirectory);
		if (Files.isDirectory(path)) {
			return new DiscReading(path, null, false);
		}
		if (!Files.isRegularFile(path)) {
			throw new InvalidInput("image", "no such image file or directory: " + isoOrDirectory);
		}
		try (var in = Files.newInputStream(path)) {
			var digest = TwinDigest.copy(in, java.nio.channels.Channels.newChannel(java.io.OutputStream.nullOutputStream()));
			return unpack(path, digest, extract, timeout, Path.of(System.getProperty("java.io.tmpdir")));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A server-side path the custodian points to (a mounted drive, or an image copied there). */
	public static DiscReading ofServerPath(String isoOrDirectory, List<String> roots, List<String> extract,
			Duration timeout) {
		return ofOperatorPath(withinRoots(isoOrDirectory, roots).toString(), extract, timeout);
	}

	/**
	 * A read-back path must lie under one of the roots the bureau set for mounted discs and read-back images, before
	 * and after following links: the custodian may point at a disc, not probe the server's files, so a path outside
	 * them is refused with the same answer whether it exists or not.
	 */
	static Path withinRoots(String given, List<String> roots) {
		var refused = new InvalidInput("path", "只能读取光盘挂载目录或读回镜像目录之下的路径 (only paths under "
				+ "lawtrace.retention.disc-read-roots may be read back: " + String.join(", ", roots) + ")");
		Path path;
		try {
			path = Path.of(given).toAbsolutePath().normalize();
		}
		catch (java.nio.file.InvalidPathException e) {
			throw refused;
		}
		var normalizedRoots = roots.stream().filter(r -> !r.isBlank()).map(r -> Path.of(r.strip()).toAbsolutePath().normalize())
			.toList();
		if (normalizedRoots.stream().noneMatch(path::startsWith)) {
			throw refused;
		}
		Path real;
		try {
			real = path.toRealPath();
		}
		catch (IOException e) {
			throw new InvalidInput("path", "no such image file or directory: " + given);
		}
		for (var root : normalizedRoots) {
			try {
				if (real.startsWith(root.toRealPath())) {
					return real;
				}
			}
			catch (IOException missingRoot) {
				// a root that does not exist holds nothing
			}
		}
		throw refused;
	}

	static DiscReading unpack(Path image, ContentDigest digest, List<String> extract, Duration timeout, Path under) {
		Path target = null;
		try {
			target = Files.createTempDirectory(under, "disc-readback-");
			var line = new ArrayList<String>();
			for (var argument : extract) {
				line.add(argument.replace(DiscImages.IMAGE, image.toAbsolutePath().toString())
					.replace(DiscImages.TARGET, target.resolve("disc").toAbsolutePath().toString()));
			}
			var process = new ProcessBuilder(line).redirectErrorStream(true).start();
			process.getOutputStream().close();
			var output = new StringBuilder();
			var reader = new Thread(() -> {
				try (var in = process.getInputStream()) {
					var text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
					synchronized (output) {
						output.append(text);
					}
				}
				catch (IOException closed) {
					// the process is gone
				}
			}, "disc-readback-output");
			reader.setDaemon(true);
			reader.start();
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.descendants().forEach(ProcessHandle::destroyForcibly);
				process.destroyForcibly();
				throw new InvalidInput("image", "unpacking the image took longer than " + timeout);
			}
			reader.join(TimeUnit.SECONDS.toMillis(10));
			String said;
			synchronized (output) {
				said = output.toString().strip();
			}
			var unpacked = target.resolve("disc");
			if (process.exitValue() != 0 || !Files.isDirectory(unpacked)) {
				throw new InvalidInput("image", "不是可读的光盘镜像 (not a readable disc image): "
						+ (said.length() > 500 ? said.substring(said.length() - 500) : said));
			}
			var reading = new DiscReading(unpacked, digest, true);
			reading.alsoDelete.add(target);
			target = null;
			return reading;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new InvalidInput("image", "interrupted while unpacking the image");
		}
		finally {
			if (target != null) {
				deleteTree(target);
			}
		}
	}

	void alsoDelete(Path file) {
		alsoDelete.add(file);
	}

	/** The SHA-256, SM3 and size of the image read back; null for a directory read in place. */
	public @Nullable ContentDigest imageDigest() {
		return imageDigest;
	}

	/** Every file on the disc, relative to its root, in name order. */
	public List<String> files() {
		try (var walk = Files.walk(root)) {
			return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace(File.separatorChar, '/'))
				.sorted().toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public boolean exists(String path) {
		return Files.isRegularFile(resolve(path));
	}

	public long size(String path) {
		try {
			return Files.size(resolve(path));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public InputStream open(String path) {
		try {
			return Files.newInputStream(resolve(path));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A file as {@link File}, for readers that need random access (a zip). */
	public File file(String path) {
		return resolve(path).toFile();
	}

	private Path resolve(String path) {
		var resolved = root.resolve(path).normalize();
		if (!resolved.startsWith(root.normalize())) {
			throw new InvalidInput("path", "outside the disc: " + path);
		}
		return resolved;
	}

	@Override
	public void close() {
		if (temporary) {
			alsoDelete.forEach(DiscReading::deleteTree);
		}
		else {
			alsoDelete.forEach(DiscImages::deleteQuietly);
		}
	}

	static void deleteTree(Path top) {
		if (!Files.exists(top)) {
			return;
		}
		try (var walk = Files.walk(top)) {
			// extracted directories may be read-only, as on the disc itself, which would keep their files
			walk.forEach(p -> p.toFile().setWritable(true));
		}
		catch (IOException e) {
			// tried below all the same
		}
		try (var walk = Files.walk(top)) {
			walk.sorted(Comparator.reverseOrder()).forEach(DiscImages::deleteQuietly);
		}
		catch (IOException e) {
			// the temporary directory is left for the operator; nothing in it is evidence
		}
	}
}
