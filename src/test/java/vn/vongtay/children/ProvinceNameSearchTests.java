package vn.vongtay.children;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.DemoAccountTestSupport;
import vn.vongtay.IntegrationTest;
import vn.vongtay.identity.Role;

/**
 * A province officer searches the names of their own province's children (children.child_name, one partition per
 * province): with or without accents, with a typo, by part of a name, exactly as a commune officer does; the names stay
 * in step with the register through a form, a correction, a move to another province and the COPY of an import.
 */
@IntegrationTest
class ProvinceNameSearchTests extends DemoAccountTestSupport {

	@Autowired
	Children children;

	@Autowired
	ChildImports imports;

	@Test
	@Transactional
	void aProvinceOfficerFindsAChildWithoutAccentsWithATypoOrByPartOfTheName() {
		assertThat(jdbc.sql("""
				SELECT count(*) FROM geography.unit_reach r JOIN geography.unit p ON p.id = r.root_id
				WHERE p.code = '11' AND p.level = 'PROVINCE' AND p.valid_to IS NULL""").query(Long.class).single())
			.as("more units than a commune's, so that the search goes through the province's partition").isGreaterThan(12);
		long id = as("xa.b", () -> children.register(draft("Nguyễn Văn Ấn Thử", "03295")));
		long other = as("xa.b", () -> children.register(draft("Đinh Bảo Thủy Thử", "03295")));
		for (String typed : List.of("nguyen van an thu", "NGUYEN VAN AN THU", "Nguyen Van Ahn Thu", "Nguyễn Văn Ấn Thử",
				"van an thu")) {
			assertThat(found("tinh.dienbien", typed)).as(typed).contains(id).doesNotContain(other);
		}
		assertThat(found("tinh.dienbien", "Đinh Văn Chuyển Thử")).doesNotContain(other);
		assertThat(found("tinh.dienbien", "Dinh Bao Thyu Thu")).contains(other).doesNotContain(id);
		assertThat(as("tinh.dienbien", () -> children.count(ChildQuery.text("Nguyen Van Ahn Thu", 0, 50))))
			.isEqualTo(as("tinh.dienbien", () -> children.search(ChildQuery.text("Nguyen Van Ahn Thu", 0, 500))).size());
	}

	@Test
	void aProvinceOfficersTypoSearchReturnsExactlyTheChildrenOfTheProvinceWithASimilarName() {
		// a typo of a name the demo register holds many times: the partition's index must find every one of them
		String typo = "lo van hnug";
		long expected = jdbc.sql("""
				SELECT count(*) FROM children.child c
				WHERE c.unit_id IN (SELECT r.unit_id FROM geography.unit_reach r JOIN geography.unit p ON p.id = r.root_id
				                    WHERE p.code = '11' AND p.level = 'PROVINCE' AND p.valid_to IS NULL)
				  AND similarity(c.name_folded, :q) >= 0.5
				  AND c.birth_date > CAST(now() AS date) - INTERVAL '16 years'""")
			.param("q", typo).query(Long.class).single();
		assertThat(expected).isPositive();
		assertThat(as("tinh.dienbien", () -> children.count(ChildQuery.text(typo, 0, 50)))).isEqualTo(expected);
		assertThat(as(adHoc("tinh.caobang", Role.PROVINCE_OFFICER, "04"),
				() -> children.search(ChildQuery.text(typo, 0, 500))))
			.extracting(ChildSummary::communeCode).noneMatch(code -> code.startsWith("03"));
	}

	@Test
	@Transactional
	void aCorrectedNameOrAMoveToAnotherProvinceIsSearchedThereAtOnce() {
		long id = as("xa.a", () -> children.register(draft("Lò Văn Hùng Thử", "03253")));
		as("xa.a", () -> {
			children.update(id, children.get(id).version(), draft("Cầm Thị Ngọc Thử", "03253"));
			return null;
		});
		assertThat(found("tinh.dienbien", "Lo Van Hnug Thu")).doesNotContain(id);
		assertThat(found("tinh.dienbien", "Cam Thi Ngco Thu")).contains(id);

		as("tinh.dienbien", () -> {
			children.move(id, children.get(id).version(), "01273", LocalDate.now());
			return null;
		});
		assertThat(found("tinh.dienbien", "Cam Thi Ngco Thu")).doesNotContain(id);
		assertThat(as(adHoc("tinh.caobang", Role.PROVINCE_OFFICER, "04"),
				() -> children.search(ChildQuery.text("Cam Thi Ngco Thu", 0, 50))))
			.extracting(ChildSummary::id).contains(id);
		assertThat(jdbc.sql("SELECT tableoid::regclass::text FROM children.child_name WHERE child_id = :id")
			.param("id", id).query(String.class).list()).containsExactly("children.child_name_04");
	}

	@Test
	void childrenCommittedByAnImportAreSearchedByTheProvinceAndEveryChildHasItsNameInItsProvince() {
		String suffix = "Nhap" + unique();
		String csv = "Họ và tên,Ngày sinh,Giới tính,Dân tộc,Số định danh cá nhân,Mã xã,Thôn/ấp,Họ tên người chăm sóc,"
				+ "Quan hệ,Nhóm hoàn cảnh đặc biệt,Ghi chú\n"
				+ "Quàng Văn Toàn " + suffix + ",02/02/2016,Nam,Thái,,03253,Bản Đông,Quàng Thị Mẹ,Mẹ,,\n"
				+ "Quàng Thị Ngân " + suffix + ",03/03/2017,Nữ,Thái,,03295,Bản Quài Tở,Quàng Thị Mẹ,Mẹ,,\n";
		ChildImports.Report report = as("tinh.dienbien",
				() -> imports.importNow(suffix + ".csv", csv.getBytes(StandardCharsets.UTF_8), true));
		assertThat(report.committed()).isEqualTo(2);
		assertThat(as("tinh.dienbien", () -> children.search(ChildQuery.text("Quang Van Tonà " + suffix, 0, 50))))
			.extracting(ChildSummary::fullName).contains("Quàng Văn Toàn " + suffix);
		assertThat(as("tinh.dienbien", () -> children.search(ChildQuery.text("quang thi ngna " + suffix, 0, 50))))
			.extracting(ChildSummary::fullName).contains("Quàng Thị Ngân " + suffix);
		assertThat(jdbc.sql("""
				SELECT count(*) FROM children.child c
				FULL JOIN children.child_name n ON n.child_id = c.id AND n.province_code = c.province_code
				     AND n.name_folded = c.name_folded
				WHERE c.id IS NULL OR n.child_id IS NULL""").query(Long.class).single())
			.as("children without their name in their province's partition, or names without a child").isZero();
	}

	private List<Long> found(String username, String typed) {
		return as(username, () -> children.search(ChildQuery.text(typed, 0, 50))).stream().map(ChildSummary::id).toList();
	}

	private static ChildDraft draft(String name, String commune) {
		return new ChildDraft(name, Sex.MALE, LocalDate.of(2015, 6, 6), false, "03", null, true, commune, null, null,
				null, null, false, null, null, null, null, null, null, null);
	}

	/** Letters only, so that each run's names are its own and fold to themselves. */
	private static String unique() {
		long n = System.nanoTime();
		StringBuilder word = new StringBuilder("x");
		for (int i = 0; i < 6; i++) {
			word.append((char) ('a' + n % 26));
			n /= 26;
		}
		return word.toString();
	}
}
