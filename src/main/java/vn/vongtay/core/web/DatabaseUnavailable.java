package vn.vongtay.core.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

import tools.jackson.databind.json.JsonMapper;

import vn.vongtay.core.VietnameseText;

/**
 * Answers 503, in Vietnamese and English, a request that failed because the database cannot be reached: PostgreSQL
 * down or restarting, the network to it cut, or no connection free within the pool's wait. Not a 500 with a reference
 * to report: nothing is wrong with the application, and the request may simply be sent again once the database is
 * back, which the instance notices by itself (the pool reconnects).
 *
 * <p>It wraps every other filter (it runs before the session's and Spring Security's), because the database is read
 * before any controller runs: the session, the API's bearer token ({@code identity.internal.BearerTokenFilter}), the
 * sign-in throttle. Inside the controllers {@link ErrorHandling} gives the same answer.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DatabaseUnavailable extends OncePerRequestFilter {

	static final String MESSAGE = "error.database-unavailable";

	/** What the answer tells a client to wait before sending again: about a restart of PostgreSQL. */
	static final String RETRY_AFTER_SECONDS = "30";

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

	private final ProblemDetails problems;
	private final JsonMapper json;

	DatabaseUnavailable(ProblemDetails problems, JsonMapper json) {
		this.problems = problems;
		this.json = json;
	}

	/**
	 * Whether the failure, or one of its causes, says the database could not be reached: a connection refused, broken
	 * or not given by the pool in time (SQLSTATE class 08), or the server shutting down or starting (57P01-57P03).
	 */
	static boolean causedBy(Throwable failure) {
		int depth = 0;
		for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
			if (t instanceof CannotGetJdbcConnectionException || t instanceof SQLTransientConnectionException
					|| t instanceof SQLNonTransientConnectionException) {
				return true;
			}
			if (t instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
				return true;
			}
		}
		return false;
	}

	/** What the failure's innermost cause says, for the log: the server's or the pool's own words. */
	static String reason(Throwable failure) {
		Throwable root = failure;
		for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 20; depth++) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException e) {
			if (!causedBy(e) || response.isCommitted()) {
				throw e;
			}
			log.warn("Database unreachable, answered 503 to {} {}: {}", request.getMethod(), request.getRequestURI(),
					reason(e));
			response.reset();
			answer(request, response);
		}
	}

	private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		response.setCharacterEncoding("UTF-8");
		if (ErrorHandling.isApi(request)) {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			json.writeValue(response.getOutputStream(), problems.of(503, MESSAGE, new Object[0], List.of(), request));
			return;
		}
		// The layout of the pages reads who is signed in and their menu: a page of its own, in both languages, since
		// the language chosen is not known without the session either.
		String vi = HtmlUtils.htmlEscape(problems.message(MESSAGE, new Object[0], VietnameseText.VIETNAMESE, MESSAGE));
		String en = HtmlUtils.htmlEscape(problems.message(MESSAGE, new Object[0], Locale.ENGLISH, MESSAGE));
		String title = HtmlUtils.htmlEscape(
				problems.message("problem.title.503", new Object[0], VietnameseText.VIETNAMESE, "503"));
		String call = HtmlUtils.htmlEscape(
				problems.message("error.page.call", new Object[0], VietnameseText.VIETNAMESE, ""));
		response.setContentType(MediaType.TEXT_HTML_VALUE);
		PrintWriter page = response.getWriter();
		page.write("""
				<!DOCTYPE html>
				<html lang="vi"><head><meta charset="utf-8"><title>%s – Vòng Tay</title>
				<meta name="viewport" content="width=device-width, initial-scale=1"></head>
				<body><main><h1>Vòng Tay</h1><p role="alert">%s</p><p lang="en">%s</p>
				<p>%s</p></main></body></html>
				""".formatted(title, vi, en, call));
		page.flush();
	}
}
