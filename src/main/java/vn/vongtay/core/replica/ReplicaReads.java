package vn.vongtay.core.replica;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Marks the requests whose read-only transactions may read from the replica: GET requests of the configured paths
 * (dashboards, indicator pages, exports, report annexes). Inside such a request a read-only transaction reads from the
 * replica when it is in use; a transaction that writes (an audit entry of an export, say) and everything outside these
 * requests — above all what must see its own write — goes to the primary.
 */
public final class ReplicaReads extends OncePerRequestFilter {

	private static final ThreadLocal<Boolean> ACTIVE = new ThreadLocal<>();

	private final List<PathPattern> paths;

	ReplicaReads(List<String> paths) {
		PathPatternParser parser = new PathPatternParser();
		this.paths = paths.stream().map(parser::parse).toList();
	}

	/** Whether the current thread serves a reporting read. */
	public static boolean active() {
		return Boolean.TRUE.equals(ACTIVE.get());
	}

	boolean matches(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod())) {
			return false;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		PathContainer container = PathContainer.parsePath(path);
		return paths.stream().anyMatch(p -> p.matches(container));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!matches(request)) {
			chain.doFilter(request, response);
			return;
		}
		ACTIVE.set(Boolean.TRUE);
		try {
			chain.doFilter(request, response);
		}
		finally {
			ACTIVE.remove();
		}
	}
}
