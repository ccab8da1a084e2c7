package vn.vongtay.identity;

import java.util.Collection;

import org.springframework.stereotype.Component;

import vn.vongtay.identity.internal.UserAccounts;

/** Which villages a village collaborator works in; the child register keeps the villages and asks. */
@Component
public class VillageCollaborators {

	private final UserAccounts accounts;

	VillageCollaborators(UserAccounts accounts) {
		this.accounts = accounts;
	}

	/**
	 * Gives the collaborator these villages (ids of the register's villages), replacing any before.
	 *
	 * @return false when there is no such user
	 */
	public boolean assign(String username, Collection<Long> villageIds) {
		return accounts.assignVillages(username, villageIds);
	}
}
