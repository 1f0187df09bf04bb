package org.lawtrace.collector;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A file from a camera's storage, with what its name tells: body cams (执法记录仪) name files after the moment
 * recording began and usually after the device, e.g. {@code DSJ-A8-000123_20261120093000_0001.MP4} or
 * {@code 20261120_093000_0001.MP4}.
 */
record CameraFile(Path path, @Nullable LocalDateTime startedAt, @Nullable String deviceSerial) {

	private static final Pattern TIME = Pattern.compile(
			"(?<!\\d)(20\\d{2})[-_]?(\\d{2})[-_]?(\\d{2})[-_T ]?(\\d{2})[-_:]?(\\d{2})[-_:]?(\\d{2})(?!\\d)");
	// a device serial is letters then at least five digits; IMG_0001, DSC_0001 and the like are file counters
	private static final Pattern DEVICE = Pattern.compile(
			"(?i)(?<![A-Z0-9])(?!(?:IMG|DSC|DSCN|MOV|VID|PXL|REC|AUD|PIC)[-_]?\\d)([A-Z]{2,5}[-_]?[A-Z0-9]{0,4}[-_]?\\d{5,})");

	static CameraFile of(Path path) {
		var name = path.getFileName().toString();
		return new CameraFile(path, time(name).orElse(null), device(name).orElse(null));
	}

	private static Optional<LocalDateTime> time(String name) {
		var m = TIME.matcher(name);
		if (!m.find()) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
					Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
					Integer.parseInt(m.group(6))));
		}
		catch (java.time.DateTimeException notATime) {
			return Optional.empty();
		}
	}

	private static Optional<String> device(String name) {
		var withoutTime = TIME.matcher(name).replaceAll("_");
		var m = DEVICE.matcher(withoutTime);
		return m.find() ? Optional.of(m.group(1).toUpperCase(java.util.Locale.ROOT)) : Optional.empty();
	}
}
