import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * Java-side digest speed on one file, as LawTrace computes them (JDK SHA-256, BouncyCastle SM3), each alone, in
 * the 256 KiB chunks the store uses. Run: java -cp bcprov.jar bench/DigestSpeed.java FILE
 */
public class DigestSpeed {

	public static void main(String[] args) throws Exception {
		var file = Path.of(args[0]);
		var size = Files.size(file);
		for (var round = 0; round < 2; round++) {
			var sha = time(file, () -> {
				var d = MessageDigest.getInstance("SHA-256");
				return (b, n) -> d.update(b, 0, n);
			});
			var sm3 = time(file, () -> {
				var d = new SM3Digest();
				return (b, n) -> d.update(b, 0, n);
			});
			if (round == 1) {
				System.out.printf("java SHA-256: %.2f s (%.0f MB/s)%n", sha, size / 1e6 / sha);
				System.out.printf("java SM3:     %.2f s (%.0f MB/s)%n", sm3, size / 1e6 / sm3);
			}
		}
	}

	interface Sink {
		void update(byte[] bytes, int length);
	}

	interface SinkFactory {
		Sink create() throws Exception;
	}

	private static double time(Path file, SinkFactory factory) throws Exception {
		var sink = factory.create();
		var buffer = new byte[256 * 1024];
		var start = System.nanoTime();
		try (var in = Files.newInputStream(file)) {
			for (int n; (n = in.read(buffer)) > 0;) {
				sink.update(buffer, n);
			}
		}
		return (System.nanoTime() - start) / 1e9;
	}
}
