package vn.vongtay.directory.internal;

import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.directory.AgencyKind;

/**
 * The agencies of the demo localities: for every province its People's Committee and departments (the labour department
 * handing child affairs to the health department on 01/03/2025), for every former district its offices (until
 * 30/06/2025), for every current commune its committee, police and health station, and the national 111 hotline.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "vongtay.demo.enabled", havingValue = "true")
class DemoAgencies implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoAgencies.class);
	private static final LocalDate HEALTH_TAKES_OVER = LocalDate.of(2025, 3, 1);

	private record Template(AgencyKind kind, String pattern) {
	}

	private static final List<Template> PROVINCE = List.of(
			new Template(AgencyKind.PEOPLES_COMMITTEE, "UBND %s"),
			new Template(AgencyKind.HEALTH_DEPARTMENT, "Sở Y tế %s"),
			new Template(AgencyKind.POLICE, "Công an %s"),
			new Template(AgencyKind.EDUCATION, "Sở Giáo dục và Đào tạo %s"),
			new Template(AgencyKind.JUSTICE, "Sở Tư pháp %s"),
			new Template(AgencyKind.CULTURE, "Sở Văn hóa, Thể thao và Du lịch %s"),
			new Template(AgencyKind.COURT, "Tòa án nhân dân %s"),
			new Template(AgencyKind.PROCURACY, "Viện kiểm sát nhân dân %s"),
			new Template(AgencyKind.FATHERLAND_FRONT, "Ủy ban MTTQ Việt Nam %s"),
			new Template(AgencyKind.WOMENS_UNION, "Hội Liên hiệp Phụ nữ %s"),
			new Template(AgencyKind.YOUTH_UNION, "Đoàn TNCS Hồ Chí Minh %s"),
			new Template(AgencyKind.SERVICE_PROVIDER, "Trung tâm Công tác xã hội %s"));

	private static final List<Template> DISTRICT = List.of(
			new Template(AgencyKind.PEOPLES_COMMITTEE, "UBND %s"),
			new Template(AgencyKind.SOCIAL_AFFAIRS, "Phòng Lao động - Thương binh và Xã hội %s"),
			new Template(AgencyKind.POLICE, "Công an %s"),
			new Template(AgencyKind.EDUCATION, "Phòng Giáo dục và Đào tạo %s"),
			new Template(AgencyKind.HEALTH_FACILITY, "Trung tâm Y tế %s"),
			new Template(AgencyKind.JUSTICE, "Phòng Tư pháp %s"),
			new Template(AgencyKind.CULTURE, "Phòng Văn hóa và Thông tin %s"),
			new Template(AgencyKind.WOMENS_UNION, "Hội Liên hiệp Phụ nữ %s"),
			new Template(AgencyKind.YOUTH_UNION, "Đoàn TNCS Hồ Chí Minh %s"));

	private static final List<Template> COMMUNE = List.of(
			new Template(AgencyKind.PEOPLES_COMMITTEE, "UBND %s"),
			new Template(AgencyKind.POLICE, "Công an %s"),
			new Template(AgencyKind.HEALTH_FACILITY, "Trạm Y tế %s"),
			new Template(AgencyKind.WOMENS_UNION, "Hội Liên hiệp Phụ nữ %s"));

	private final JdbcClient jdbc;

	DemoAgencies(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM directory.agency)").query(Boolean.class).single()) {
			return;
		}
		insert(AgencyKind.HOTLINE, "Tổng đài điện thoại quốc gia bảo vệ trẻ em 111", "u.code = 'VN'", null, null);
		insert(AgencyKind.HEALTH_DEPARTMENT, "Bộ Y tế (Cục Bà mẹ và Trẻ em)", "u.code = 'VN'", HEALTH_TAKES_OVER, null);
		for (Template t : PROVINCE) {
			insert(t.kind(), t.pattern(), "u.level = 'PROVINCE' AND u.valid_to IS NULL", null, null);
		}
		insert(AgencyKind.SOCIAL_AFFAIRS, "Sở Lao động - Thương binh và Xã hội %s",
				"u.level = 'PROVINCE' AND u.valid_to IS NOT NULL AND EXISTS (SELECT 1 FROM geography.unit d WHERE d.parent_id = u.id)",
				null, HEALTH_TAKES_OVER.minusDays(1));
		for (Template t : DISTRICT) {
			insert(t.kind(), t.pattern(), "u.level = 'DISTRICT' AND u.code IN ('870', '690', '099', '395')", null, null);
		}
		for (Template t : COMMUNE) {
			insert(t.kind(), t.pattern(), "u.level = 'COMMUNE' AND u.valid_to IS NULL", null, null);
		}
		// the province labour department's child affairs went to the health department of the province that continues it
		jdbc.sql("""
				UPDATE directory.agency old SET replaced_by_id = health.id
				FROM geography.succession s, directory.agency health
				WHERE old.kind = 'SOCIAL_AFFAIRS' AND old.unit_id = s.predecessor_id AND s.kind = 'FULL'
				  AND health.unit_id = s.successor_id AND health.kind = 'HEALTH_DEPARTMENT'""")
			.update();
		int count = jdbc.sql("SELECT count(*) FROM directory.agency").query(Integer.class).single();
		log.info("Demo agencies created: {}", count);
	}

	private void insert(AgencyKind kind, String pattern, String unitCondition, LocalDate from, LocalDate to) {
		jdbc.sql("""
				INSERT INTO directory.agency (kind, name, unit_id, province_code, valid_from, valid_to)
				SELECT :kind, format(:pattern, lower(left(u.full_name, 1)) || substr(u.full_name, 2)), u.id, u.province_code,
				       COALESCE(CAST(:from AS date), u.valid_from), COALESCE(CAST(:to AS date), u.valid_to)
				FROM geography.unit u WHERE """ + " " + unitCondition)
			.param("kind", kind.name())
			.param("pattern", pattern)
			.param("from", from)
			.param("to", to)
			.update();
	}
}
