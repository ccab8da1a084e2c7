package vn.vongtay.children;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import vn.vongtay.IntegrationTest;
import vn.vongtay.core.UserFacingException;

/** Registering, finding and following a child the way commune officials do. */
@IntegrationTest
@Transactional
@WithUserDetails("xa.a")
class ChildRegisterTests {

	@Autowired
	Children children;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aChildIsFoundWithoutDiacriticsInAnyCaseAndWithATypo() {
		long id = children.register(draft("Nguyễn Văn Ấn Thử", Sex.MALE, LocalDate.of(2016, 4, 2), null));
		for (String typed : List.of("nguyen van an thu", "NGUYEN VAN AN THU", "Nguyen Van Ahn Thu", "Nguyễn Văn Ấn Thử",
				"van an thu")) {
			assertThat(children.search(ChildQuery.text(typed, 0, 50))).as(typed).extracting(ChildSummary::id).contains(id);
		}
	}

	@Test
	void aChildIsFoundByIdentificationNumberAndBirthDateRange() {
		long id = children.register(draft("Lò Thị Mai Thử", Sex.FEMALE, LocalDate.of(2014, 1, 20), "011314999001"));
		assertThat(children.search(ChildQuery.text("011314999001", 0, 10))).extracting(ChildSummary::id).containsExactly(id);
		assertThat(children.search(new ChildQuery("Lò Thị Mai Thử", null, LocalDate.of(2014, 1, 1),
				LocalDate.of(2014, 1, 31), null, false, false, null, 0, 10))).extracting(ChildSummary::id).contains(id);
		assertThat(children.search(new ChildQuery("Lò Thị Mai Thử", null, LocalDate.of(2015, 1, 1), null, null, false,
				false, null, 0, 10))).extracting(ChildSummary::id).doesNotContain(id);
	}

	@Test
	void resultsAreInVietnameseOrderByGivenNameThenFamilyName() {
		children.register(draft("Trần Zy Đức", Sex.MALE, LocalDate.of(2015, 1, 1), null));
		children.register(draft("Lê Zy Dũng", Sex.MALE, LocalDate.of(2015, 1, 1), null));
		children.register(draft("Nguyễn Zy Ánh", Sex.FEMALE, LocalDate.of(2015, 1, 1), null));
		children.register(draft("Bùi Zy Ánh", Sex.FEMALE, LocalDate.of(2015, 1, 1), null));
		assertThat(children.search(ChildQuery.text("zy", 0, 50))).extracting(ChildSummary::fullName)
			.containsSubsequence("Bùi Zy Ánh", "Nguyễn Zy Ánh", "Lê Zy Dũng", "Trần Zy Đức");
	}

	@Test
	void anIdentificationNumberThatContradictsSexOrYearIsRefused() {
		UserFacingException refusal = catchThrowableOfType(UserFacingException.class,
				() -> children.register(draft("Đặng Văn Hùng", Sex.MALE, LocalDate.of(2015, 3, 3), "011315000001")));
		assertThat(refusal.problems()).extracting(p -> p.column() + " " + p.messageKey())
			.containsExactly("personalId error.child.pid-sex");
		refusal = catchThrowableOfType(UserFacingException.class,
				() -> children.register(draft("Đặng Văn Hùng", Sex.MALE, LocalDate.of(2015, 3, 3), "011214000001")));
		assertThat(refusal.problems()).extracting(p -> p.column() + " " + p.messageKey())
			.containsExactly("personalId error.child.pid-year");
	}

