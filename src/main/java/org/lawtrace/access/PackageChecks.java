package org.lawtrace.access;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.jspecify.annotations.Nullable;

/**
 * {@code verify-package}'s checks for other modules (the disc read back, ART-17): the same offline checks of a BagIt
 * package, from the zip alone, with each failed check's line.
 */
public final class PackageChecks {

	private PackageChecks() {
	}

	/**
	 * @param checks how many checks ran.
	 * @param failures each failed check as {@code verify-package} prints it ({@code FAIL  subject: detail}).
	 * @param unusable why the file is no package at all, or null when it was checked.
	 */
	public record Outcome(int checks, List<String> failures, @Nullable String unusable) {

		public boolean passed() {
			return unusable == null && failures.isEmpty();
		}
	}

	public static Outcome check(File zipFile) {
		try (var zip = new ZipFile(zipFile)) {
			var checks = PackageVerification.run(zip);
			return new Outcome(checks.size(),
					checks.stream().filter(c -> !c.passed()).map(PackageVerification.Check::line).toList(), null);
		}
		catch (ZipException e) {
			return new Outcome(0, List.of(), "not a zip file (" + e.getMessage() + ")");
		}
		catch (PackageVerification.Unusable e) {
			return new Outcome(0, List.of(), e.getMessage());
		}
		catch (IOException e) {
			return new Outcome(0, List.of(), "cannot read (" + e.getMessage() + ")");
		}
	}
}
