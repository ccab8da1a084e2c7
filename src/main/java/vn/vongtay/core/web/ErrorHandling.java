package vn.vongtay.core.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.servlet.support.RequestContextUtils;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidNullException;

import vn.vongtay.core.InputProblem;
import vn.vongtay.core.UserFacingException;

/**
 * Turns every failure into something a person can read: a problem detail for the API, an error page for the UI. Nothing
 * reaches the user as a stack trace; unexpected failures are logged with a reference the user can quote. It runs before
 * Spring's own problem-detail handler, which would otherwise answer some refusals (an unreadable JSON body) in English
 * only.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErrorHandling {

	private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

	private final ProblemDetails problems;

	ErrorHandling(ProblemDetails problems) {
		this.problems = problems;
	}

	@ExceptionHandler(UserFacingException.class)
	Object userFacing(UserFacingException e, HttpServletRequest request, HttpServletResponse response) {
		return respond(e.status(), e.messageKey(), e.arguments(), e.problems(), request, response);
	}

	@ExceptionHandler(AccessDeniedException.class)
	Object accessDenied(AccessDeniedException e, HttpServletRequest request, HttpServletResponse response) {
		return respond(403, "error.access-denied", new Object[0], List.of(), request, response);
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	Object concurrentEdit(OptimisticLockingFailureException e, HttpServletRequest request,
			HttpServletResponse response) {
		return respond(409, "error.concurrent-edit", new Object[0], List.of(), request, response);
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	Object invalidBody(MethodArgumentNotValidException e, HttpServletRequest request, HttpServletResponse response) {
		List<InputProblem> list = e.getBindingResult().getFieldErrors().stream()
				.map(f -> InputProblem.field(f.getField(), "error.field.invalid", f.getField()))
				.toList();
		return respond(400, "error.input-rejected", new Object[] { list.size() }, list, request, response);
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	Object badRequest(Exception e, HttpServletRequest request, HttpServletResponse response) {
		return respond(400, "error.bad-request", new Object[0], List.of(), request, response);
	}

	/**
	 * A body that is JSON but cannot be read into what the operation takes names the field, as a refused field of a
	 * readable body does ({@link #invalidBody}); one that is not JSON at all is a bad request.
	 */
	@ExceptionHandler(HttpMessageNotReadableException.class)
	Object unreadableBody(HttpMessageNotReadableException e, HttpServletRequest request, HttpServletResponse response) {
		InputProblem field = unreadableField(e);
		if (field == null) {
			return respond(400, "error.bad-request", new Object[0], List.of(), request, response);
		}
		return respond(400, "error.input-rejected", new Object[] { 1 }, List.of(field), request, response);
	}

	/**
	 * The field of a JSON body that could not be read, as the caller wrote it ({@code children[2].birthDate}), and
	 * why: missing (a yes/no or a number that has no "unknown", left out or null) or of the wrong kind (a code not in
	 * the list, a date not written yyyy-MM-dd, text for a number). Null when the body is not JSON at all.
	 */
	static InputProblem unreadableField(Throwable failure) {
		for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
			if (t instanceof DatabindException unreadable && !unreadable.getPath().isEmpty()) {
				String field = path(unreadable.getPath());
				// Jackson tells a missing value from a wrong one only in its words (a primitive given no value is
				// "Cannot map `null` into type `boolean`")
				String why = String.valueOf(unreadable.getOriginalMessage());
				boolean missing = t instanceof InvalidNullException || why.startsWith("Cannot map `null`")
						|| why.startsWith("Missing required creator property");
				return InputProblem.field(field, missing ? "error.field.required" : "error.field.invalid", field);
			}
		}
		return null;
	}

	private static String path(List<JacksonException.Reference> references) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : references) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	Object tooLarge(Exception e, HttpServletRequest request, HttpServletResponse response) {
		return respond(413, "error.file.too-large", new Object[0], List.of(), request, response);
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	Object methodNotAllowed(Exception e, HttpServletRequest request, HttpServletResponse response) {
		return respond(405, "error.method-not-allowed", new Object[0], List.of(), request, response);
	}

	@ExceptionHandler(NoResourceFoundException.class)
	Object noResource(Exception e, HttpServletRequest request, HttpServletResponse response) {
		return respond(404, "error.not-found", new Object[0], List.of(), request, response);
	}

	@ExceptionHandler(Exception.class)
	Object unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) {
		if (e instanceof ErrorResponse refusal && refusal.getStatusCode().is4xxClientError()) {
			// what Spring refuses on its own (an unsupported media type, a missing part) is the caller's to fix
			return respond(refusal.getStatusCode().value(), "error.bad-request", new Object[0], List.of(), request,
					response);
		}
		if (DatabaseUnavailable.causedBy(e)) {
			log.warn("Database unreachable, answered 503 to {} {}: {}", request.getMethod(), request.getRequestURI(),
					DatabaseUnavailable.reason(e));
			response.setHeader(org.springframework.http.HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS);
			return respond(503, DatabaseUnavailable.MESSAGE, new Object[0], List.of(), request, response);
		}
		String reference = Long.toHexString(System.nanoTime());
		log.error("Unexpected failure {} on {} {}", reference, request.getMethod(), request.getRequestURI(), e);
		return respond(500, "error.unexpected", new Object[] { reference }, List.of(), request, response);
	}

	private Object respond(int status, String key, Object[] args, List<InputProblem> list, HttpServletRequest request,
			HttpServletResponse response) {
		if (isApi(request)) {
			ProblemDetail body = problems.of(status, key, args, list, request);
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
		}
		Locale locale = RequestContextUtils.getLocale(request);
		ModelAndView page = new ModelAndView("error");
		page.setStatus(HttpStatus.valueOf(status));
		page.addObject("status", status);
		page.addObject("message", problems.message(key, args, locale, key));
		page.addObject("problems", list.stream().map(problems::describe).toList());
		return page;
	}

	static boolean isApi(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}
}
