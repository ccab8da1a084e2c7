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
 * The agencies of the demo localities: for every province its People's Committee and departments, for every former
 * district its offices (until 30/06/2025), for every current commune its committee, police and health station, and the
 * national 111 hotline. Child affairs pass as they did in 2025 (issue 18 §2): on 01/03/2025 from the Ministry of
 * Labour, Invalids and Social Affairs to the Ministry of Health (Nghị định 42/2025/NĐ-CP), and in each province and
 * district from the labour office to the health office (Nghị định 45/2025/NĐ-CP and the local decisions); on 01/07/2025
 * from the health department of each former province to that of the province continuing it, and from the districts,
 * which ended, to the province's health department. Each handover names the duties and the texts, so every former
 * office reads "nay là …" without a day when nobody held child affairs.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "vongtay.demo.enabled", havingValue = "true")
class DemoAgencies implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoAgencies.class);
	private static final LocalDate HEALTH_TAKES_OVER = LocalDate.of(2025, 3, 1);
	private static final String CHILD_AFFAIRS = "Bảo vệ, chăm sóc trẻ em; bảo trợ xã hội; phòng, chống tệ nạn xã hội";
	/** The Government's decree on the Ministry of Health, in force from 01/03/2025. */
	static final String DECREE_42 = "Nghị định 42/2025/NĐ-CP ngày 27/02/2025 quy định chức năng, nhiệm vụ, quyền hạn và"
			+ " cơ cấu tổ chức của Bộ Y tế (hiệu lực 01/03/2025)";
	/** The Government's decree on the local departments and offices, in force from 01/03/2025. */
	static final String DECREE_45 = "Nghị định 45/2025/NĐ-CP ngày 28/02/2025 quy định tổ chức các cơ quan chuyên môn"
			+ " thuộc Ủy ban nhân dân cấp tỉnh, cấp huyện (hiệu lực 01/03/2025)";
	private static final String REFORM = "Sắp xếp đơn vị hành chính, chính quyền địa phương hai cấp từ 01/07/2025";

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
		insert(AgencyKind.SOCIAL_AFFAIRS, "Bộ Lao động - Thương binh và Xã hội (Cục Trẻ em)", "u.code = 'VN'", null,
				HEALTH_TAKES_OVER.minusDays(1));
		insert(AgencyKind.HEALTH_DEPARTMENT, "Bộ Y tế (Cục Bà mẹ và Trẻ em)", "u.code = 'VN'", null, null);
		for (Template t : PROVINCE) {
			insert(t.kind(), t.pattern(), "u.level = 'PROVINCE' AND u.valid_to IS NULL", null, null);
		}
		String formerProvince = "u.level = 'PROVINCE' AND u.valid_to IS NOT NULL"
				+ " AND EXISTS (SELECT 1 FROM geography.unit d WHERE d.parent_id = u.id)";
		insert(AgencyKind.SOCIAL_AFFAIRS, "Sở Lao động - Thương binh và Xã hội %s", formerProvince, null,
				HEALTH_TAKES_OVER.minusDays(1));
		insert(AgencyKind.HEALTH_DEPARTMENT, "Sở Y tế %s", formerProvince, null, null);
		String district = "u.level = 'DISTRICT' AND u.code IN ('870', '690', '099', '395')";
		for (Template t : DISTRICT) {
			insert(t.kind(), t.pattern(), district, null,
					t.kind() == AgencyKind.SOCIAL_AFFAIRS ? HEALTH_TAKES_OVER.minusDays(1) : null);
		}
		insert(AgencyKind.HEALTH_DEPARTMENT, "Phòng Y tế %s", district, null, null);
		for (Template t : COMMUNE) {
			insert(t.kind(), t.pattern(), "u.level = 'COMMUNE' AND u.valid_to IS NULL", null, null);
		}
		handOver("""
				old.kind = 'SOCIAL_AFFAIRS' AND old.unit_id = health.unit_id AND health.kind = 'HEALTH_DEPARTMENT'
				AND old.unit_id = (SELECT id FROM geography.unit WHERE code = 'VN')""", CHILD_AFFAIRS, DECREE_42);
		handOver("""
				old.kind = 'SOCIAL_AFFAIRS' AND old.unit_id = health.unit_id AND health.kind = 'HEALTH_DEPARTMENT'
				AND old.unit_id IN (SELECT id FROM geography.unit WHERE level = 'PROVINCE')""", CHILD_AFFAIRS,
				DECREE_45 + "; quyết định của UBND tỉnh về chức năng, nhiệm vụ của Sở Y tế (số, ngày chưa đối chiếu)");
		handOver("""
				old.kind = 'SOCIAL_AFFAIRS' AND old.unit_id = health.unit_id AND health.kind = 'HEALTH_DEPARTMENT'
				AND old.unit_id IN (SELECT id FROM geography.unit WHERE level = 'DISTRICT')""", CHILD_AFFAIRS,
				DECREE_45 + "; quyết định của UBND huyện về chức năng, nhiệm vụ của Phòng Y tế (số, ngày chưa đối chiếu)");
		handOver("""
				old.kind = 'HEALTH_DEPARTMENT' AND health.kind = 'HEALTH_DEPARTMENT'
				AND EXISTS (SELECT 1 FROM geography.succession s JOIN geography.unit p ON p.id = s.predecessor_id
				            WHERE s.predecessor_id = old.unit_id AND s.successor_id = health.unit_id AND s.kind = 'FULL'
				              AND p.level = 'PROVINCE')""", "Toàn bộ chức năng, nhiệm vụ", REFORM);
		// the districts ended without a successor in the lineage: their health office's child affairs went to the
		// communes for their areas and to the province's health department as the office that answers for them all
		handOver("""
				old.kind = 'HEALTH_DEPARTMENT' AND health.kind = 'HEALTH_DEPARTMENT'
				AND EXISTS (SELECT 1 FROM geography.unit d JOIN geography.succession s ON s.predecessor_id = d.parent_id
				            WHERE d.id = old.unit_id AND d.level = 'DISTRICT' AND s.successor_id = health.unit_id
				              AND s.kind = 'FULL')""", CHILD_AFFAIRS + " (đầu mối cấp tỉnh; các xã, phường nhận nhiệm vụ"
						+ " trên địa bàn)", REFORM + "; cấp huyện kết thúc hoạt động (giả định: Sở Y tế là đầu mối tiếp nhận,"
						+ " văn bản phân công của tỉnh chưa đối chiếu)");
		int count = jdbc.sql("SELECT count(*) FROM directory.agency").query(Integer.class).single();
		log.info("Demo agencies created: {}", count);
	}

	/** Sets the successor of every agency {@code old} that the condition pairs with an agency {@code health}. */
	private void handOver(String condition, String duties, String basis) {
		jdbc.sql("UPDATE directory.agency old SET replaced_by_id = health.id, duties_transferred = :duties,"
				+ " transfer_basis = :basis FROM directory.agency health WHERE old.replaced_by_id IS NULL AND old.id <> health.id"
				+ " AND old.valid_to IS NOT NULL AND " + condition)
			.param("duties", duties)
			.param("basis", basis)
			.update();
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
