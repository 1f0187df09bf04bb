package org.lawtrace.shared.web;

import java.io.IOException;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem+json body outside Spring MVC, where security refuses a call before any controller runs. */
public final class ProblemResponses {

	/** With Spring's mix-in, so a problem's properties ({@code field}) are members of the body, as in MVC's answers. */
	private static final JsonMapper JSON = JsonMapper.builder()
		.addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
		.build();

	private ProblemResponses() {
	}

	public static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		write(response, status, detail, null);
	}

	public static void write(HttpServletResponse response, HttpStatus status, String detail,
			@Nullable String field) throws IOException {
		var problem = ApiProblems.problem(status, detail, field);
		problem.setTitle(status.getReasonPhrase());
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		JSON.writeValue(response.getOutputStream(), problem);
	}
}
