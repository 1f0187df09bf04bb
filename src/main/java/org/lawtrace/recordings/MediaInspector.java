package org.lawtrace.recordings;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.TimeZone;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.InvalidInput;
import org.springframework.stereotype.Component;

import com.drew.imaging.FileType;
import com.drew.imaging.FileTypeDetector;
import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.mov.QuickTimeDirectory;
import com.drew.metadata.mp4.Mp4Directory;
import com.drew.metadata.wav.WavDirectory;

/**
 * Decides from a file's own bytes what it is, and reads when it was made, how long it runs and where, from MP4/MOV
 * headers, JPEG EXIF and WAV headers. A file that is not audio, video or an image is refused whatever its name says.
 */
@Component
class MediaInspector {

	// MP4 and QuickTime count from 1904; a camera that never set its clock writes 0, which is no time at all
	private static final Instant EARLIEST_PLAUSIBLE = Instant.parse("1990-01-01T00:00:00Z");

	/**
	 * @param content opens the file from its first byte, each time it is called.
	 * @param zone the bureau's zone, for EXIF times that carry no offset of their own.
	 */
	MediaFacts inspect(Supplier<InputStream> content, ZoneId zone) {
		var type = detect(content);
		var metadata = metadata(content);
		var created = created(metadata, zone);
		var gps = metadata == null ? null : metadata.getFirstDirectoryOfType(GpsDirectory.class);
		var location = gps == null ? null : gps.getGeoLocation();
		return new MediaFacts(type.kind(), type.mediaType(), created, duration(metadata),
				location == null || location.isZero() ? null : location.getLatitude(),
				location == null || location.isZero() ? null : location.getLongitude());
	}

	private record Type(RecordingKind kind, String mediaType) {
	}

	private static Type detect(Supplier<InputStream> content) {
		try (var in = new BufferedInputStream(content.get(), 64 * 1024)) {
			in.mark(64);
			var head = in.readNBytes(12);
			in.reset();
			var fileType = FileTypeDetector.detectFileType(in);
			var type = typeOf(fileType, head);
			if (type == null) {
				throw new InvalidInput("file", "文件内容不是音频、视频或照片，不予存储 (content is not audio, video or an image; "
						+ "detected " + fileType.getName() + ")");
			}
			return type;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static @Nullable Type typeOf(FileType fileType, byte[] head) {
		return switch (fileType) {
			case Jpeg -> new Type(RecordingKind.PHOTO, "image/jpeg");
			case Png -> new Type(RecordingKind.PHOTO, "image/png");
			case Heif -> new Type(RecordingKind.PHOTO, "image/heif");
			case WebP -> new Type(RecordingKind.PHOTO, "image/webp");
			case Tiff -> new Type(RecordingKind.PHOTO, "image/tiff");
			case Bmp -> new Type(RecordingKind.PHOTO, "image/bmp");
			case Gif -> new Type(RecordingKind.PHOTO, "image/gif");
			case Mp4 -> audioBrand(head) ? new Type(RecordingKind.AUDIO, "audio/mp4")
					: new Type(RecordingKind.VIDEO, "video/mp4");
			case QuickTime -> new Type(RecordingKind.VIDEO, "video/quicktime");
			case Avi -> new Type(RecordingKind.VIDEO, "video/x-msvideo");
			case Asf -> new Type(RecordingKind.VIDEO, "video/x-ms-asf");
			case Flv -> new Type(RecordingKind.VIDEO, "video/x-flv");
			case Vob -> new Type(RecordingKind.VIDEO, "video/mpeg");
			case Mxf -> new Type(RecordingKind.VIDEO, "application/mxf");
			case Wav -> new Type(RecordingKind.AUDIO, "audio/wav");
			case Mp3 -> new Type(RecordingKind.AUDIO, "audio/mpeg");
			case Aac -> new Type(RecordingKind.AUDIO, "audio/aac");
			default -> null;
		};
	}

	/** An MP4 whose major brand is M4A or M4B holds sound only (a voice recorder's file). */
	private static boolean audioBrand(byte[] head) {
		if (head.length < 12) {
			return false;
		}
		var brand = new String(head, 8, 4, StandardCharsets.US_ASCII);
		return brand.startsWith("M4A") || brand.startsWith("M4B");
	}

	private static @Nullable Metadata metadata(Supplier<InputStream> content) {
		try (var in = new BufferedInputStream(content.get(), 64 * 1024)) {
			return ImageMetadataReader.readMetadata(in);
		}
		catch (ImageProcessingException | IOException | RuntimeException unreadable) {
			// a cut-off or unusual file still is what it is; its times then come from the uploader
			return null;
		}
	}

	private static @Nullable Instant created(@Nullable Metadata metadata, ZoneId zone) {
		if (metadata == null) {
			return null;
		}
		var exif = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
		if (exif != null) {
			var taken = exif.getDateOriginal(TimeZone.getTimeZone(zone));
			if (taken != null) {
				return plausible(taken);
			}
		}
		for (var video : new Class<?>[] { Mp4Directory.class, QuickTimeDirectory.class }) {
			@SuppressWarnings("unchecked")
			var directory = metadata.getFirstDirectoryOfType((Class<Directory>) video);
			if (directory != null) {
				var created = directory.getDate(Mp4Directory.TAG_CREATION_TIME);
				if (created != null) {
					return plausible(created);
				}
			}
		}
		return null;
	}

	private static @Nullable Instant plausible(Date date) {
		var instant = date.toInstant();
		return instant.isBefore(EARLIEST_PLAUSIBLE) ? null : instant;
	}

	private static @Nullable Duration duration(@Nullable Metadata metadata) {
		if (metadata == null) {
			return null;
		}
		for (var video : new Class<?>[] { Mp4Directory.class, QuickTimeDirectory.class }) {
			@SuppressWarnings("unchecked")
			var directory = metadata.getFirstDirectoryOfType((Class<Directory>) video);
			if (directory != null && directory.containsTag(Mp4Directory.TAG_DURATION)
					&& directory.containsTag(Mp4Directory.TAG_TIME_SCALE)) {
				var units = directory.getLongObject(Mp4Directory.TAG_DURATION);
				var scale = directory.getLongObject(Mp4Directory.TAG_TIME_SCALE);
				if (units != null && scale != null && scale > 0) {
					return Duration.ofMillis(units * 1000 / scale);
				}
			}
		}
		var wav = metadata.getFirstDirectoryOfType(WavDirectory.class);
		if (wav != null && wav.getString(WavDirectory.TAG_DURATION) != null) {
			return hms(wav.getString(WavDirectory.TAG_DURATION));
		}
		return null;
	}

	private static @Nullable Duration hms(String text) {
		var parts = text.strip().split(":");
		if (parts.length != 3) {
			return null;
		}
		try {
			return Duration.ofHours(Long.parseLong(parts[0])).plusMinutes(Long.parseLong(parts[1]))
				.plusMillis(Math.round(Double.parseDouble(parts[2]) * 1000));
		}
		catch (NumberFormatException e) {
			return null;
		}
	}
}
