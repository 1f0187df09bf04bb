package org.lawtrace.shared.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
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
	ResponseEntity<ProblemDetail> on(HttpRequestMethodNotSupportedException e) {
		return answer(e, problem(HttpStatus.METHOD_NOT_ALLOWED, "不支持该操作 (method not allowed): " + e.getMethod(), null));
	}

	/** A body in a type the endpoint does not read (text/plain, XML on a JSON endpoint): 415, naming what it takes. */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(HttpMediaTypeNotSupportedException e) {
		var got = e.getContentType() == null ? "(none)" : e.getContentType().toString();
		var accepted = e.getSupportedMediaTypes().stream().map(MediaType::toString).toList();
		var problem = problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "不支持的内容类型 (unsupported media type): " + got
				+ "；可用 (accepted): " + String.join(", ", accepted), HttpHeaders.CONTENT_TYPE);
		problem.setProperty("contentType", got);
		problem.setProperty("accepted", accepted);
		return answer(e, problem);
	}

	/** An {@code Accept} header that none of the endpoint's answers meets: 406, naming what it can answer. */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(HttpMediaTypeNotAcceptableException e) {
		var offered = e.getSupportedMediaTypes().stream().map(MediaType::toString).toList();
		var problem = problem(HttpStatus.NOT_ACCEPTABLE, "无法以所要求的类型答复 (not acceptable)；可用 (available): "
				+ String.join(", ", offered), HttpHeaders.ACCEPT);
		problem.setProperty("available", offered);
		return answer(e, problem);
	}

	@ExceptionHandler
	ProblemDetail on(MissingServletRequestPartException e) {
		return problem(HttpStatus.BAD_REQUEST, "缺少部分 (missing part): " + e.getRequestPartName(), e.getRequestPartName());
	}

	@ExceptionHandler
	ProblemDetail on(MissingRequestHeaderException e) {
		return problem(HttpStatus.BAD_REQUEST, "缺少请求头 (missing header): " + e.getHeaderName(), e.getHeaderName());
	}

	@ExceptionHandler
	ProblemDetail on(HandlerMethodValidationException e) {
		var first = e.getParameterValidationResults().stream().findFirst();
		var field = first.map(r -> r.getMethodParameter().getParameterName()).orElse(null);
		var message = first.flatMap(r -> r.getResolvableErrors().stream().findFirst())
			.map(MessageSourceResolvable::getDefaultMessage).orElse("请求无效 (invalid request)");
		return problem(HttpStatus.BAD_REQUEST, field == null ? message : field + ": " + message, field);
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

	/**
	 * Anything else: Spring MVC's own refusals of a request it cannot serve (each an {@link ErrorResponse} with its
	 * status, such as a missing part or a body too large) keep their client-error status; the rest is a fault here.
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(Exception e) {
		if (e instanceof ErrorResponse refusal && refusal.getStatusCode().is4xxClientError()) {
			var status = refusal.getStatusCode();
			var reason = HttpStatus.resolve(status.value());
			return answer(refusal, problem(status, "请求无法处理 (" + (reason == null ? "refused" : reason.getReasonPhrase())
					+ ")", null));
		}
		log.error("Unhandled failure in API call", e);
		return ResponseEntity.internalServerError()
			.body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误 (internal error)", null));
	}

	/** The problem, with the headers the refusal calls for ({@code Allow}, {@code Accept}, ...). */
	private static ResponseEntity<ProblemDetail> answer(ErrorResponse refusal, ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).headers(refusal.getHeaders()).body(problem);
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