	@Test
	void freeTextBeyondItsLimitIsRefusedWithAClearMessageAndTheDatabaseHoldsTheLimitToo() {
		String huge = "Ghi chú rất dài. ".repeat(20_000);
		UserFacingException refusal = catchThrowableOfType(UserFacingException.class,
				() -> children.register(new ChildDraft("Sùng Văn Dài", Sex.MALE, LocalDate.of(2015, 1, 1), false, null,
						null, null, "03253", null, huge, null, null, false, null, null, huge, null, null, null, null)));
		assertThat(refusal.problems()).extracting(p -> p.column() + " " + p.messageKey())
			.containsExactlyInAnyOrder("address error.field.too-long", "notes error.field.too-long");
		long id = children.register(draft("Sùng Văn Ngắn", Sex.MALE, LocalDate.of(2015, 1, 1), null));
		UserFacingException evidence = catchThrowableOfType(UserFacingException.class,
				() -> children.startCircumstance(id, "d", null, false, LocalDate.of(2025, 1, 1), huge));
		assertThat(evidence.problems()).extracting(p -> p.column() + " " + p.messageKey())
			.containsExactly("evidence error.field.too-long");
		UserFacingException note = catchThrowableOfType(UserFacingException.class, () -> children.recordSupport(id,
				SupportKind.GIFT, null, LocalDate.of(2025, 1, 1), SupportSource.DONOR, huge));
		assertThat(note.problems()).extracting(p -> p.column() + " " + p.messageKey())
			.containsExactly("note error.field.too-long");
		// each statement in a transaction of its own, on a child of the demo register, so that one refusal aborts
		// neither the test's transaction nor the next statement
		TransactionTemplate apart = new TransactionTemplate(transactions);
		apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		for (String column : List.of("notes", "address", "school_name", "disability")) {
			assertThatThrownBy(() -> apart.executeWithoutResult(s -> jdbc.sql("UPDATE children.child SET " + column
					+ " = :text WHERE id = (SELECT min(id) FROM children.child)").param("text", huge).update()))
				.as(column).isInstanceOf(DataIntegrityViolationException.class);
		}
	}

