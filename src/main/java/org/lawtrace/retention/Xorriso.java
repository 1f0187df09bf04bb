package org.lawtrace.retention;

import java.time.Duration;
import java.util.List;

import org.lawtrace.shared.InstalledProgram;
import org.lawtrace.storage.DiscImages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Debian's xorriso (libisoburn), found once at start-up: {@code lawtrace.retention.xorriso} names the command or its
 * path, and {@code <it> -version} must succeed; empty turns disc images off (ADR 0017). It writes ISO 9660 images
 * with Rock Ridge and Joliet names, level 3 so that packages over 4 GiB fit (as several extents). No MD5 tags: an
 * image written to a pipe cannot have its session tag patched afterwards, and a tag that {@code -check_md5} reports
 * as a mismatch on a good disc would only mislead; the verification list on the disc carries SHA-256 and SM3.
 */
@Component
class Xorriso {

	private static final Logger log = LoggerFactory.getLogger(Xorriso.class);

	private final Duration timeout;
	private final InstalledProgram program;

	Xorriso(@Value("${lawtrace.retention.xorriso:xorriso}") String command,
			@Value("${lawtrace.retention.xorriso-timeout:PT2H}") Duration timeout) {
		this.timeout = timeout;
		this.program = InstalledProgram.find(command, " : ").whenKnown(program -> {
			if (program.available()) {
				log.info("Optical disc images ON: made with {} ({}), each run limited to {}", program.version(),
						program.command(), timeout);
			}
			else if (program.turnedOff()) {
				log.info("Optical disc images OFF: lawtrace.retention.xorriso is empty");
			}
			else {
				log.warn("Optical disc images OFF: '{} -version' did not succeed ({}); install xorriso or set "
						+ "lawtrace.retention.xorriso to its path", program.command(), program.problem());
			}
		});
	}

	boolean available() {
		return program.available();
	}

	String version() {
		var version = program.version();
		return version == null ? "xorriso (not installed)" : version;
	}

	Duration timeout() {
		return timeout;
	}

	/** Writes the image to standard output; the inputs are mapped to their names in it. */
	List<String> master(String volumeId) {
		return master(program.command(), volumeId);
	}

	static List<String> master(String command, String volumeId) {
		return List.of(command, "-abort_on", "FAILURE", "-report_about", "FAILURE", "-outdev", "-", "-volid",
				volumeId, "-joliet", "on", "-rockridge", "on", "-compliance", "iso_9660_level=3", "-file_size_limit", "off",
				"--", DiscImages.INPUTS, "-commit");
	}

	static List<String> perInput() {
		return List.of("-map", DiscImages.FILE, DiscImages.NAME);
	}

	List<String> extract() {
		return extract(program.command());
	}

	/** Unpacks a whole image (Rock Ridge names) into the target directory. */
	static List<String> extract(String command) {
		return List.of(command, "-abort_on", "FAILURE", "-report_about", "FAILURE", "-indev", DiscImages.IMAGE,
				"-osirrox", "on", "-extract", "/", DiscImages.TARGET);
	}
}
