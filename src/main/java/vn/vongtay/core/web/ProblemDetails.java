package vn.vongtay.core.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import vn.vongtay.core.InputProblem;
import vn.vongtay.core.VietnameseText;

/**
 * Builds RFC 9457 problem details that carry the message in Vietnamese ({@code detail}) and English
 * ({@code detailEn}), and, for rejected input, every problem with its row and column.
 */
@Component
public class ProblemDetails {

	private final MessageSource messages;

	ProblemDetails(MessageSource messages) {
		this.messages = messages;
	}

	public ProblemDetail of(int status, String messageKey, Object[] arguments, List<InputProblem> problems,
			HttpServletRequest request) {
		HttpStatus httpStatus = HttpStatus.resolve(status);
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(URI.create("urn:vongtay:problem:" + messageKey));
		problem.setTitle(message("problem.title." + status, new Object[0], VietnameseText.VIETNAMESE,
				httpStatus == null ? "Lỗi" : httpStatus.getReasonPhrase()));
		problem.setDetail(message(messageKey, arguments, VietnameseText.VIETNAMESE, messageKey));
		problem.setProperty("detailEn", message(messageKey, arguments, Locale.ENGLISH, messageKey));
		if (request != null) {
			problem.setInstance(URI.create(request.getRequestURI()));
		}
		if (!problems.isEmpty()) {
			problem.setProperty("errors", problems.stream().map(this::describe).toList());
		}
		return problem;
	}

	public Map<String, Object> describe(InputProblem p) {
		var entry = new java.util.LinkedHashMap<String, Object>();
		entry.put("row", p.row());
		entry.put("column", p.column());
		entry.put("message", message(p.messageKey(), p.arguments(), VietnameseText.VIETNAMESE, p.messageKey()));
		entry.put("messageEn", message(p.messageKey(), p.arguments(), Locale.ENGLISH, p.messageKey()));
		return entry;
	}

	public String message(String key, Object[] arguments, Locale locale, String fallback) {
		return messages.getMessage(key, arguments, fallback, locale);
	}
}
