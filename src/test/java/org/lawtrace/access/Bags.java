package org.lawtrace.access;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Security;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

import gov.loc.repository.bagit.domain.Bag;
import gov.loc.repository.bagit.hash.BagitAlgorithmNameToSupportedAlgorithmMapping;
import gov.loc.repository.bagit.hash.StandardSupportedAlgorithms;
import gov.loc.repository.bagit.hash.SupportedAlgorithm;
import gov.loc.repository.bagit.reader.BagReader;
import gov.loc.repository.bagit.verify.BagVerifier;

/**
 * Test tools for evidence packages: unzip and validate with the Library of Congress's BagIt implementation (taught
 * the {@code sm3} manifest name, with BouncyCastle providing the digest), and rewrite a package's files the way a
 * forger would, optionally recomputing the tag manifests to hide the change from them.
 */
public final class Bags {

	private static final HexFormat HEX = HexFormat.of();

	/** gov.loc bagit knows MD5 and the SHA family; SM3 is BouncyCastle's JCA digest of the same name. */
	private static final BagitAlgorithmNameToSupportedAlgorithmMapping WITH_SM3 = name -> {
		if ("sm3".equalsIgnoreCase(name)) {
			return new SupportedAlgorithm() {
				@Override
				public String getMessageDigestName() {
					return "SM3";
				}

				@Override
				public String getBagitName() {
					return "sm3";
				}
			};
		}
		return StandardSupportedAlgorithms.valueOf(name.toUpperCase());
	};

	private Bags() {
	}

	/** Unzips into a new directory and answers the bag's base directory (the zip's one top directory). */
	public static Path unzip(byte[] zip) throws IOException {
		var dir = Files.createTempDirectory("lawtrace-bag-");
		Path base = null;
		try (var in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
			for (ZipEntry e; (e = in.getNextEntry()) != null;) {
				var target = dir.resolve(e.getName()).normalize();
				if (!target.startsWith(dir)) {
					throw new IOException("entry outside the directory: " + e.getName());
				}
				Files.createDirectories(target.getParent());
				Files.copy(in, target);
				base = dir.resolve(e.getName().substring(0, e.getName().indexOf('/')));
			}
		}
		return base;
	}

	/** Reads and fully validates the bag (completeness, every payload and tag manifest) with gov.loc bagit. */
	public static Bag validate(Path base) throws Exception {
		if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
			Security.addProvider(new BouncyCastleProvider());
		}
		var bag = new BagReader(WITH_SM3).read(base);
		try (var verifier = new BagVerifier(WITH_SM3)) {
			verifier.isValid(bag, false);
		}
		return bag;
	}

	/** The files of a zip by name, in order. */
	public static Map<String, byte[]> entries(byte[] zip) throws IOException {
		var files = new LinkedHashMap<String, byte[]>();
		try (var in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
			for (ZipEntry e; (e = in.getNextEntry()) != null;) {
				files.put(e.getName(), in.readAllBytes());
			}
		}
		return files;
	}

	/**
	 * The zip with the file whose name ends with {@code suffix} changed; with {@code hide}, the tag manifests are
	 * recomputed afterwards, as someone covering their tracks would.
	 */
	static byte[] rewrite(byte[] zip, String suffix, UnaryOperator<byte[]> change, boolean hide) throws IOException {
		var files = entries(zip);
		var name = files.keySet().stream().filter(n -> n.endsWith(suffix)).findFirst().orElseThrow();
		files.put(name, change.apply(files.get(name)));
		if (hide) {
			var root = name.substring(0, name.indexOf('/') + 1);
			for (var algorithm : new String[] { "sha256", "sm3" }) {
				var manifest = root + "tagmanifest-" + algorithm + ".txt";
				var text = new StringBuilder();
				for (var line : new String(files.get(manifest), StandardCharsets.UTF_8).split("\n")) {
					var path = line.split("\\s+", 2)[1];
					text.append(digest(algorithm, files.get(root + path))).append("  ").append(path).append('\n');
				}
				files.put(manifest, text.toString().getBytes(StandardCharsets.UTF_8));
			}
		}
		var out = new ByteArrayOutputStream();
		try (var zipOut = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
			for (var f : files.entrySet()) {
				zipOut.putNextEntry(new ZipEntry(f.getKey()));
				zipOut.write(f.getValue());
				zipOut.closeEntry();
			}
		}
		return out.toByteArray();
	}

	static String digest(String algorithm, byte[] content) {
		if ("sm3".equals(algorithm)) {
			var sm3 = new SM3Digest();
			sm3.update(content, 0, content.length);
			var hash = new byte[32];
			sm3.doFinal(hash, 0);
			return HEX.formatHex(hash);
		}
		try {
			return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
