package org.lawtrace.access;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * {@code verify-package <zip>}: checks an evidence package offline, with no server and no database (ART-19,
 * ART-22), printing each check and exactly what fails; exits 0 when every check passes, 1 when one fails, and 2 when
 * the input is not a readable package at all.
 */
public final class VerifyPackageCommand {

	private VerifyPackageCommand() {
	}

	public static int run(String[] args, PrintStream out, PrintStream err) {
		if (args.length != 1) {
			err.println("usage: java -jar lawtrace.jar verify-package <evidence-package.zip>");
			return 2;
		}
		// java.io.File rather than java.nio.file: only storage touches files by path (ArchitectureTests); this reads a
		// zip the operator names, never the store
		var file = new File(args[0]);
		if (!file.isFile()) {
			err.println("verify-package: no such file: " + args[0]);
			return 2;
		}
		try (var zip = new ZipFile(file)) {
			var checks = PackageVerification.run(zip);
			checks.forEach(c -> out.println(c.line()));
			var failed = checks.stream().filter(c -> !c.passed()).count();
			if (failed == 0) {
				out.println("VERIFIED: " + file.getName() + " — " + checks.size() + " checks passed");
				return 0;
			}
			out.println("FAILED: " + file.getName() + " — " + failed + " of " + checks.size() + " checks failed");
			return 1;
		}
		catch (ZipException e) {
			err.println("verify-package: not a zip file: " + args[0] + " (" + e.getMessage() + ")");
			return 2;
		}
		catch (PackageVerification.Unusable e) {
			err.println("verify-package: " + e.getMessage());
			return 2;
		}
		catch (IOException e) {
			err.println("verify-package: cannot read " + args[0] + ": " + e.getMessage());
			return 2;
		}
	}
}
