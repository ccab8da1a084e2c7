package vn.vongtay.identity.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import vn.vongtay.geography.Units;
import vn.vongtay.identity.Role;

/** The demo accounts listed in the README (demo profile only; password {@value #PASSWORD}). */
@Component
@Order(30)
@ConditionalOnProperty(name = "vongtay.demo.enabled", havingValue = "true")
class DemoAccounts implements ApplicationRunner {

	static final String PASSWORD = "Demo@2026";

	private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

	private static final LocalDate BEFORE_REFORM = LocalDate.of(2025, 6, 30);

	record Demo(String username, String displayName, Role role, String unitCode, LocalDate asOf, String agencyName) {

		Demo(String username, String displayName, Role role, String unitCode, LocalDate asOf) {
			this(username, displayName, role, unitCode, asOf, null);
		}
	}

	static final List<Demo> ACCOUNTS = List.of(
			new Demo("admin", "Quản trị hệ thống", Role.SYSTEM_ADMIN, Units.NATION_CODE, null),
			new Demo("tinh.dienbien", "Cán bộ Sở Y tế tỉnh Điện Biên", Role.PROVINCE_OFFICER, "11", null),
			new Demo("xa.a", "Công chức VH-XH xã Tuần Giáo", Role.COMMUNE_OFFICER, "03253", null),
			new Demo("xa.b", "Công chức VH-XH xã Quài Tở", Role.COMMUNE_OFFICER, "03295", null),
			new Demo("chutich.a", "Chủ tịch UBND xã Tuần Giáo", Role.COMMUNE_CHAIRMAN, "03253", null),
			new Demo("cb.a", "Người làm công tác bảo vệ trẻ em xã Tuần Giáo", Role.CASE_WORKER, "03253", null),
			new Demo("ctv.a", "Cộng tác viên bảo vệ trẻ em thôn, bản (xã Tuần Giáo)", Role.VILLAGE_COLLABORATOR, "03253",
					null),
			new Demo("tongdai111", "Tổng đài viên 111", Role.HOTLINE_OPERATOR, Units.NATION_CODE, null),
			new Demo("lanhdao.dienbien", "Lãnh đạo tỉnh Điện Biên", Role.VIEWER, "11", null),
			new Demo("huyen.hongngu", "Cán bộ Phòng LĐTBXH huyện Hồng Ngự (trước 01/7/2025)", Role.DISTRICT_OFFICER, "870",
					BEFORE_REFORM),
			new Demo("thanhtra.thoxuan", "Thanh tra - Đoàn kiểm tra liên ngành 178 Thanh Hóa", Role.INSPECTOR, "38", null),
			new Demo("ldtbxh.thoxuan", "Đầu mối Phòng LĐTBXH huyện Thọ Xuân (trước 01/7/2025)", Role.AGENCY_FOCAL_POINT,
					"395", BEFORE_REFORM, "Phòng Lao động - Thương binh và Xã hội huyện Thọ Xuân"),
			new Demo("soyte.caobang", "Đầu mối Sở Y tế tỉnh Cao Bằng", Role.AGENCY_FOCAL_POINT, "04", null,
					"Sở Y tế tỉnh Cao Bằng"),
			new Demo("congan.tuangiao", "Đầu mối Công an xã Tuần Giáo", Role.AGENCY_FOCAL_POINT, "03253", null,
					"Công an xã Tuần Giáo"));

	private final UserAccounts accounts;
	private final JdbcClient jdbc;
	private final PasswordEncoder encoder;
	private final Units units;

	DemoAccounts(UserAccounts accounts, PasswordEncoder encoder, Units units, JdbcClient jdbc) {
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.units = units;
	}

	@Override
	public void run(ApplicationArguments args) {
		String hash = null;
		int created = 0;
		for (Demo demo : ACCOUNTS) {
			if (accounts.exists(demo.username())) {
				continue;
			}
			hash = hash == null ? encoder.encode(PASSWORD) : hash;
			LocalDate asOf = demo.asOf() == null ? units.today() : demo.asOf();
			long unitId = units.byCode(demo.unitCode(), asOf).id();
			accounts.create(demo.username(), demo.displayName(), null, hash, Set.of(demo.role()), Set.of(unitId),
					demo.agencyName() == null ? null : agencyNamed(demo.agencyName()));
			created++;
		}
		if (created > 0) {
			log.info("{} demo accounts created (password {})", created, PASSWORD);
		}
	}

	/**
	 * The demo agency a focal point speaks for. Identity cannot call the directory (the directory asks identity whose
	 * jurisdiction applies), so the demo data looks the agency up by the name the demo directory gave it.
	 */
	private Long agencyNamed(String name) {
		// a body of both trees of 2025 (Sở Y tế tỉnh Cao Bằng until and since 01/07/2025) is the one of today
		return jdbc.sql("SELECT id FROM directory.agency WHERE name = :name ORDER BY valid_to DESC NULLS FIRST LIMIT 1")
			.param("name", name).query(Long.class)
			.optional()
			.orElseThrow(() -> new IllegalStateException("demo agency missing: " + name));
	}
}
