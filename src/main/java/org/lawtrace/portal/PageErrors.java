package org.lawtrace.portal;

import java.io.IOException;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.DomainException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers a page request the domain refuses (an unknown case, an action the rules forbid), that cannot be read (a
 * malformed id or form value) or that names no page, with the status it stands for, so that the one friendly
 * error page ({@code templates/error.html}) shows it rather than a 500 or JSON a person cannot read.
 */
// Right after the API's advice, which ranks first and answers everything REST controllers throw, and ahead of
// Spring Boot's problem-details advice (order 0), which would answer pages with JSON.
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
@ControllerAdvice
class PageErrors {

	@ExceptionHandler
	void on(DomainException e, HttpServletResponse response) throws IOException {
		response.sendError(e.status());
	}

	@ExceptionHandler({ BindException.class, TypeMismatchException.class })
	void onUnreadable(Exception e, HttpServletResponse response) throws IOException {
		response.sendError(HttpStatus.BAD_REQUEST.value());
	}

	/** An address nothing serves: the error page in the browser, problem+json as before under the API's path. */
	@ExceptionHandler
	@Nullable ProblemDetail on(NoResourceFoundException e, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return e.getBody();
		}
		response.sendError(HttpStatus.NOT_FOUND.value());
		return null;
	}
}
