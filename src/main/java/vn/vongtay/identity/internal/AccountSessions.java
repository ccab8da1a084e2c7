package vn.vongtay.identity.internal;

import java.util.Set;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ends the browser sessions of an account whose rights or credentials changed. A session holds the account as it was
 * when it signed in (its roles, units, villages, agency); rather than read the account again on every request, every
 * change deletes the account's sessions, found by the principal-name index of {@code identity.spring_session}, and its
 * owner signs in again with what the account is now. Tokens need nothing of this: each request reads their account.
 *
 * <p>Sessions end once the change has committed: ended earlier, a sign-in in between would read the account as it was.
 */
@Component
public class AccountSessions {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	AccountSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	/** Ends every session of the account. */
	public void endAll(String username) {
		endAllBut(username, Set.of());
	}

	/** Ends every session of the account but those named (the one in which its owner changed their password). */
	public void endAllBut(String username, Set<String> keptSessionIds) {
		Runnable end = () -> sessions.findByPrincipalName(username)
			.keySet()
			.stream()
			.filter(id -> !keptSessionIds.contains(id))
			.forEach(sessions::deleteById);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					end.run();
				}
			});
		}
		else {
			end.run();
		}
	}

	/** How many sessions the account has open besides those named. */
	public int countBut(String username, Set<String> sessionIds) {
		return (int) sessions.findByPrincipalName(username).keySet().stream().filter(id -> !sessionIds.contains(id))
			.count();
	}
}
