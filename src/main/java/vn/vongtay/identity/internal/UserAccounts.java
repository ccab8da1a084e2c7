package vn.vongtay.identity.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.core.UserFacingException;
import vn.vongtay.identity.Jurisdiction;
import vn.vongtay.identity.Role;
import vn.vongtay.identity.SignedInUser;
import vn.vongtay.identity.UserAccount;

/** The users, their roles and the units they answer for. */
@Component
@Transactional
public class UserAccounts {

	/** A signed-in user needs no lock: the gate decided on it before the password was checked (SignInThrottle). */
	private static final String SELECT = """
			SELECT u.id, u.username, u.display_name, u.email, u.enabled, u.agency_id, u.version, u.password_hash,
			       ARRAY(SELECT r.role FROM identity.user_role r WHERE r.user_id = u.id ORDER BY r.role) AS roles,
			       ARRAY(SELECT uu.unit_id FROM identity.user_unit uu WHERE uu.user_id = u.id ORDER BY uu.unit_id) AS unit_ids,
			       ARRAY(SELECT uv.village_id FROM identity.user_village uv WHERE uv.user_id = u.id) AS village_ids,
			       ARRAY(SELECT g.code FROM identity.user_unit uu JOIN geography.unit g ON g.id = uu.unit_id
			             WHERE uu.user_id = u.id ORDER BY g.code) AS unit_codes
			FROM identity.app_user u
			""";

	/** An account as administrators see it: with the latest sign-in lock on it, account-wide or of one address. */
	private static final String SELECT_ACCOUNT = SELECT.replace("SELECT u.id,", """
			SELECT GREATEST((SELECT l.locked_until FROM identity.sign_in_lock l
			                 WHERE l.account = u.username AND l.locked_until > now()),
			                (SELECT max(a.locked_until) FROM identity.sign_in_attempt a
			                 WHERE a.account = u.username AND a.locked_until > now())) AS locked_until,
			       u.id,""");

	/** A user is visible to a caller when one of the units they answer for lies within the caller's jurisdiction. */
	private static String visibleTo(Jurisdiction jurisdiction) {
		return " EXISTS (SELECT 1 FROM identity.user_unit vu WHERE vu.user_id = u.id AND "
				+ jurisdiction.restrict("vu.unit_id") + ")";
	}

	private final JdbcClient jdbc;
	private final AccountSessions sessions;

	UserAccounts(JdbcClient jdbc, AccountSessions sessions) {
		this.jdbc = jdbc;
		this.sessions = sessions;
	}

	@Transactional(readOnly = true)
	public Optional<SignedInUser> signInCandidate(String username) {
		return jdbc.sql(SELECT + " WHERE u.username = :username")
			.param("username", username == null ? "" : username.strip().toLowerCase())
			.query(UserAccounts::signedIn)
			.optional();
	}

	@Transactional(readOnly = true)
	public Optional<SignedInUser> signedInById(long id) {
		return jdbc.sql(SELECT + " WHERE u.id = :id").param("id", id).query(UserAccounts::signedIn).optional();
	}

	@Transactional(readOnly = true)
	public List<UserAccount> list(Jurisdiction jurisdiction, String query, int page, int size) {
		String folded = query == null || query.isBlank() ? null : "%" + vn.vongtay.core.VietnameseText.fold(query.strip()) + "%";
		return jurisdiction.bind(jdbc.sql(SELECT_ACCOUNT + " WHERE " + visibleTo(jurisdiction) + """
				  AND (CAST(:q AS text) IS NULL OR u.username LIKE :q OR public.vn_fold(u.display_name) LIKE :q)
				ORDER BY u.username LIMIT :limit OFFSET :offset"""))
			.param("q", folded)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(UserAccounts::account)
			.list();
	}

	@Transactional(readOnly = true)
	public long count(Jurisdiction jurisdiction) {
		return jurisdiction.bind(jdbc.sql("SELECT count(*) FROM identity.app_user u WHERE " + visibleTo(jurisdiction)))
			.query(Long.class)
			.single();
	}

	@Transactional(readOnly = true)
	public Optional<UserAccount> find(long id, Jurisdiction jurisdiction) {
		return jurisdiction.bind(jdbc.sql(SELECT_ACCOUNT + " WHERE u.id = :id AND " + visibleTo(jurisdiction)))
			.param("id", id)
			.query(UserAccounts::account)
			.optional();
	}

