package vn.vongtay.childfriendly.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The status of a page shown again with what went wrong: the refusal's own (422 for refused input, 409 for a conflict),
 * so that a browser, a test or a proxy can tell a refused form from a saved one, as the error page does.
 */
final class PageStatus {

	private PageStatus() {
	}

	static void respondWith(int status) {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletResponse response = attributes.getResponse();
			if (response != null) {
				response.setStatus(status);
			}
		}
	}
}
