package org.lawtrace.retention;

import java.nio.charset.StandardCharsets;

/** The first bytes of files: what container they are, and whether they are executable (安全性). */
final class FileSignatures {

	private FileSignatures() {
	}

	/** Windows PE (MZ), ELF, Mach-O, scripts (#!), Java classes. */
	static boolean executable(byte[] head, int length) {
		return starts(head, length, 'M', 'Z') || starts(head, length, 0x7f, 'E', 'L', 'F') || starts(head, length, '#', '!')
				|| starts(head, length, 0xca, 0xfe, 0xba, 0xbe) || starts(head, length, 0xcf, 0xfa, 0xed, 0xfe)
				|| starts(head, length, 0xfe, 0xed, 0xfa, 0xcf);
	}

	/** MP4/MOV (ftyp), AVI/WAV (RIFF), Matroska/WebM, MPEG-TS/PS, MP3, AMR, FLV, ASF, JPEG, PNG. */
	static boolean media(byte[] head, int length) {
		if (length >= 8 && new String(head, 4, 4, StandardCharsets.ISO_8859_1).matches("ftyp|moov|mdat|wide|free")) {
			return true;
		}
		return starts(head, length, 'R', 'I', 'F', 'F') || starts(head, length, 0x1a, 0x45, 0xdf, 0xa3)
				|| starts(head, length, 0x47) || starts(head, length, 0x00, 0x00, 0x01, 0xba)
				|| starts(head, length, 'I', 'D', '3') || starts(head, length, 0xff, 0xfb)
				|| starts(head, length, 0xff, 0xf3) || starts(head, length, 0xff, 0xf1)
				|| starts(head, length, '#', '!', 'A', 'M', 'R') || starts(head, length, 'F', 'L', 'V')
				|| starts(head, length, 0x30, 0x26, 0xb2, 0x75) || starts(head, length, 0xff, 0xd8, 0xff)
				|| starts(head, length, 0x89, 'P', 'N', 'G');
	}

	private static boolean starts(byte[] head, int length, int... bytes) {
		if (length < bytes.length) {
			return false;
		}
		for (var i = 0; i < bytes.length; i++) {
			if ((head[i] & 0xff) != bytes[i]) {
				return false;
			}
		}
		return true;
	}
}
