package vn.vongtay.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.vongtay.IntegrationTest;
import vn.vongtay.indicators.IndicatorValue.Cell;
import vn.vongtay.indicators.IndicatorValue.Status;
import vn.vongtay.outreach.Activities;
import vn.vongtay.outreach.ActivityDraft;
import vn.vongtay.outreach.ActivityKind;
import vn.vongtay.outreach.AgeGroup;
import vn.vongtay.outreach.OpinionDraft;
import vn.vongtay.outreach.Opinions;
import vn.vongtay.outreach.Sex;
import vn.vongtay.outreach.Topic;

/**
 * What readers see: small counts hidden from a viewer (and a second cell where one alone would be recovered), the
 * figures of their jurisdiction only, the API's shape, and the pages in Vietnamese and English.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorPagesAndApiTests extends IndicatorTestSupport {

	@Autowired
	Activities activities;

	@Autowired
	Opinions opinions;

	IndicatorPeriod month;
	long quaiTo;

	/** A forum in Quài Tở this month: 3 girls and 8 boys raise opinions; 2 of the girls' are answered. */
	@BeforeAll
	void aForumWithFewGirls() {
		LocalDate today = LocalDate.now();
		month = IndicatorPeriod.parse(today.toString().substring(0, 7));
		quaiTo = unitId("03295", today);
		long agency = jdbc.sql("SELECT id FROM directory.agency WHERE name = 'Tổng đài điện thoại quốc gia bảo vệ trẻ em 111' ORDER BY id LIMIT 1")
			.query(Long.class).single();
		as("xa.b", () -> {
			long forum = activities.create(new ActivityDraft(ActivityKind.CHILDREN_FORUM, "Diễn đàn Quài Tở", null,
					agency, List.of("03295"), today, today, Set.of(Topic.CHILD_PARTICIPATION), null, Map.of(), List.of()),
					List.of());
			for (int i = 0; i < 11; i++) {
				long id = opinions.raise(forum, new OpinionDraft("Ý kiến " + i, AgeGroup.AGE_11_15,
						i < 3 ? Sex.FEMALE : Sex.MALE, null, agency, today.plusDays(30)));
				if (i < 2) {
					opinions.answer(id, 0, "Đã trả lời", today);
				}
			}
			return null;
		});
		awaitListeners();
	}

	@Test
	void aViewerSeesSmallCountsHiddenAndASecondCellSoTheFirstCannotBeRecovered() {
		IndicatorValue officer = as("tinh.dienbien", () -> values.value("OPINIONS_RAISED", quaiTo, month));
		IndicatorValue viewer = as("lanhdao.dienbien", () -> values.value("OPINIONS_RAISED", quaiTo, month));
		assertThat(officer.value()).isEqualByComparingTo("11");
		assertThat(viewer.value()).isEqualByComparingTo("11");
		Map<String, Cell> bySexOfficer = cells(officer, "sex");
		Map<String, Cell> bySexViewer = cells(viewer, "sex");
		assertThat(bySexOfficer.get("FEMALE").value()).isEqualByComparingTo("3");
		assertThat(bySexViewer.get("FEMALE").suppressed()).isTrue();
		assertThat(bySexViewer.get("FEMALE").value()).isNull();
		// 11 - 3 would give the girls away if the boys' 8 were shown
		assertThat(bySexViewer.get("MALE").suppressed()).isTrue();
		assertThat(bySexViewer.get("MALE").value()).isNull();
		assertThat(bySexViewer.get("NOT_STATED").value()).isEqualByComparingTo("0");
		// a ratio built on a hidden count is hidden too
		IndicatorValue answered = as("lanhdao.dienbien", () -> values.value("OPINIONS_ANSWERED_RATE", quaiTo, month));
		assertThat(answered.suppressed()).isTrue();
		assertThat(answered.value()).isNull();
		assertThat(answered.numerator()).isNull();
		IndicatorValue answeredForOfficer = as("tinh.dienbien", () -> values.value("OPINIONS_ANSWERED_RATE", quaiTo, month));
		assertThat(answeredForOfficer.value()).isEqualByComparingTo("18.18");
		assertThat(answeredForOfficer.numerator()).isEqualByComparingTo("2");
		assertThat(answeredForOfficer.denominator()).isEqualByComparingTo("11");
	}

	/**
	 * The 111 hotline reads figures, not exact ones (the need-to-know table, docs/decisions/0009): like a viewer, it
	 * sees small counts of children hidden, so that counting a commune's girls tells it nothing about one of them.
	 */
	@Test
	void theHotlineSeesSmallCountsOfChildrenHiddenAsAViewerDoes() {
		IndicatorValue hotline = as("tongdai111", () -> values.value("OPINIONS_RAISED", quaiTo, month));
		assertThat(hotline.value()).isEqualByComparingTo("11");
		Map<String, Cell> bySex = cells(hotline, "sex");
		assertThat(bySex.get("FEMALE").suppressed()).isTrue();
		assertThat(bySex.get("FEMALE").value()).isNull();
		assertThat(bySex.get("MALE").suppressed()).isTrue();
		IndicatorValue answered = as("tongdai111", () -> values.value("OPINIONS_ANSWERED_RATE", quaiTo, month));
		assertThat(answered.suppressed()).isTrue();
		// a commune officer, who reads exact figures, still sees them
		assertThat(cells(as("xa.b", () -> values.value("OPINIONS_RAISED", quaiTo, month)), "sex").get("FEMALE").value())
			.isEqualByComparingTo("3");
	}

	private static Map<String, Cell> cells(IndicatorValue v, String dimension) {
		return v.disaggregations().stream().filter(d -> d.dimension().equals(dimension)).findFirst().orElseThrow()
			.values().stream().collect(java.util.stream.Collectors.toMap(Cell::key, c -> c));
	}

	@Test
	void theApiGivesTheValueItsPartsItsBreakdownsAndTheSuppressionFlag() throws Exception {
		JsonNode list = read(apiGet("tinh.dienbien", "/api/v1/indicators").andExpect(status().isOk()));
		assertThat(list.isArray()).isTrue();
		assertThat(list.toString()).contains("\"code\":\"CHILDREN_SPECIAL_RATE\"", "\"code\":\"ABUSED_CHILDREN\"")
			.doesNotContain("\"waitingForSource\":true");
		JsonNode v = read(apiGet("tinh.dienbien", "/api/v1/indicators/CHILDREN_SPECIAL_RATE/values?unit=11&period="
				+ LocalDate.now().getYear()).andExpect(status().isOk()));
		assertThat(v.get("value").isNumber()).isTrue();
		assertThat(v.get("numerator").isNumber()).isTrue();
		assertThat(v.get("denominator").isNumber()).isTrue();
		assertThat(v.get("suppressed").asBoolean()).isFalse();
		assertThat(v.get("asOf").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
		JsonNode bySex = null;
		for (JsonNode d : v.get("disaggregations")) {
			if (d.get("dimension").asString().equals("sex")) {
				bySex = d;
			}
		}
		assertThat(bySex).isNotNull();
		assertThat(bySex.get("values").get(0).has("key")).isTrue();
		assertThat(bySex.get("values").get(0).has("label")).isTrue();
		assertThat(bySex.get("values").get(0).has("value")).isTrue();
		JsonNode hidden = read(apiGet("lanhdao.dienbien", "/api/v1/indicators/OPINIONS_ANSWERED/values?unit=03295&period="
				+ month.code()).andExpect(status().isOk()));
		assertThat(hidden.get("value").isNull()).isTrue();
		assertThat(hidden.get("suppressed").asBoolean()).isTrue();
		JsonNode abused = read(apiGet("tinh.dienbien", "/api/v1/indicators/ABUSED_CHILDREN/values?unit=11&period="
				+ LocalDate.now().getYear()).andExpect(status().isOk()));
		assertThat(abused.get("status").asString()).isEqualTo("VALUE");
		assertThat(abused.get("value").isNumber()).isTrue();
		assertThat(abused.get("disaggregations").toString()).contains("\"dimension\":\"abuse_form\"",
				"\"dimension\":\"setting\"");
	}

	@Test
	void figuresOutsideTheCallersJurisdictionAreNotFound() throws Exception {
		String body = text(apiGet("xa.a", "/api/v1/indicators/CHILDREN_UNDER_16/values?unit=03295&period=2026")
			.andExpect(status().isNotFound()));
		assertThat(body).contains("nằm ngoài phạm vi bạn phụ trách");
		apiGet("xa.a", "/api/v1/indicators/CHILDREN_UNDER_16/values?unit=VN&period=2026").andExpect(status().isNotFound());
		apiGet("admin", "/api/v1/indicators/CHILDREN_UNDER_16/values?unit=VN&period=2026").andExpect(status().isOk());
		assertThat(as("tongdai111", () -> values.value("CHILDREN_UNDER_16", units.nation().id(), IndicatorPeriod.year(2026)))
			.status()).isEqualTo(Status.VALUE);
	}

	/** The leader's indicator page reads the province's figures of the year, not a catalogue (issue 17 §5). */
	@Test
	void theLeadersCatalogueShowsEachIndicatorsValueForTheProvinceThisYear() throws Exception {
		int year = units.today().getYear();
		String page = pageBody("lanhdao.dienbien", "/indicators?q=duoi 16");
		IndicatorValue children = as("lanhdao.dienbien",
				() -> values.value("CHILDREN_UNDER_16", units.byCode("11", units.today()).id(), IndicatorPeriod.year(year)));
		assertThat(children.value()).isPositive();
		String shown = vn.vongtay.core.VietnameseFormats.number(children.value(), java.util.Locale.forLanguageTag("vi"));
		assertThat(page).contains("Giá trị năm " + year + " của Tỉnh Điện Biên").contains("Năm " + year)
			.contains(">" + shown + "</a>");
	}

	/**
	 * A count hidden from a viewer reaches the chart as hidden, with the words to write in its place, never as a zero
	 * or a gap that reads as one; counts are drawn with whole-number ticks (issue 17 §5).
	 */
	@Test
	void aHiddenSmallCountReachesTheChartAsHiddenNeverAsZero() throws Exception {
		String page = pageBody("lanhdao.dienbien", "/indicators/OPINIONS_ANSWERED?unit=03295&period=" + month.code());
		int start = page.indexOf('>', page.indexOf("id=\"indicator-chart-data\"")) + 1;
		JsonNode chart = new JsonMapper().readTree(page.substring(start, page.indexOf("</script>", start)));
		assertThat(chart.get("hidden").asString()).isEqualTo("< 5");
		assertThat(chart.get("whole").asBoolean()).isTrue();
		assertThat(chart.get("name").asString()).isNotBlank();
		List<String> periods = new ArrayList<>();
		chart.get("series").get("labels").forEach(l -> periods.add(l.asString()));
		int shown = periods.indexOf(month.code());
		assertThat(shown).isNotNegative();
		assertThat(chart.get("series").get("values").get(shown).isNull()).isTrue();
		assertThat(chart.get("series").get("hidden").get(shown).asBoolean()).isTrue();
		// the commune officer, who reads exact figures, gets the number
		String officer = pageBody("xa.b", "/indicators/OPINIONS_ANSWERED?unit=03295&period=" + month.code());
		int at = officer.indexOf('>', officer.indexOf("id=\"indicator-chart-data\"")) + 1;
		JsonNode exact = new JsonMapper().readTree(officer.substring(at, officer.indexOf("</script>", at)));
		assertThat(exact.get("series").get("values").get(shown).asInt()).isEqualTo(2);
		assertThat(exact.get("series").get("hidden").get(shown).asBoolean()).isFalse();
	}

	@Test
	void theDashboardDrawsTheChartsFromDataAndDrillsDownToTheCommunes() throws Exception {
		String page = pageBody("tinh.dienbien", "/indicators/CHILDREN_UNDER_16?unit=11&period=" + LocalDate.now().getYear());
		assertThat(page).contains("Dân số trẻ em (dưới 16 tuổi)").contains("Các đơn vị trực thuộc")
			.contains("id=\"indicator-chart-data\"").contains("/webjars/chart.js/").contains("chart.umd.js")
			.contains("/indicators/CHILDREN_UNDER_16?unit=03253").contains("Tính đến ngày").contains("Theo Giới tính");
		assertThat(page).doesNotContain("<script>");
		String english = pageBody("tinh.dienbien", "/indicators/CHILDREN_UNDER_16?unit=11&lang=en");
		assertThat(english).contains("Subdivisions").contains("Children under 16").contains("As of");
		String targets = pageBody("admin", "/indicators/CHILDREN_SPECIAL_RATE?unit=VN&period=2025");
		assertThat(targets).contains("Chỉ tiêu kế hoạch gắn với chỉ số").contains("chỉ tiêu 8a");
		String fromCases = pageBody("tinh.dienbien", "/indicators/ABUSED_CHILDREN_RATE?unit=11");
		assertThat(fromCases).contains("Tỷ lệ trẻ em bị xâm hại").doesNotContain("chưa có nguồn dữ liệu");
		String catalogue = pageBody("lanhdao.dienbien", "/indicators?q=tiem chung");
		assertThat(catalogue).contains("Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ 8 loại vắc xin (%)")
			.doesNotContain("Dân số trẻ em (dưới 16 tuổi)");
	}

	@Test
	void theEntryFormShowsTheRefusalOfARateAbove100OnTheForm() throws Exception {
		String form = pageBody("xa.a", "/indicators/entry?unit=03253&period=2025");
		assertThat(form).contains("Nhập số liệu").contains("Tỷ lệ huy động trẻ em 5 tuổi đi học mẫu giáo (%)");
		String refused = text(form("xa.a", "/indicators/entry", "unit", "03253", "period", "2025",
				"v:PRIMARY_COMPLETION_RATE", "130").andExpect(status().isOk()));
		assertThat(refused).contains("giá trị 130 không hợp lệ, tỷ lệ phải từ 0 đến 100").contains("value=\"130\"");
		form("xa.a", "/indicators/entry", "unit", "03253", "period", "2025", "v:PRIMARY_COMPLETION_RATE", "99,6",
				"v:FULL_VACCINATION_U1", "97")
			.andExpect(status().is3xxRedirection());
		String saved = pageBody("xa.a", "/indicators/entry?unit=03253&period=2025&saved");
		assertThat(saved).contains("Đã lưu số liệu.").contains("99,6").contains("Nhập mới");
	}

	@Test
	void anAdministratorAddsAnEnteredIndicatorAndRunsTheRecountFromThePage() throws Exception {
		form("admin", "/admin/indicators", "code", "PLAY_AREAS", "domain", "CULTURE", "name", "Số điểm vui chơi",
				"nameEn", "Play areas", "unit", "COUNT", "method", "ENTERED", "sumsUp", "true", "active", "true")
			.andExpect(status().is3xxRedirection());
		assertThat(catalogue.get("PLAY_AREAS").origin()).isEqualTo(Indicator.Origin.ADMIN);
		String refused = text(form("admin", "/admin/indicators", "code", "BAD_RATIO", "domain", "CULTURE", "name", "X",
				"nameEn", "X", "unit", "PERCENT", "method", "RATIO", "numerator", "PLAY_AREAS", "denominator", "NO_SUCH",
				"factor", "100", "active", "true").andExpect(status().isOk()));
		assertThat(refused).contains("Không có chỉ số NO_SUCH");
		page("xa.a", get("/admin/indicators")).andExpect(status().isForbidden());
		form("admin", "/admin/indicators/recount").andExpect(status().is3xxRedirection());
		assertThat(pageBody("admin", "/admin/indicators")).contains("Lần tính lại gần nhất");
	}
}
