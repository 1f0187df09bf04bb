package org.lawtrace.recordings;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Random;

import javax.imageio.ImageIO;

/**
 * Real media files built byte by byte, the way cameras write them: an MP4 whose movie header carries creation
 * time and duration, a JPEG with EXIF capture time and GPS position, and a PCM WAV of a given length.
 */
public final class Media {

	private static final long SECONDS_1904_TO_1970 = 2_082_844_800L;

	private Media() {
	}

	/** An MP4 (ISO base media) file: ftyp, moov/mvhd with the given times, and an mdat of random payload. */
	public static byte[] mp4(Instant created, Duration duration, int payloadBytes, long seed) {
		var out = new ByteArrayOutputStream();
		box(out, "ftyp", concat("isom".getBytes(StandardCharsets.US_ASCII), int32(512),
				"isomiso2avc1mp41".getBytes(StandardCharsets.US_ASCII)));
		var mvhd = ByteBuffer.allocate(100).order(ByteOrder.BIG_ENDIAN);
		mvhd.putInt(0); // version 0, flags
		mvhd.putInt((int) (created.getEpochSecond() + SECONDS_1904_TO_1970));
		mvhd.putInt((int) (created.getEpochSecond() + SECONDS_1904_TO_1970));
		mvhd.putInt(1000); // time scale: milliseconds
		mvhd.putInt((int) duration.toMillis());
		mvhd.putInt(0x00010000); // rate 1.0
		mvhd.putShort((short) 0x0100); // volume 1.0
		mvhd.put(new byte[10]);
		for (var m : new int[] { 0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000 }) {
			mvhd.putInt(m);
		}
		mvhd.put(new byte[24]);
		mvhd.putInt(2); // next track id
		var moov = new ByteArrayOutputStream();
		box(moov, "mvhd", mvhd.array());
		box(out, "moov", moov.toByteArray());
		var payload = new byte[payloadBytes];
		new Random(seed).nextBytes(payload);
		box(out, "mdat", payload);
		return out.toByteArray();
	}

	/** A JPEG photo with EXIF DateTimeOriginal (local time, as cameras write it) and a GPS position. */
	public static byte[] jpeg(LocalDateTime taken, double latitude, double longitude, long seed) {
		var image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
		var random = new Random(seed);
		for (var x = 0; x < 64; x++) {
			for (var y = 0; y < 48; y++) {
				image.setRGB(x, y, random.nextInt(0xffffff));
			}
		}
		var plain = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "jpg", plain);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		var jpeg = plain.toByteArray();
		var exif = exif(taken, latitude, longitude);
		var app1 = ByteBuffer.allocate(4 + 6 + exif.length).order(ByteOrder.BIG_ENDIAN);
		app1.putShort((short) 0xFFE1).putShort((short) (2 + 6 + exif.length));
		app1.put("Exif\0\0".getBytes(StandardCharsets.US_ASCII)).put(exif);
		// SOI, then our APP1, then everything ImageIO wrote after its SOI
		return concat(new byte[] { (byte) 0xFF, (byte) 0xD8 }, app1.array(), java.util.Arrays.copyOfRange(jpeg, 2, jpeg.length));
	}

	/** A 16-bit mono PCM WAV of silence lasting {@code seconds}. */
	public static byte[] wav(int seconds) {
		var rate = 8000;
		var data = rate * 2 * seconds;
		var b = ByteBuffer.allocate(44 + data).order(ByteOrder.LITTLE_ENDIAN);
		b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + data).put("WAVE".getBytes(StandardCharsets.US_ASCII));
		b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
			.putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16);
		b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(data);
		return b.array();
	}

	/**
	 * A WAV like {@link #wav(int)} whose last samples carry {@code seed}, so tests sharing one application (and one
	 * write-once store) never upload the same bytes twice and find them already stored.
	 */
	public static byte[] wav(int seconds, long seed) {
		var copy = wav(seconds);
		for (var i = 0; i < 8; i++) {
			copy[copy.length - 1 - i] = (byte) (seed >>> (8 * i));
		}
		return copy;
	}

	/** An ELF executable's first bytes followed by junk: what a renamed program looks like. */
	public static byte[] executable() {
		var bytes = new byte[4096];
		new Random(1).nextBytes(bytes);
		bytes[0] = 0x7f;
		bytes[1] = 'E';
		bytes[2] = 'L';
		bytes[3] = 'F';
		return bytes;
	}

	private static byte[] exif(LocalDateTime taken, double latitude, double longitude) {
		// TIFF, little endian: IFD0 (ExifIFD and GPS pointers) at 8, Exif IFD, GPS IFD, then the values they point to
		var b = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
		b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
		var ifd0 = 8;
		var exifIfd = ifd0 + 2 + 2 * 12 + 4;
		var gpsIfd = exifIfd + 2 + 1 * 12 + 4;
		var values = gpsIfd + 2 + 4 * 12 + 4;
		b.position(ifd0);
		b.putShort((short) 2);
		entry(b, 0x8769, 4, 1, exifIfd);
		entry(b, 0x8825, 4, 1, gpsIfd);
		b.putInt(0);
		var date = String.format("%04d:%02d:%02d %02d:%02d:%02d\0", taken.getYear(), taken.getMonthValue(),
				taken.getDayOfMonth(), taken.getHour(), taken.getMinute(), taken.getSecond());
		var dateAt = values;
		var latAt = dateAt + 20;
		var lonAt = latAt + 24;
		b.position(exifIfd);
		b.putShort((short) 1);
		entry(b, 0x9003, 2, 20, dateAt);
		b.putInt(0);
		b.position(gpsIfd);
		b.putShort((short) 4);
		entry(b, 0x0001, 2, 2, latitude >= 0 ? 'N' : 'S');
		entry(b, 0x0002, 5, 3, latAt);
		entry(b, 0x0003, 2, 2, longitude >= 0 ? 'E' : 'W');
		entry(b, 0x0004, 5, 3, lonAt);
		b.putInt(0);
		b.position(dateAt);
		b.put(date.getBytes(StandardCharsets.US_ASCII));
		b.position(latAt);
		degrees(b, Math.abs(latitude));
		b.position(lonAt);
		degrees(b, Math.abs(longitude));
		return java.util.Arrays.copyOf(b.array(), lonAt + 24);
	}

	private static void entry(ByteBuffer b, int tag, int type, int count, int valueOrOffset) {
		b.putShort((short) tag).putShort((short) type).putInt(count).putInt(valueOrOffset);
	}

	private static void degrees(ByteBuffer b, double value) {
		var d = (int) value;
		var m = (int) ((value - d) * 60);
		var s = Math.round(((value - d) * 60 - m) * 60 * 10000);
		b.putInt(d).putInt(1).putInt(m).putInt(1).putInt((int) s).putInt(10000);
	}

	private static void box(ByteArrayOutputStream out, String type, byte[] body) {
		out.writeBytes(int32(8 + body.length));
		out.writeBytes(type.getBytes(StandardCharsets.US_ASCII));
		out.writeBytes(body);
	}

	private static byte[] int32(int value) {
		return ByteBuffer.allocate(4).putInt(value).array();
	}

	private static byte[] concat(byte[]... parts) {
		var out = new ByteArrayOutputStream();
		for (var p : parts) {
			out.writeBytes(p);
		}
		return out.toByteArray();
	}
}
