import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Side-by-side latency of GET /api/v1/recordings/{id} on two servers (audit log on, audit log off), one request
 * to each per round in random order, one connection each, after a warm-up. Prints median, p90 and mean per side
 * and the median's overhead. Run: java bench/AuditOverhead.java BASE_ON TOKEN_ON ID_ON BASE_OFF TOKEN_OFF ID_OFF
 * ROUNDS WARMUP
 */
public class AuditOverhead {

	public static void main(String[] args) throws Exception {
		var on = new Side("on ", args[0], args[1], args[2]);
		var off = new Side("off", args[3], args[4], args[5]);
		var rounds = Integer.parseInt(args[6]);
		var warmup = Integer.parseInt(args[7]);
		for (var i = 0; i < warmup; i++) {
			on.call();
			off.call();
		}
		var onTimes = new long[rounds];
		var offTimes = new long[rounds];
		for (var i = 0; i < rounds; i++) {
			if (ThreadLocalRandom.current().nextBoolean()) {
				onTimes[i] = on.call();
				offTimes[i] = off.call();
			}
			else {
				offTimes[i] = off.call();
				onTimes[i] = on.call();
			}
		}
		var medianOn = report(on.name, onTimes);
		var medianOff = report(off.name, offTimes);
		System.out.printf("median overhead of audit logging: %+.1f%% (%d rounds, %d warm-up)%n",
				100.0 * (medianOn - medianOff) / medianOff, rounds, warmup);
	}

	private static double report(String name, long[] nanos) {
		var sorted = nanos.clone();
		Arrays.sort(sorted);
		var median = sorted[sorted.length / 2] / 1e6;
		System.out.printf("audit %s: median %.3f ms, p90 %.3f ms, p99 %.3f ms, mean %.3f ms%n", name, median,
				sorted[(int) (sorted.length * 0.9)] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6,
				Arrays.stream(nanos).average().orElse(0) / 1e6);
		return median;
	}

	private static final class Side {

		final String name;
		final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		final HttpRequest request;

		Side(String name, String base, String token, String id) {
			this.name = name;
			this.request = HttpRequest.newBuilder(URI.create(base + "/api/v1/recordings/" + id))
				.header("Authorization", "Bearer " + token).GET().build();
		}

		long call() throws Exception {
			var start = System.nanoTime();
			var response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
			var elapsed = System.nanoTime() - start;
			if (response.statusCode() != 200) {
				throw new IllegalStateException(name + ": HTTP " + response.statusCode());
			}
			return elapsed;
		}
	}
}
