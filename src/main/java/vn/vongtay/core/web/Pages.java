package vn.vongtay.core.web;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What every page's layout asks of the request, for templates ({@code ${@pages.current('/cases')}}): which section of
 * the menu the reader is in, where they came from, whether they are signed in. And an empty {@link FormErrors} in every
 * page's model, so that forms need not check for one.
 */
@Component("pages")
public class Pages {

	/**
	 * {@code "page"} when the request is the section's own page, {@code "true"} when it is a page within the section
	 * ({@code /cases/12} within {@code /cases}), else {@code null}: the value of the menu link's {@code aria-current},
	 * which Thymeleaf leaves out when null.
	 */
	public String current(String section) {
		HttpServletRequest request = request();
		if (request == null) {
			return null;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.equals(section)) {
			return "page";
		}
		return !"/".equals(section) && path.startsWith(section + "/") ? "true" : null;
	}

	/**
	 * The page the reader came from, as a path of this site, or {@code null} when they came from elsewhere, from
	 * nowhere or from this very page: where "back" goes on the error page.
	 */
	public String previous() {
		HttpServletRequest request = request();
		if (request == null || request.getHeader("Referer") == null) {
			return null;
		}
		try {
			URI referer = URI.create(request.getHeader("Referer"));
			boolean here = referer.getHost() != null && referer.getHost().equalsIgnoreCase(request.getServerName())
					&& (referer.getPort() == -1 || referer.getPort() == request.getServerPort());
			String path = referer.getRawPath();
			if (!here || path == null || !path.startsWith("/") || path.startsWith("//")) {
				return null;
			}
			String target = path + (referer.getRawQuery() == null ? "" : "?" + referer.getRawQuery());
			String current = request.getRequestURI()
					+ (request.getQueryString() == null ? "" : "?" + request.getQueryString());
			return target.equals(current) ? null : target;
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	public boolean signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
	}

	private static HttpServletRequest request() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? attributes.getRequest() : null;
	}

	@ControllerAdvice
	static class EmptyFormErrors {

		@ModelAttribute("formErrors")
		FormErrors formErrors() {
			return FormErrors.none();
		}
	}
}
