package org.lawtrace.collector;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code import --dir <DCIM folder> --server <url> --token <t> [--device <id>] [--recorded-by <username>]}: uploads
 * every file of a camera that the server does not yet hold, resumably, and prints {@code stored <sha256> <file>}
 * for a file only after the server has confirmed it holds exactly those bytes. Running it again uploads nothing
 * twice; an interrupted upload continues where it stopped.
 */
public final class ImportCommand {

	static final String USAGE = """
			usage: java -jar lawtrace.jar import --dir <DCIM folder> --server <url> --token <token>
			           [--device <device serial>] [--recorded-by <username>] [--zone Asia/Shanghai] [--state <file>]""";
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final PrintStream out;
	private final PrintStream err;

	ImportCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	/** @return the process exit code: 0 all stored, 1 some files not stored, 2 wrong usage. */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		Map<String, String> options;
		try {
			options = options(args);
		}
		catch (IllegalArgumentException e) {
			err.println(e.getMessage());
			err.println(USAGE);
			return 2;
		}
		return new ImportCommand(out, err).importAll(options);
	}

	private int importAll(Map<String, String> o) {
		var dir = Path.of(o.get("dir"));
		if (!Files.isDirectory(dir)) {
			err.println("not a directory: " + dir);
			return 2;
		}
		var client = new TusClient(URI.create(o.get("server")), "Bearer " + o.get("token"));
		var state = new UploadState(Path.of(o.getOrDefault("state",
				Path.of(System.getProperty("user.home"), ".lawtrace", "import-state.properties").toString())));
		var zone = ZoneId.of(o.getOrDefault("zone", "Asia/Shanghai"));
		var failures = 0;
		for (var file : files(dir)) {
			try {
				var result = importOne(client, state, CameraFile.of(file), o, zone);
				out.println(result);
			}
			catch (TusClient.Refused e) {
				failures++;
				err.println("refused " + file + ": " + e.getMessage());
			}
			catch (IOException | UncheckedIOException e) {
				failures++;
				err.println("not stored " + file + ": " + e.getMessage() + " (run again to resume)");
			}
		}
		return failures == 0 ? 0 : 1;
	}

	private String importOne(TusClient client, UploadState state, CameraFile file, Map<String, String> o, ZoneId zone)
			throws IOException {
		var sha256 = sha256(file.path());
		if (confirmed(client, sha256)) {
			return "stored " + sha256 + " " + file.path() + " (already on the server)";
		}
		var length = Files.size(file.path());
		var upload = state.upload(sha256).orElse(null);
		var offset = upload == null ? null : client.offset(upload).orElse(null);
		if (upload == null || offset == null) {
			upload = client.create(length, metadata(file, sha256, o, zone));
			state.remember(sha256, upload);
			offset = 0L;
		}
		try (var in = Files.newInputStream(file.path())) {
			in.skipNBytes(offset);
			while (offset < length) {
				var part = Math.min(TusClient.CHUNK, length - offset);
				client.patch(upload, offset, in, part);
				offset += part;
			}
		}
		state.forget(sha256);
		if (!confirmed(client, sha256)) {
			throw new IOException("the server does not confirm " + sha256 + "; keep the file and run again");
		}
		return "stored " + sha256 + " " + file.path();
	}

	/** The server holds a recording with exactly this SHA-256: the one fact that makes clearing the camera safe. */
	private static boolean confirmed(TusClient client, String sha256) throws IOException {
		var response = client.get("/api/v1/recordings/digests/" + sha256);
		if (response.statusCode() == 404) {
			return false;
		}
		if (response.statusCode() != 200) {
			throw new TusClient.Refused(response.statusCode(), response.body());
		}
		return sha256.equals(JSON.readTree(response.body()).path("sha256").asString());
	}

	private static Map<String, String> metadata(CameraFile file, String sha256, Map<String, String> o, ZoneId zone) {
		var metadata = new HashMap<String, String>();
		metadata.put("filename", file.path().getFileName().toString());
		metadata.put("sha256", sha256);
		metadata.put("source", "import");
		var device = o.containsKey("device") ? o.get("device") : file.deviceSerial();
		if (device != null) {
			metadata.put("deviceSerial", device);
		}
		if (file.startedAt() != null) {
			metadata.put("startedAt", file.startedAt().atZone(zone).toOffsetDateTime().toString());
		}
		if (o.containsKey("recorded-by")) {
			metadata.put("recordedBy", o.get("recorded-by"));
		}
		return metadata;
	}

	private static List<Path> files(Path dir) {
		try (Stream<Path> walk = Files.walk(dir)) {
			return walk.filter(Files::isRegularFile)
				.filter(p -> !p.getFileName().toString().startsWith("."))
				.sorted()
				.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static String sha256(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			var digest = MessageDigest.getInstance("SHA-256");
			var buffer = new byte[1 << 20];
			for (int n; (n = in.read(buffer)) > 0;) {
				digest.update(buffer, 0, n);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}

	static Map<String, String> options(String[] args) {
		var options = new HashMap<String, String>();
		for (var i = 0; i < args.length; i++) {
			if (!args[i].startsWith("--") || i + 1 >= args.length) {
				throw new IllegalArgumentException("unexpected argument: " + args[i]);
			}
			options.put(args[i].substring(2), args[++i]);
		}
		for (var required : List.of("dir", "server", "token")) {
			if (!options.containsKey(required)) {
				throw new IllegalArgumentException("missing --" + required);
			}
		}
		return options;
	}

	/** Which upload each unfinished file is, so a run after a broken link or a restart resumes it. */
	static final class UploadState {

		private final Path file;
		private final Properties uploads = new Properties();

		UploadState(Path file) {
			this.file = file;
			if (Files.exists(file)) {
				try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
					uploads.load(in);
				}
				catch (IOException e) {
					throw new UncheckedIOException("cannot read upload state " + file, e);
				}
			}
		}

		java.util.Optional<URI> upload(String sha256) {
			return java.util.Optional.ofNullable(uploads.getProperty(sha256)).map(URI::create);
		}

		void remember(String sha256, URI upload) {
			uploads.setProperty(sha256, upload.toString());
			save();
		}

		void forget(String sha256) {
			if (uploads.remove(sha256) != null) {
				save();
			}
		}

		private void save() {
			try {
				Files.createDirectories(file.toAbsolutePath().getParent());
				var temp = Files.createTempFile(file.toAbsolutePath().getParent(), "import-state", ".tmp");
				try (var writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
					uploads.store(writer, "LawTrace import: unfinished uploads by SHA-256");
				}
				Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
						java.nio.file.StandardCopyOption.ATOMIC_MOVE);
			}
			catch (IOException e) {
				throw new UncheckedIOException("cannot save upload state " + file, e);
			}
		}
	}
}
