package org.lawtrace.collector;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A client of the tus 1.0 resumable-upload protocol (core and creation): create an upload, ask how much of it the
 * server holds, and send the rest from there in chunks.
 */
public final class TusClient {

	/** How much one PATCH carries: a broken link costs at most this much again. */
	public static final int CHUNK = 8 * 1024 * 1024;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
	private final URI server;
	private final String authorization;

	/**
	 * @param server the platform's base address, e.g. {@code http://127.0.0.1:8080}.
	 * @param authorization the {@code Authorization} header value ({@code Bearer lt_…} or {@code Basic …}).
	 */
	public TusClient(URI server, String authorization) {
		this.server = server;
		this.authorization = authorization;
	}

	/** What the server answered to the PATCH that completed an upload. */
	public record Finished(int status, Optional<String> recordingId, Optional<String> sha256, String body) {
	}

	/** Creates an upload of {@code length} bytes and answers its address. */
	public URI create(long length, Map<String, String> metadata) throws IOException {
		var encoded = metadata.entrySet().stream()
			.map(e -> e.getKey() + " " + Base64.getEncoder().encodeToString(e.getValue().getBytes(StandardCharsets.UTF_8)))
			.collect(Collectors.joining(","));
		var response = send(request(server.resolve("/api/v1/uploads")).header("Upload-Length", Long.toString(length))
			.header("Upload-Metadata", encoded).POST(HttpRequest.BodyPublishers.noBody()).build());
		if (response.statusCode() != 201) {
			throw new Refused(response.statusCode(), response.body());
		}
		return server.resolve(response.headers().firstValue("Location")
			.orElseThrow(() -> new IOException("server created an upload but named no Location")));
	}

	/**
	 * How many bytes of the upload the server holds, or empty when it no longer knows the upload. Right after a
	 * broken link the server may still be writing the last part and answers without an offset; that is asked again.
	 */
	public Optional<Long> offset(URI upload) throws IOException {
		for (var attempt = 0; attempt < 50; attempt++) {
			var response = send(request(upload).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
			if (response.statusCode() == 404 || response.statusCode() == 410) {
				return Optional.empty();
			}
			if (response.statusCode() != 200 && response.statusCode() != 204 && response.statusCode() != 423) {
				throw new Refused(response.statusCode(), response.body());
			}
			var offset = response.headers().firstValue("Upload-Offset");
			if (offset.isPresent()) {
				return offset.map(Long::parseLong);
			}
			pause();
		}
		throw new IOException("the server keeps the upload locked: " + upload);
	}

	private static void pause() throws IOException {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", e);
		}
	}

	/**
	 * Sends {@code length} bytes read from {@code content} as the part of the upload starting at {@code offset}.
	 *
	 * @return the server's answer, with the recording it became when this was the last part.
	 */
	public Finished patch(URI upload, long offset, InputStream content, long length) throws IOException {
		var response = send(request(upload).header("Upload-Offset", Long.toString(offset))
			.header("Content-Type", "application/offset+octet-stream")
			.method("PATCH", HttpRequest.BodyPublishers.fromPublisher(
					HttpRequest.BodyPublishers.ofInputStream(() -> new Bounded(content, length)), length))
			.build());
		if (response.statusCode() != 204 && response.statusCode() != 200) {
			throw new Refused(response.statusCode(), response.body());
		}
		return new Finished(response.statusCode(), response.headers().firstValue("Recording-Id"),
				response.headers().firstValue("Recording-Sha256"), response.body());
	}

	/** A GET against the platform's API, answering the body as text. */
	public HttpResponse<String> get(String path) throws IOException {
		return send(request(server.resolve(path)).GET().build());
	}

	private HttpRequest.Builder request(URI uri) {
		return HttpRequest.newBuilder(uri).header("Tus-Resumable", "1.0.0").header("Authorization", authorization)
			.timeout(Duration.ofMinutes(10));
	}

	private HttpResponse<String> send(HttpRequest request) throws IOException {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", e);
		}
	}

	/** The server said no, with a reason that is worth showing. */
	public static final class Refused extends IOException {

		private final int status;

		Refused(int status, String body) {
			super("HTTP " + status + ": " + body);
			this.status = status;
		}

		public int status() {
			return status;
		}
	}

	/** Reads at most {@code remaining} bytes of a stream the caller still owns. */
	private static final class Bounded extends InputStream {

		private final InputStream in;
		private long remaining;

		Bounded(InputStream in, long remaining) {
			this.in = in;
			this.remaining = remaining;
		}

		@Override
		public int read() throws IOException {
			if (remaining <= 0) {
				return -1;
			}
			var b = in.read();
			if (b >= 0) {
				remaining--;
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int off, int len) throws IOException {
			if (remaining <= 0) {
				return -1;
			}
			var n = in.read(buffer, off, (int) Math.min(len, remaining));
			if (n > 0) {
				remaining -= n;
			}
			return n;
		}

		@Override
		public void close() {
			// the caller owns the stream and reads on from where this part ends
		}
	}
}
