package org.lawtrace.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** Spring MVC's refusals of a request keep their client-error status as problem+json naming the field (ART-22). */
class ApiProblemsUnitTests {

	private final ApiProblems problems = new ApiProblems();

	@Test
	@DisplayName("ART-22: an unsupported Content-Type is 415 naming the type got and those accepted, with Accept")
	void unsupportedMediaTypeIs415() {
		var answer = problems.on(new HttpMediaTypeNotSupportedException(MediaType.TEXT_PLAIN,
				List.of(MediaType.APPLICATION_JSON, new MediaType("application", "*+json")), HttpMethod.POST));
		assertThat(answer.getStatusCode().value()).isEqualTo(415);
		var body = answer.getBody();
		assertThat(body.getProperties()).containsEntry("field", "Content-Type").containsEntry("contentType", "text/plain")
			.containsEntry("accepted", List.of("application/json", "application/*+json"));
		assertThat(body.getDetail()).contains("text/plain").contains("application/json");
		assertThat(answer.getHeaders().getAccept()).contains(MediaType.APPLICATION_JSON);
	}

	@Test
	void unacceptableAcceptIs406() {
		var answer = problems.on(new HttpMediaTypeNotAcceptableException(List.of(MediaType.APPLICATION_JSON)));
		assertThat(answer.getStatusCode().value()).isEqualTo(406);
		assertThat(answer.getBody().getProperties()).containsEntry("field", "Accept");
	}

	@Test
	void methodNotAllowedIs405WithAllow() {
		var answer = problems.on(new HttpRequestMethodNotSupportedException("PUT", Set.of("GET", "POST")));
		assertThat(answer.getStatusCode().value()).isEqualTo(405);
		assertThat(answer.getHeaders().getAllow()).contains(HttpMethod.GET, HttpMethod.POST);
	}

	@Test
	void missingPartAndHeaderAre400NamingThem() {
		assertThat(problems.on(new MissingServletRequestPartException("file")).getProperties())
			.containsEntry("field", "file");
		assertThat(problems.on(new MissingRequestHeaderException("Upload-Offset", null)).getProperties())
			.containsEntry("field", "Upload-Offset");
	}

	@Test
	@DisplayName("Any other refusal Spring MVC makes keeps its status; only a real fault is 500")
	void otherRefusalsKeepTheirStatus() {
		assertThat(problems.on((Exception) new MaxUploadSizeExceededException(10)).getStatusCode().value())
			.isEqualTo(413);
		assertThat(problems.on((Exception) new IllegalStateException("boom")).getStatusCode().value()).isEqualTo(500);
		assertThat(problems.on((Exception) new IllegalStateException("secret")).getBody().getDetail())
			.doesNotContain("secret");
	}
	@Test
	@DisplayName("ART-22: each domain outcome is its status as problem+json naming the field at fault, type about:blank")
	void domainOutcomesKeepTheirStatusAndField() {
		var invalid = problems.on(new org.lawtrace.shared.InvalidInput("caseNumber", "案号格式不符"));
		assertThat(invalid.getStatus()).isEqualTo(400);
		assertThat(invalid.getProperties()).containsEntry("field", "caseNumber");
		assertThat(invalid.getDetail()).isEqualTo("案号格式不符");
		assertThat(invalid.getType()).hasToString("about:blank");

		assertThat(problems.on(new org.lawtrace.shared.NotFound("recording", "r-1")).getStatus()).isEqualTo(404);
		assertThat(problems.on(new org.lawtrace.shared.Conflict("status", "已结案")).getProperties())
			.containsEntry("field", "status");
		assertThat(problems.on(new org.lawtrace.shared.Conflict("status", "已结案")).getStatus()).isEqualTo(409);
		assertThat(problems.on(new org.lawtrace.shared.NotPermitted("只有承办人")).getStatus()).isEqualTo(403);
		var unprocessable = problems.on(new org.lawtrace.shared.Unprocessable("method", "电子送达须有确认书"));
		assertThat(unprocessable.getStatus()).isEqualTo(422);
		assertThat(unprocessable.getProperties()).containsEntry("field", "method");
	}

	@Test
	@DisplayName("a fault here is 500 and tells the client nothing of it: no message, no stack trace")
	void faultsTellNothing() {
		var answer = problems.on(new IllegalStateException("password=secret at jdbc:postgresql://db"));
		assertThat(answer.getStatusCode().value()).isEqualTo(500);
		assertThat(answer.getBody().getDetail()).doesNotContain("secret").doesNotContain("jdbc");
		assertThat(answer.getBody().getProperties()).isNullOrEmpty();
	}
}
