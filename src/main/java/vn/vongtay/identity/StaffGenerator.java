package vn.vongtay.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.UnitLevel;
import vn.vongtay.geography.Units;

/**
 * Invented officials for generated national data (benchmarks, a demo at scale): in every commune given, a commune
 * officer ({@code xa.CODE}), a case worker ({@code cb.CODE}) and the chairman ({@code ct.CODE}); in every province, a
 * province officer ({@code tinh.CODE}). The caller supplies the password hash, so that no password is built in. Running
 * it again creates nothing twice.
 */
@Component
@Transactional
public class StaffGenerator {

	/** One generated official. */
	public record Official(long id, String username, String displayName) {
	}

	/** The officials of a commune. */
	public record CommuneStaff(Official officer, Official caseWorker, Official chairman) {
	}

	private final JdbcClient jdbc;
	private final Units units;

	StaffGenerator(JdbcClient jdbc, Units units) {
		this.jdbc = jdbc;
		this.units = units;
	}

	/** Creates (or finds) the officials of the communes given, by commune id. */
	public Map<Long, CommuneStaff> communes(List<Long> communeIds, String passwordHash) {
		List<Account> accounts = new ArrayList<>();
		for (AdministrativeUnit commune : units.findAllById(communeIds)) {
			String place = lowerFirst(commune.fullName());
			accounts.add(new Account("xa." + commune.code(), "Công chức VH-XH " + place, Role.COMMUNE_OFFICER, commune.id()));
			accounts.add(new Account("cb." + commune.code(), "Người làm công tác bảo vệ trẻ em " + place, Role.CASE_WORKER,
					commune.id()));
			accounts.add(new Account("ct." + commune.code(), "Chủ tịch UBND " + place, Role.COMMUNE_CHAIRMAN, commune.id()));
		}
		Map<String, Official> made = create(accounts, passwordHash);
		Map<Long, CommuneStaff> staff = new HashMap<>();
		for (AdministrativeUnit commune : units.findAllById(communeIds)) {
			staff.put(commune.id(), new CommuneStaff(made.get("xa." + commune.code()), made.get("cb." + commune.code()),
					made.get("ct." + commune.code())));
		}
		return staff;
	}

	/** Creates (or finds) a province officer for each province given, by province id. */
	public Map<Long, Official> provinces(List<Long> provinceIds, String passwordHash) {
		List<Account> accounts = new ArrayList<>();
		for (AdministrativeUnit province : units.findAllById(provinceIds)) {
			if (province.level() != UnitLevel.PROVINCE) {
				throw new IllegalArgumentException(province.code() + " is not a province");
			}
			accounts.add(new Account("tinh." + province.code(), "Cán bộ Sở Y tế " + lowerFirst(province.fullName()),
					Role.PROVINCE_OFFICER, province.id()));
		}
		Map<String, Official> made = create(accounts, passwordHash);
		Map<Long, Official> officers = new HashMap<>();
		for (AdministrativeUnit province : units.findAllById(provinceIds)) {
			officers.put(province.id(), made.get("tinh." + province.code()));
		}
		return officers;
	}

	private record Account(String username, String displayName, Role role, long unitId) {
	}

	/** One statement per table for all the accounts: thousands of officials in a second. */
	private Map<String, Official> create(List<Account> accounts, String passwordHash) {
		Map<String, Official> made = new HashMap<>();
		if (accounts.isEmpty()) {
			return made;
		}
		String[] usernames = accounts.stream().map(Account::username).toArray(String[]::new);
		jdbc.sql("""
				INSERT INTO identity.app_user (username, display_name, password_hash)
				SELECT u, n, :hash FROM unnest(CAST(:usernames AS text[]), CAST(:names AS text[])) AS a (u, n)
				ON CONFLICT (username) DO NOTHING""")
			.param("hash", passwordHash)
			.param("usernames", usernames)
			.param("names", accounts.stream().map(Account::displayName).toArray(String[]::new))
			.update();
		jdbc.sql("""
				INSERT INTO identity.user_role (user_id, role)
				SELECT u.id, a.r FROM unnest(CAST(:usernames AS text[]), CAST(:roles AS text[])) AS a (u, r)
				JOIN identity.app_user u ON u.username = a.u
				ON CONFLICT DO NOTHING""")
			.param("usernames", usernames)
			.param("roles", accounts.stream().map(a -> a.role().name()).toArray(String[]::new))
			.update();
		jdbc.sql("""
				INSERT INTO identity.user_unit (user_id, unit_id)
				SELECT u.id, a.unit FROM unnest(CAST(:usernames AS text[]), CAST(:units AS bigint[])) AS a (u, unit)
				JOIN identity.app_user u ON u.username = a.u
				ON CONFLICT DO NOTHING""")
			.param("usernames", usernames)
			.param("units", accounts.stream().map(Account::unitId).toArray(Long[]::new))
			.update();
		jdbc.sql("SELECT id, username, display_name FROM identity.app_user WHERE username = ANY (CAST(:usernames AS text[]))")
			.param("usernames", usernames)
			.query(rs -> {
				made.put(rs.getString("username"),
						new Official(rs.getLong("id"), rs.getString("username"), rs.getString("display_name")));
			});
		return made;
	}

	private static String lowerFirst(String name) {
		return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
	}
}
