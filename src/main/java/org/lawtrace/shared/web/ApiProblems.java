package org.lawtrace.shared.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import tools.jackson.core.JacksonException;

/**
 * Turns every failure of a REST call into RFC 9457 {@code application/problem+json} that names the field at
 * fault, and never lets a stack trace or an internal message reach the client.
 */
// ahead of Spring Boot's own problem-details advice, which does not name the field
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	@ExceptionHandler
	ProblemDetail on(DomainException e) {
		return problem(HttpStatusCode.valueOf(e.status()), e.getMessage(), e.field());
	}

	@ExceptionHandler
	ProblemDetail on(MethodArgumentNotValidException e) {
		var errors = e.getBindingResult().getFieldErrors().stream()
			.map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
			.toList();
		var first = errors.isEmpty() ? null : errors.get(0).get("field");
		var problem = problem(HttpStatus.BAD_REQUEST, errors.isEmpty() ? "请求无效 (invalid request)"
				: first + ": " + errors.get(0).get("message"), first);
		problem.setProperty("errors", errors);
		return problem;
	}

	@ExceptionHandler
	ProblemDetail on(HttpMessageNotReadableException e) {
		var field = e.getCause() instanceof JacksonException je ? pathOf(je.getPath()) : null;
		return problem(HttpStatus.BAD_REQUEST, field == null ? "请求体无法解析 (request body is not valid JSON)"
				: "字段格式不正确 (malformed value): " + field, field);
	}

	@ExceptionHandler
	ProblemDetail on(MethodArgumentTypeMismatchException e) {
		return problem(HttpStatus.BAD_REQUEST, "参数格式不正确 (malformed parameter): " + e.getName(), e.getName());
	}

	@ExceptionHandler
	ProblemDetail on(MissingServletRequestParameterException e) {
		return problem(HttpStatus.BAD_REQUEST, "缺少参数 (missing parameter): " + e.getParameterName(),
				e.getParameterName());
	}

	@ExceptionHandler
	ProblemDetail on(HttpRequestMethodNotSupportedException e) {
		return problem(HttpStatus.METHOD_NOT_ALLOWED, "不支持该操作 (method not allowed): " + e.getMethod(), null);
	}

	@ExceptionHandler
	ProblemDetail on(NoResourceFoundException e) {
		return problem(HttpStatus.NOT_FOUND, "资源不存在 (not found)", null);
	}

	@ExceptionHandler
	void on(AccessDeniedException e) {
		// Security's own translation answers 401 or 403 with problem+json.
		throw e;
	}

	@ExceptionHandler
	void on(AuthenticationException e) {
		throw e;
	}

	@ExceptionHandler
	ProblemDetail on(Exception e) {
		log.error("Unhandled failure in API call", e);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误 (internal error)", null);
	}

	static ProblemDetail problem(HttpStatusCode status, String detail, @Nullable String field) {
		var problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("about:blank"));
		if (field != null) {
			problem.setProperty("field", field);
		}
		return problem;
	}

	private static @Nullable String pathOf(List<JacksonException.Reference> path) {
		var sb = new StringBuilder();
		for (var ref : path) {
			if (ref.getPropertyName() != null) {
				sb.append(sb.isEmpty() ? "" : ".").append(ref.getPropertyName());
			}
			else if (ref.getIndex() >= 0) {
				sb.append('[').append(ref.getIndex()).append(']');
			}
		}
		return sb.isEmpty() ? null : sb.toString();
	}
}