	public boolean exists(String username) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM identity.app_user WHERE username = :u)")
			.param("u", username.strip().toLowerCase())
			.query(Boolean.class)
			.single();
	}

	public boolean anyAdministrator() {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM identity.user_role WHERE role = 'SYSTEM_ADMIN')")
			.query(Boolean.class)
			.single();
	}

	public long create(String username, String displayName, String email, String passwordHash, Set<Role> roles,
			Collection<Long> unitIds, Long agencyId) {
		if (exists(username)) {
			throw UserFacingException.conflict("error.user.username-taken", username);
		}
		long id = jdbc.sql("""
				INSERT INTO identity.app_user (username, display_name, email, password_hash, agency_id)
				VALUES (:username, :displayName, :email, :hash, :agency) RETURNING id""")
			.param("username", username.strip().toLowerCase())
			.param("displayName", displayName)
			.param("email", email)
			.param("hash", passwordHash)
			.param("agency", agencyId)
			.query(Long.class)
			.single();
		replaceRolesAndUnits(id, roles, unitIds);
		return id;
	}

	/** Changes the account and ends its sessions, which hold the account as it was. */
	public void update(long id, int expectedVersion, String displayName, String email, boolean enabled,
			Set<Role> roles, Collection<Long> unitIds, Long agencyId) {
		String username = jdbc.sql("""
				UPDATE identity.app_user SET display_name = :displayName, email = :email, enabled = :enabled,
				       agency_id = :agency, version = version + 1
				WHERE id = :id AND version = :version
				RETURNING username""")
			.param("displayName", displayName)
			.param("email", email)
			.param("enabled", enabled)
			.param("agency", agencyId)
			.param("id", id)
			.param("version", expectedVersion)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new OptimisticLockingFailureException(
					"user " + id + " changed since version " + expectedVersion));
		replaceRolesAndUnits(id, roles, unitIds);
		sessions.endAll(username);
	}

	private void replaceRolesAndUnits(long id, Set<Role> roles, Collection<Long> unitIds) {
		jdbc.sql("DELETE FROM identity.user_role WHERE user_id = :id").param("id", id).update();
		jdbc.sql("DELETE FROM identity.user_unit WHERE user_id = :id").param("id", id).update();
		for (Role role : roles) {
			jdbc.sql("INSERT INTO identity.user_role (user_id, role) VALUES (:id, :role)")
				.param("id", id)
				.param("role", role.name())
				.update();
		}
		for (Long unitId : Set.copyOf(unitIds)) {
			jdbc.sql("INSERT INTO identity.user_unit (user_id, unit_id) VALUES (:id, :unit)")
				.param("id", id)
				.param("unit", unitId)
				.update();
		}
	}

	/**
	 * Gives the account a new password (hashed) and ends its sessions but those named: the one in which its owner changed
	 * it stays open, every other — another browser, perhaps someone else's — ends.
	 */
	public void changePassword(long id, String passwordHash, Set<String> keptSessionIds) {
		String username = jdbc.sql("""
				UPDATE identity.app_user SET password_hash = :hash, password_changed_at = now(), version = version + 1
				WHERE id = :id RETURNING username""")
			.param("hash", passwordHash)
			.param("id", id)
			.query(String.class)
			.single();
		sessions.endAllBut(username, keptSessionIds);
	}

	/** Gives a village collaborator the villages they work in (replacing any before); false for an unknown user. */
	public boolean assignVillages(String username, java.util.Collection<Long> villageIds) {
		Optional<Long> found = jdbc.sql("SELECT id FROM identity.app_user WHERE username = :username")
			.param("username", username).query(Long.class).optional();
		if (found.isEmpty()) {
			return false;
		}
		long id = found.get();
		jdbc.sql("DELETE FROM identity.user_village WHERE user_id = :id").param("id", id).update();
		for (Long village : Set.copyOf(villageIds)) {
			jdbc.sql("INSERT INTO identity.user_village (user_id, village_id) VALUES (:id, :village)")
				.param("id", id).param("village", village).update();
		}
		jdbc.sql("UPDATE identity.app_user SET version = version + 1 WHERE id = :id").param("id", id).update();
		sessions.endAll(username);
		return true;
	}

	private static SignedInUser signedIn(ResultSet rs, int row) throws SQLException {
		return new SignedInUser(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				roles(rs.getArray("roles")), longs(rs.getArray("unit_ids")), (Long) rs.getObject("agency_id"),
				longs(rs.getArray("village_ids")), rs.getBoolean("enabled"), rs.getString("password_hash"));
	}

	private static UserAccount account(ResultSet rs, int row) throws SQLException {
		return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				rs.getString("email"), rs.getBoolean("enabled"), instant(rs.getTimestamp("locked_until")),
				(Long) rs.getObject("agency_id"), roles(rs.getArray("roles")),
				Set.copyOf(Arrays.asList((String[]) rs.getArray("unit_codes").getArray())),
				longs(rs.getArray("unit_ids")), rs.getInt("version"));
	}

	private static Set<Role> roles(Array array) throws SQLException {
		return Arrays.stream((String[]) array.getArray()).map(Role::valueOf).collect(Collectors.toUnmodifiableSet());
	}

	private static Set<Long> longs(Array array) throws SQLException {
		return Set.of((Long[]) array.getArray());
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}
}
