package org.lawtrace.recordings;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Builds the multipart upload of LawTrace's recordings API: a {@code metadata} JSON part, then the {@code file}. The
 * metadata is a {@link RecordingApi.UploadMetadata}, or a map for metadata broken on purpose.
 */
public final class Uploads {

	private Uploads() {
	}

	public static RestTestClient.ResponseSpec upload(RestTestClient client, Object metadata, byte[] file,
			String fileName) {
		var body = new MultipartBodyBuilder();
		body.part("metadata", metadata, MediaType.APPLICATION_JSON);
		body.part("file", new ByteArrayResource(file)).filename(fileName)
			.contentType(MediaType.APPLICATION_OCTET_STREAM);
		return client.post().uri("/api/v1/recordings").contentType(MediaType.MULTIPART_FORM_DATA).body(body.build())
			.exchange();
	}
}
