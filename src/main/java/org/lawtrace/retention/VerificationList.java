package org.lawtrace.retention;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The plain verification list (校验清单) on every disc (ART-17): {@code SHA256SUMS} in the very format
 * {@code sha256sum -c SHA256SUMS} checks, and {@code VERIFICATION.txt} with each file's name, size, SHA-256 and SM3 and
 * how to check them by hand, so a person with a standard tool and no LawTrace can tell whether the disc still holds
 * what was written.
 */
final class VerificationList {

	static final String SHA256SUMS = "SHA256SUMS";
	static final String VERIFICATION = "VERIFICATION.txt";

	/** One file on the disc, relative to its root. */
	record Entry(String name, long size, String sha256, String sm3) {
	}

	private VerificationList() {
	}

	static byte[] sha256sums(List<Entry> entries) {
		var text = new StringBuilder();
		// two spaces: sha256sum's text mode, the form it writes and checks by default
		entries.forEach(e -> text.append(e.sha256()).append("  ").append(e.name()).append('\n'));
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	static byte[] verification(String label, String madeAt, List<Entry> entries) {
		var text = new StringBuilder();
		text.append("长期保存光盘校验清单 / Verification list of a long-term preservation disc\n");
		text.append("光盘编号 Disc: ").append(label).append('\n');
		text.append("制作时间 Made: ").append(madeAt).append('\n');
		text.append("核验方法 How to check: 在光盘根目录运行 sha256sum -c SHA256SUMS（每行应为 OK）；\n");
		text.append("  各证据包另可用 java -jar lawtrace.jar verify-package <包> 核验，整张光盘用 verify-disc <光盘目录或镜像>。\n");
		text.append("  In the disc's root: sha256sum -c SHA256SUMS (every line OK); each package: verify-package;\n");
		text.append("  the whole disc: java -jar lawtrace.jar verify-disc <mount directory or image>.\n");
		text.append("  超过 4 GiB 的文件在较旧系统上挂载可能读不全，请用 xorriso -osirrox on -indev <镜像> -extract / <目录> 读出。\n");
		text.append("  Files over 4 GiB may read short from a mounted disc on older systems: extract them with xorriso.\n");
		text.append("# name\tsize\tsha256\tsm3\n");
		entries.forEach(e -> text.append(e.name()).append('\t').append(e.size()).append('\t').append(e.sha256())
			.append('\t').append(e.sm3()).append('\n'));
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** The SHA-256 of each file {@code SHA256SUMS} names, in its order; malformed lines are returned in {@code bad}. */
	static Map<String, String> parseSums(String text, List<String> bad) {
		var sums = new LinkedHashMap<String, String>();
		for (var line : text.split("\n")) {
			if (line.isBlank()) {
				continue;
			}
			if (line.length() < 67 || !line.substring(0, 64).matches("[0-9a-f]{64}") || line.charAt(64) != ' ') {
				bad.add(line);
				continue;
			}
			// " " text mode or "*" binary mode, as sha256sum writes either
			sums.put(line.substring(66), line.substring(0, 64));
		}
		return sums;
	}

	/** Size and SM3 of each file {@code VERIFICATION.txt} names. */
	static Map<String, Entry> parseVerification(@Nullable String text) {
		var entries = new LinkedHashMap<String, Entry>();
		if (text == null) {
			return entries;
		}
		for (var line : text.split("\n")) {
			var cells = line.split("\t");
			if (cells.length == 4 && !line.startsWith("#") && cells[1].matches("\\d+")) {
				entries.put(cells[0], new Entry(cells[0], Long.parseLong(cells[1]), cells[2], cells[3]));
			}
		}
		return entries;
	}

	static List<String> listFiles() {
		return new ArrayList<>(List.of(SHA256SUMS, VERIFICATION));
	}
}
