package vn.vongtay.prostitution;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import vn.vongtay.IntegrationTest;
import vn.vongtay.identity.Role;
import vn.vongtay.identity.SignedInUser;
import vn.vongtay.prostitution.ProstitutionFigures.Figures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 2025 figures of Phường Thục Phán (Cao Bằng), formed on 01/07/2025 from Sông Hiến, Hợp Giang and other wards, on
 * data this test alone writes there: the figures of the new ward include the work recorded in the old ones.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProstitutionFiguresTests extends ProstitutionTestSupport {

	private static final int YEAR = 2025;
	private static final String WARD = "01273";

	SignedInUser officer;
	SignedInUser viewer;
	SignedInUser inspector;

	@BeforeAll
	void caoBangHasKnownWork() {
		officer = adHoc("tinh.caobang", Role.PROVINCE_OFFICER, "04");
		viewer = adHoc("lanhdao.caobang", Role.VIEWER, "04");
		inspector = adHoc("thanhtra.caobang", Role.INSPECTOR, "04");
		as(officer, () -> {
			long hotel = establishment(EstablishmentType.HOTEL, "Khách sạn Thục Phán", null);
			long karaoke = establishment(EstablishmentType.KARAOKE, "Karaoke Hợp Giang", null);
			long massage = establishment(EstablishmentType.MASSAGE_SAUNA, "Massage Sông Hiến", null);
			establishment(EstablishmentType.GUESTHOUSE, "Nhà nghỉ đã đóng", LocalDate.of(2024, 6, 30));
			long agency = jdbc.sql("SELECT id FROM directory.agency WHERE name = 'Công an tỉnh Cao Bằng'").query(Long.class).single();
			long team = teams.create(new TeamDraft("Đoàn 178 tỉnh Cao Bằng", "99/QĐ-UBND", LocalDate.of(2024, 1, 2), "04",
					List.of(new TeamDraft.Member("Nông Văn Dũng", agency, TeamRole.HEAD))));
			long article = decrees.article("144/2021/NĐ-CP", "Điều 24").orElseThrow().id();
			inspect(hotel, team, LocalDate.of(2025, 3, 10), List.of());
			inspect(hotel, team, LocalDate.of(2025, 9, 10), List.of());
			inspect(karaoke, team, LocalDate.of(2025, 5, 5), List.of(
					new InspectionDraft.ViolationDraft(article, "khoản 1", "Mua dâm", Sanction.FINE, 1_500_000L),
					new InspectionDraft.ViolationDraft(article, "khoản 1", "Mua dâm lần hai", Sanction.WARNING, null)));
			inspect(massage, team, LocalDate.of(2024, 6, 1), List.of());

			handled(tipOff("01267", LocalDateTime.of(2025, 2, 1, 8, 0)), true);
			long unfounded = tipOff(WARD, LocalDateTime.of(2025, 3, 1, 8, 0));
			tipOffs.advance(unfounded, 0, TipOffStep.VERIFIED, null, null, LocalDateTime.of(2025, 3, 2, 8, 0));
			tipOffs.advance(unfounded, 1, TipOffStep.CLOSED_UNFOUNDED, null, "Không có cơ sở", LocalDateTime.of(2025, 3, 3, 8, 0));
			tipOff(WARD, LocalDateTime.of(2025, 8, 1, 8, 0));
			handled(tipOff(WARD, LocalDateTime.of(2025, 9, 1, 8, 0)), false);
			tipOff(WARD, LocalDateTime.of(2024, 12, 31, 23, 0));

			long served = person(LocalDate.of(2025, 1, 15), Set.of(SupportServiceKind.HEALTH_CARE));
			support.addService(served, SupportServiceKind.HEALTH_CARE, LocalDate.of(2025, 3, 1), "Trạm Y tế");
			long servedEarlier = person(LocalDate.of(2024, 1, 10), Set.of(SupportServiceKind.LOAN));
			support.addService(servedEarlier, SupportServiceKind.LOAN, LocalDate.of(2024, 5, 1), "Ngân hàng CSXH");
			person(LocalDate.of(2025, 2, 1), Set.of());
			person(LocalDate.of(2026, 1, 5), Set.of(SupportServiceKind.LEGAL_AID));
			return null;
		});
	}

	@Test
	void theFiguresOfAWardAreComputedFromItsRecordsAndThoseOfTheWardsMergedIntoIt() {
		Figures f = as(officer, () -> figures.of(WARD, YEAR));
		assertThat(f.establishments()).isEqualTo(3);
		assertThat(f.establishmentsInspected()).isEqualTo(2);
		assertThat(f.inspections()).isEqualTo(3);
		assertThat(f.shareInspected()).isEqualTo(66.7);
		assertThat(f.tipOffsReceived()).isEqualTo(4);
		assertThat(f.tipOffsHandled()).isEqualTo(2);
		assertThat(f.shareTipOffsHandled()).isEqualTo(50.0);
		assertThat(f.violations()).isEqualTo(2);
		assertThat(f.finesVnd()).isEqualTo(1_500_000);
		assertThat(f.peopleInNeed()).isEqualTo(2);
		assertThat(f.peopleServed()).isEqualTo(1);
		assertThat(f.sharePeopleServed()).isEqualTo(50.0);
		assertThat(as(officer, () -> figures.of("04", YEAR))).isEqualTo(
				new Figures(units.byCode("04", LocalDate.of(YEAR, 12, 31)).id(), YEAR, 3, 2, 3, 4, 2, 2, 1_500_000, 2L, 1L));
	}

	@Test
	void smallCountsOfPeopleAreSuppressedForViewersAndInspectors() {
		for (SignedInUser outsider : List.of(viewer, inspector)) {
			Figures f = as(outsider, () -> figures.of(WARD, YEAR));
			assertThat(f.peopleInNeed()).isNull();
			assertThat(f.peopleServed()).isNull();
			assertThat(f.sharePeopleServed()).isNull();
			assertThat(f.peopleSuppressed()).isTrue();
			assertThat(f.establishmentsInspected()).isEqualTo(2);
		}
	}

	@Test
	void theFiguresPageShowsVietnameseNumbersAndHidesSmallCountsFromAViewer() throws Exception {
		String page = text(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.get("/prostitution/figures").param("unit", "04").param("year", "2025")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(viewer))));
		assertThat(page).contains("1.500.000").contains("66,7 %").contains("&lt; 5").contains("Phường Thục Phán");
	}

	private long establishment(EstablishmentType type, String name, LocalDate closedOn) {
		return establishments.create(new EstablishmentDraft(type, name, "Cao Bằng", WARD, "Chủ cơ sở", null, 5,
				closedOn == null ? EstablishmentStatus.OPEN : EstablishmentStatus.CLOSED, LocalDate.of(2010, 1, 1), closedOn,
				null));
	}

	private void inspect(long establishment, long team, LocalDate on, List<InspectionDraft.ViolationDraft> violations) {
		inspections.record(new InspectionDraft(establishment, team, on, "Kiểm tra định kỳ", violations, List.of()));
	}

	private long tipOff(String unitCode, LocalDateTime at) {
		return tipOffs.receive(new TipOffDraft(TipOffChannel.HOTLINE, TipOffKind.TIP, at, "Tin báo Cao Bằng", unitCode, null));
	}

	private void handled(long id, boolean toTheEnd) {
		TipOff t = tipOffs.get(id);
		LocalDateTime at = t.receivedAt();
		tipOffs.advance(id, 0, TipOffStep.VERIFIED, null, null, at.plusDays(1));
		tipOffs.advance(id, 1, TipOffStep.CLASSIFIED, TipOffClassification.ADMINISTRATIVE, null, at.plusDays(2));
		if (toTheEnd) {
			tipOffs.advance(id, 2, TipOffStep.HANDLED, null, "Đã xử phạt", at.plusDays(5));
		}
	}

	private long person(LocalDate consent, Set<SupportServiceKind> needs) {
		return support.create(new SupportRecordDraft(1995, Sex.FEMALE, WARD, consent, needs,
				ReintegrationStatus.IN_PROGRESS, null));
	}
}
