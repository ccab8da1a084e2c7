package vn.vongtay.identity;

import java.io.Serial;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The person or machine behind a request: roles, the units they answer for, and the agency they speak for. Kept in the
 * session (in the database), so it is serialisable and holds ids, not entities.
 */
public final class SignedInUser implements UserDetails, CredentialsContainer {

	@Serial
	private static final long serialVersionUID = 1L;

	private final long id;
	private final String username;
	private final String displayName;
	private final Set<Role> roles;
	private final Set<Long> unitIds;
	private final Long agencyId;
	private final Set<Long> villageIds;
	private final boolean enabled;
	private String passwordHash;

	public SignedInUser(long id, String username, String displayName, Set<Role> roles, Set<Long> unitIds, Long agencyId,
			Set<Long> villageIds, boolean enabled, String passwordHash) {
		this.id = id;
		this.username = username;
		this.displayName = displayName;
		this.roles = Set.copyOf(roles);
		this.unitIds = Set.copyOf(unitIds);
		this.agencyId = agencyId;
		this.villageIds = Set.copyOf(villageIds);
		this.enabled = enabled;
		this.passwordHash = passwordHash;
	}

	/**
	 * @deprecated an account is no longer locked as a whole: sign-in is throttled per account and address before the
	 *             password is checked (SignInThrottle), so {@code lockedUntil} is ignored
	 */
	@Deprecated
	public SignedInUser(long id, String username, String displayName, Set<Role> roles, Set<Long> unitIds, Long agencyId,
			boolean enabled, Instant lockedUntil, String passwordHash) {
		this(id, username, displayName, roles, unitIds, agencyId, Set.of(), enabled, passwordHash);
	}

	/** @deprecated as {@link #SignedInUser(long, String, String, Set, Set, Long, boolean, Instant, String)} */
	@Deprecated
	public SignedInUser(long id, String username, String displayName, Set<Role> roles, Set<Long> unitIds, Long agencyId,
			Set<Long> villageIds, boolean enabled, Instant lockedUntil, String passwordHash) {
		this(id, username, displayName, roles, unitIds, agencyId, villageIds, enabled, passwordHash);
	}

	public long id() {
		return id;
	}

	public String displayName() {
		return displayName;
	}

	public Set<Role> roles() {
		return roles;
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	/** True when one of the user's roles may use the kind of data so ({@link NeedToKnow}). */
	public boolean may(NeedToKnow.Data kind, NeedToKnow.Use use) {
		return NeedToKnow.may(this, kind, use);
	}

	public boolean administers() {
		return roles.stream().anyMatch(Role::administers);
	}

	/** The highest {@link Role#administrativeLevel()} of the user's roles. */
	public int administrativeLevel() {
		return roles.stream().mapToInt(Role::administrativeLevel).max().orElse(0);
	}

	public Set<Long> unitIds() {
		return unitIds;
	}

	public Long agencyId() {
		return agencyId;
	}

	/** The villages a village collaborator works in (empty for everyone else, and in sessions older than villages). */
	public Set<Long> villageIds() {
		return villageIds == null ? Set.of() : villageIds;
	}

	public Jurisdiction jurisdiction() {
		return new Jurisdiction(unitIds);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof SignedInUser user && user.id == id;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(id);
	}

	@Override
	public String toString() {
		return username;
	}
}
