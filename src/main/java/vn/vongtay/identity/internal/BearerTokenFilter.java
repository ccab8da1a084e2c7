package vn.vongtay.identity.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.vongtay.audit.AuditLog;

/** Authenticates API requests that carry {@code Authorization: Bearer <token>}; every use is audited. */
class BearerTokenFilter extends OncePerRequestFilter {

	private final ApiTokens tokens;
	private final AuditLog audit;

	BearerTokenFilter(ApiTokens tokens, AuditLog audit) {
		this.tokens = tokens;
		this.audit = audit;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			String token = header.substring(7).strip();
			var use = tokens.authenticate(token);
			if (use.isPresent()) {
				SecurityContextHolder.getContext()
					.setAuthentication(new BearerTokenAuthentication(use.get().user(), use.get().tokenId()));
				audit.recordAs(use.get().user().getUsername(), "TOKEN_USED", "ApiRequest",
						request.getMethod() + " " + request.getRequestURI(), null, null);
			}
			else {
				audit.recordAs(null, "TOKEN_REFUSED", "ApiRequest", request.getMethod() + " " + request.getRequestURI(),
						null, null);
			}
		}
		chain.doFilter(request, response);
	}
}
