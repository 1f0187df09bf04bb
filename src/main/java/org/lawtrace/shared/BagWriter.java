package org.lawtrace.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * Writes a BagIt 1.0 bag (RFC 8493) as a zip, streaming: payload files go through once, digested (SHA-256 and SM3)
 * on the way into the zip, so originals of gigabytes are never held in memory or copied aside. The manifests, the
 * bag declaration and the tag manifests are written last, from the digests gathered. The zip's entries sit under
 * one top directory named after the bag, as BagIt's serialization section asks. Shared by the evidence packages
 * (access) and the archival packages (retention), ADR 0002.
 */
public final class BagWriter implements AutoCloseable {

	public static final String SHA256 = "sha256";
	public static final String SM3 = "sm3";
	private static final HexFormat HEX = HexFormat.of();
	private static final int CHUNK = 256 * 1024;

	private final ZipOutputStream zip;
	private final String root;
	/** Path in the bag to its digests, in the order written; payload and tag files apart. */
	private final LinkedHashMap<String, Digests> payload = new LinkedHashMap<>();
	private final LinkedHashMap<String, Digests> tags = new LinkedHashMap<>();
	private long payloadBytes;
	private boolean finished;

	/** What a file digested to while it was written. */
	public record Digests(String sha256, String sm3, long size) {
	}

	public BagWriter(OutputStream out, String bagName) {
		this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
		this.root = bagName + "/";
	}

	/**
	 * Streams one payload file into {@code data/}; does not close {@code content}.
	 *
	 * @param path the file's path below {@code data/}, with {@code /} between directories
	 */
	public Digests addPayload(String path, InputStream content) throws IOException {
		var full = "data/" + path;
		// audio-visual originals are compressed already: storing them spares the CPU and keeps the bytes as they are
		zip.setLevel(Deflater.NO_COMPRESSION);
		var digests = write(full, content);
		payload.put(full, digests);
		payloadBytes += digests.size();
		return digests;
	}

	/** Writes one tag file (metadata, custody, README) outside {@code data/}. */
	public void addTag(String path, byte[] content) throws IOException {
		zip.setLevel(Deflater.DEFAULT_COMPRESSION);
		tags.put(path, write(path, new java.io.ByteArrayInputStream(content)));
	}

	/**
	 * Writes the bag declaration, {@code bag-info.txt} (with the payload's octet and file count), the payload
	 * manifests and the tag manifests, and closes the zip; {@code bagInfo} keeps its order.
	 */
	public void finish(Map<String, String> bagInfo) throws IOException {
		addTag("bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n".getBytes(StandardCharsets.UTF_8));
		var info = new StringBuilder();
		bagInfo.forEach((label, value) -> info.append(label).append(": ").append(value.replace("\n", " ")).append('\n'));
		info.append("Payload-Oxum: ").append(payloadBytes).append('.').append(payload.size()).append('\n');
		addTag("bag-info.txt", info.toString().getBytes(StandardCharsets.UTF_8));
		addTag("manifest-sha256.txt", manifest(payload, SHA256));
		addTag("manifest-sm3.txt", manifest(payload, SM3));
		// the tag manifests cover every tag file written so far, and so everything but themselves
		var covered = new LinkedHashMap<>(tags);
		writeLast("tagmanifest-sha256.txt", manifest(covered, SHA256));
		writeLast("tagmanifest-sm3.txt", manifest(covered, SM3));
		zip.finish();
		finished = true;
	}

	private void writeLast(String path, byte[] content) throws IOException {
		zip.setLevel(Deflater.DEFAULT_COMPRESSION);
		write(path, new java.io.ByteArrayInputStream(content));
	}

	private static byte[] manifest(Map<String, Digests> files, String algorithm) {
		var text = new StringBuilder();
		files.forEach((path, d) -> text.append(SHA256.equals(algorithm) ? d.sha256() : d.sm3()).append("  ")
			.append(encode(path)).append('\n'));
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** RFC 8493 §2.1.3: a manifest names a file with CR, LF and % percent-encoded. */
	public static String encode(String path) {
		return path.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
	}

	private Digests write(String path, InputStream content) throws IOException {
		zip.putNextEntry(new ZipEntry(root + path));
		var sha256 = sha256();
		var sm3 = new SM3Digest();
		var buffer = new byte[CHUNK];
		long size = 0;
		for (int n; (n = content.read(buffer)) != -1;) {
			sha256.update(buffer, 0, n);
			sm3.update(buffer, 0, n);
			zip.write(buffer, 0, n);
			size += n;
		}
		zip.closeEntry();
		var sm3Hash = new byte[sm3.getDigestSize()];
		sm3.doFinal(sm3Hash, 0);
		return new Digests(HEX.formatHex(sha256.digest()), HEX.formatHex(sm3Hash), size);
	}

	public static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime has SHA-256", e);
		}
	}

	/** Closes the zip; a bag not {@linkplain #finish finished} is left incomplete, and the caller discards it. */
	@Override
	public void close() {
		try {
			zip.close();
		}
		catch (IOException e) {
			if (finished) {
				throw new UncheckedIOException(e);
			}
		}
	}
}
