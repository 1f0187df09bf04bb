package org.lawtrace.retention;

import java.io.PrintStream;
import java.time.Duration;

import org.lawtrace.shared.InvalidInput;
import org.lawtrace.storage.DiscReading;

/**
 * {@code verify-disc <image-or-mount-directory>}: checks a long-term preservation disc offline, with no server and no
 * database (ART-17): the verification list against every file, and each package as {@code verify-package} does.
 * Prints each check; exits 0 when every check passes, 1 when one fails, 2 when it is no readable disc of LawTrace.
 * An image file is unpacked with xorriso ({@code LAWTRACE_XORRISO}, default {@code xorriso}) into a temporary
 * directory, deleted afterwards; a mounted disc is read in place.
 */
public final class VerifyDiscCommand {

	private VerifyDiscCommand() {
	}

	public static int run(String[] args, PrintStream out, PrintStream err) {
		if (args.length != 1) {
			err.println("usage: java -jar lawtrace.jar verify-disc <disc-image.iso | mount-directory>");
			return 2;
		}
		var xorriso = System.getenv().getOrDefault("LAWTRACE_XORRISO", "xorriso");
		try (var disc = DiscReading.ofOperatorPath(args[0], Xorriso.extract(xorriso), Duration.ofHours(2))) {
			if (disc.imageDigest() != null) {
				out.println("image SHA-256 " + disc.imageDigest().sha256() + ", " + disc.imageDigest().sizeBytes()
						+ " bytes");
			}
			var result = DiscVerification.run(disc);
			result.lines().forEach(l -> out.println(l.printed()));
			if (!result.usable()) {
				err.println("verify-disc: not a LawTrace disc (no " + VerificationList.SHA256SUMS + "): " + args[0]);
				return 2;
			}
			var failed = result.failures().size();
			if (failed == 0) {
				out.println("VERIFIED: " + args[0] + " — " + result.lines().size() + " checks passed");
				return 0;
			}
			out.println("FAILED: " + args[0] + " — " + failed + " of " + result.lines().size() + " checks failed");
			return 1;
		}
		catch (InvalidInput e) {
			err.println("verify-disc: " + e.getMessage());
			return 2;
		}
		catch (java.io.UncheckedIOException e) {
			err.println("verify-disc: cannot read " + args[0] + ": " + e.getMessage());
			return 2;
		}
	}
}