	@Test
	void openingARecordIsAuditedAndShowsTheHouseholdAndSiblings() {
		long first = children.register(new ChildDraft("Hoàng Văn Nam Thử", Sex.MALE, LocalDate.of(2012, 5, 5), false,
				"02", null, true, "03253", "Bản Đông", null, SchoolLevel.PRIMARY, null, false, null, true, null, null,
				"Hoàng Thị Lan", "Mẹ", "0912345678"));
		long household = jdbc.sql("SELECT household_id FROM children.child WHERE id = :id").param("id", first)
			.query(Long.class).single();
		long second = children.register(new ChildDraft("Hoàng Thị Hoa Thử", Sex.FEMALE, LocalDate.of(2016, 7, 7), false,
				"02", null, true, "03253", "Bản Đông", null, null, null, false, null, true, null, household, null, null,
				null));
		Child child = children.get(second);
		assertThat(child.caregivers()).extracting(Child.Caregiver::fullName).containsExactly("Hoàng Thị Lan");
		assertThat(child.siblings()).extracting(ChildSummary::id).containsExactly(first);
		assertThat(child.ethnicity()).isEqualTo("Tày");
		assertThat(jdbc.sql("SELECT count(*) FROM audit.entry WHERE action = 'CHILD_VIEWED' AND subject_id = :id")
			.param("id", String.valueOf(second)).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aPersonAged16IsKeptButCountedAsAChildOnlyBefore() {
		LocalDate sixteenthBirthday = LocalDate.now().minusYears(16);
		long id = children.register(draft("Phạm Văn Lớn Thử", Sex.MALE, sixteenthBirthday, null));
		assertThat(children.search(ChildQuery.text("Phạm Văn Lớn Thử", 0, 10))).extracting(ChildSummary::id)
			.doesNotContain(id);
		assertThat(children.search(new ChildQuery("Phạm Văn Lớn Thử", null, null, null, null, false, true, null, 0, 10)))
			.extracting(ChildSummary::id).contains(id);
		assertThat(children.search(new ChildQuery("Phạm Văn Lớn Thử", null, null, null, null, false, false,
				LocalDate.now().minusDays(1), 0, 10))).extracting(ChildSummary::id).contains(id);
	}

	@Test
	void scholarshipsOfAUnitAndPeriodAreCountedAndSummed() {
		long id = children.register(draft("Vũ Thị Học Thử", Sex.FEMALE, LocalDate.of(2013, 2, 2), null));
		Children.SupportTotal before = scholarships();
		children.recordSupport(id, SupportKind.SCHOLARSHIP, 1_000_000L, LocalDate.of(2026, 9, 5), SupportSource.DONOR, null);
		children.recordSupport(id, SupportKind.SCHOLARSHIP, 500_000L, LocalDate.of(2026, 10, 5), SupportSource.STATE_BUDGET, null);
		Children.SupportTotal after = scholarships();
		assertThat(after.supports() - before.supports()).isEqualTo(2);
		assertThat(after.amountVnd() - before.amountVnd()).isEqualTo(1_500_000L);
	}

	@Test
	void aMovedChildGoesWithItsHistoryAndTheFormerCommuneLosesIt() {
		long id = children.register(draft("Đinh Văn Chuyển Thử", Sex.MALE, LocalDate.of(2015, 6, 6), null));
		children.startCircumstance(id, "d", null, false, LocalDate.of(2024, 1, 1), "Giấy xác nhận khuyết tật");
		children.move(id, children.get(id).version(), "03295", LocalDate.now());
		assertThat(children.search(ChildQuery.text("Đinh Văn Chuyển Thử", 0, 10))).extracting(ChildSummary::id)
			.doesNotContain(id);
		UserFacingException gone = catchThrowableOfType(UserFacingException.class, () -> children.get(id));
		assertThat(gone.status()).isEqualTo(404);
		assertThat(jdbc.sql("SELECT count(*) FROM children.circumstance WHERE child_id = :id").param("id", id)
			.query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM children.residence WHERE child_id = :id").param("id", id)
			.query(Long.class).single()).isEqualTo(2);
	}

	@Test
	@WithUserDetails("tinh.dienbien")
	void childrenOfAnAbolishedCommuneFollowTheCommuneThatFullyContinuesIt() {
		// a record still attached to Xã Quài Nưa (03274), which Xã Tuần Giáo (03253) continues in full since 01/07/2025
		long quaiNua = jdbc.sql("SELECT id FROM geography.unit WHERE code = '03274' AND valid_to IS NOT NULL")
			.query(Long.class).single();
		long id = jdbc.sql("""
				INSERT INTO children.child (full_name, given_name, family_name, sex, birth_date, unit_id, province_code)
				VALUES ('Lò Văn Cũ Thử', 'Thử', 'Lò', 'MALE', DATE '2015-05-05', :unit, '11') RETURNING id""")
			.param("unit", quaiNua).query(Long.class).single();
		assertThat(children.followLineage()).isPositive();
		Child moved = children.get(id);
		assertThat(moved.communeCode()).isEqualTo("03253");
		assertThat(moved.residences()).extracting(Child.Residence::reason).contains("LINEAGE");
		assertThat(moved.residences()).filteredOn(r -> r.reason().equals("LINEAGE")).singleElement()
			.satisfies(r -> assertThat(r.from()).isEqualTo(LocalDate.of(2025, 7, 1)));
	}

	@Test
	@WithUserDetails("admin")
	void childrenOfASplitCommuneWaitForAnOfficerToAssignThemToOneOfItsSuccessors() {
		List<ChildSummary> waiting = children.awaitingAssignment();
		assertThat(waiting).isNotEmpty();
		ChildSummary child = waiting.get(0);
		UserFacingException wrong = catchThrowableOfType(UserFacingException.class, () -> children.assign(child.id(), "03253"));
		assertThat(wrong.messageKey()).isEqualTo("error.child.not-a-successor");
		String successor = jdbc.sql("""
				SELECT n.code FROM geography.succession s JOIN geography.unit o ON o.id = s.predecessor_id
				JOIN geography.unit n ON n.id = s.successor_id WHERE o.code = :code AND o.valid_to IS NOT NULL LIMIT 1""")
			.param("code", child.communeCode()).query(String.class).single();
		children.assign(child.id(), successor);
		assertThat(children.awaitingAssignment()).extracting(ChildSummary::id).doesNotContain(child.id());
		assertThat(children.get(child.id()).communeCode()).isEqualTo(successor);
	}

	private Children.SupportTotal scholarships() {
		return children.supportTotals("03253", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)).stream()
			.filter(t -> t.kind() == SupportKind.SCHOLARSHIP).findFirst()
			.orElse(new Children.SupportTotal(SupportKind.SCHOLARSHIP, 0L, 0L, 0L, false));
	}

	static ChildDraft draft(String name, Sex sex, LocalDate born, String pid) {
		return new ChildDraft(name, sex, born, false, "01", pid, true, "03253", "Bản Đông", null, null, null, false, null,
				null, null, null, null, null, null);
	}
}
