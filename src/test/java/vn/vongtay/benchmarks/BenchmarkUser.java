package vn.vongtay.benchmarks;

import java.util.Set;
import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.vongtay.identity.Role;
import vn.vongtay.identity.SignedInUser;

/**
 * The official a figure set calls the services as: one role over one unit, so that every call goes through the same
 * role checks and jurisdiction filter as a page would. {@code userId} is a real account of the data, so that what the
 * calls record (audit entries, imports, reports) refers to one.
 */
final class BenchmarkUser {

	private BenchmarkUser() {
	}

	/** Signs in for the rest of the thread's work (until {@link SecurityContextHolder#clearContext()}). */
	static void signIn(long userId, long root, Role role) {
		SignedInUser user = new SignedInUser(userId, "benchmark", "Benchmark", Set.of(role), Set.of(root), null, true,
				null, null);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}

	/** Does {@code work} signed in, then restores who was signed in before. */
	static <T> T as(long userId, long root, Role role, Supplier<T> work) {
		var previous = SecurityContextHolder.getContext().getAuthentication();
		signIn(userId, root, role);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.getContext().setAuthentication(previous);
		}
	}
}
