package vn.vongtay.prostitution.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import vn.vongtay.core.web.ProblemDetails;

/**
 * A JSON body this module cannot read (an unknown type of establishment, a malformed date) is answered in Vietnamese
 * and English like every other refusal. Without this, Spring's own problem-detail handler answers first, in English
 * only ("Failed to read request").
 */
@ControllerAdvice(basePackageClasses = UnreadableRequests.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnreadableRequests {

	private final ProblemDetails problems;

	UnreadableRequests(ProblemDetails problems) {
		this.problems = problems;
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
		return ResponseEntity.badRequest()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problems.of(400, "error.bad-request", new Object[0], List.of(), request));
	}
}
