package vn.vongtay.identity.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * Where the token that guards each form against cross-site requests is kept. A signed-in user has a session, and the
 * token lives in it, as it always did. Someone not signed in — on the sign-in page, on the public report form — has
 * none, and must not get one for a visit: each would be a row in the database that anyone can add by the thousand. For
 * them the token lives in a cookie of its own (a double-submit cookie: the form must send back what the cookie holds,
 * which a page of another site can neither read nor set), HttpOnly and SameSite=Strict, so that a page of another site
 * cannot have the browser send it either. Both keep Spring Security's masking of the token in each page (BREACH).
 * Signing in replaces the cookie's token with a new one in the new session.
 */
final class SessionOrCookieCsrfTokens implements CsrfTokenRepository {

	static final String COOKIE = "vongtay-csrf";
	private static final String HEADER = "X-CSRF-TOKEN";
	private static final String PARAMETER = "_csrf";

	private final HttpSessionCsrfTokenRepository session = new HttpSessionCsrfTokenRepository();
	private final CookieCsrfTokenRepository cookie = new CookieCsrfTokenRepository();

	SessionOrCookieCsrfTokens() {
		cookie.setCookieName(COOKIE);
		// the same names whichever keeps the token, for the forms and the pages' scripts (htmx) that send it
		cookie.setHeaderName(HEADER);
		cookie.setParameterName(PARAMETER);
		session.setHeaderName(HEADER);
		session.setParameterName(PARAMETER);
		cookie.setCookieCustomizer(c -> c.httpOnly(true).sameSite("Strict"));
	}

	@Override
	public CsrfToken generateToken(HttpServletRequest request) {
		return hasSession(request) ? session.generateToken(request) : cookie.generateToken(request);
	}

	@Override
	public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
		if (token == null) {
			session.saveToken(null, request, response);
			if (hasCookie(request)) {
				cookie.saveToken(null, request, response);
			}
		}
		else if (hasSession(request)) {
			session.saveToken(token, request, response);
		}
		else {
			cookie.saveToken(token, request, response);
		}
	}

	@Override
	public CsrfToken loadToken(HttpServletRequest request) {
		return hasSession(request) ? session.loadToken(request) : cookie.loadToken(request);
	}

	private static boolean hasSession(HttpServletRequest request) {
		return request.getSession(false) != null;
	}

	private static boolean hasCookie(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie c : cookies) {
				if (COOKIE.equals(c.getName())) {
					return true;
				}
			}
		}
		return false;
	}
}
