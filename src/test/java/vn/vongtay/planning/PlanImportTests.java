package vn.vongtay.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.IntegrationTest;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.planning.PlanDetail.Target;
import vn.vongtay.planning.PlanDetail.Task;

/** A plan written in the published format loads in full; a broken one is refused with the place of each error. */
@IntegrationTest
@Transactional
@WithUserDetails("admin")
class PlanImportTests {

	@Autowired
	Plans plans;

	@Autowired
	TaskTracking tracking;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Test
	void aPlanInThePublishedFormatImportsWithItsTargetsTasksAndReportingRegime() throws IOException {
		long id = importCity(cityPlan());
		PlanDetail plan = plans.get(id);
		assertThat(plan.summary().number()).isEqualTo("120/KH-UBND");
		assertThat(plan.summary().issuerUnitCode()).isEqualTo("040");
		assertThat(plan.summary().targetCount()).isEqualTo(2);
		Target one = plan.objectives().get(0).targets().get(0);
		assertThat(one.direction()).isEqualTo(Direction.AT_MOST);
		assertThat(one.baselineValue()).isEqualByComparingTo("3.1");
		assertThat(one.values().get(2022)).isEqualByComparingTo("2.5");
		assertThat(plan.objectives().get(0).targets().get(1).parts()).extracting(Target::code).containsExactly("2a");
		Task training = plan.tasks().get(0);
		// the demo directory has no offices for the city: the plan's agencies were added to it, as confirmed
		assertThat(training.leadAgency().name()).isEqualTo("Phòng Lao động - Thương binh và Xã hội");
		assertThat(training.leadAgency().unitCode()).isEqualTo("040");
		assertThat(training.partnerAgencies()).extracting(AgencyRef::name)
			.containsExactly("Phòng Giáo dục và Đào tạo");
		assertThat(training.timeframe().dueOn()).isEqualTo(java.time.LocalDate.of(2022, 9, 30));
		assertThat(plan.reporting()).singleElement().satisfies(r -> {
			assertThat(r.kind()).isEqualTo(ReportKind.ANNUAL);
			assertThat(r.dueOn()).isEqualTo(java.time.LocalDate.of(2022, 11, 15));
			assertThat(r.annexes()).containsExactly("Phụ lục 1");
		});
	}

	@Test
	void theProvincePlanListsTheCityPlanThatImplementsItAndItsTaskShowsTheAnsweringTask() throws IOException {
		long city = importCity(cityPlan());
		long province = planId("cao-bang-2022");
		assertThat(plans.lowerPlans(province)).extracting(PlanSummary::id).containsExactly(city);
		assertThat(plans.get(city).implementedPlans()).extracting(PlanSummary::id).containsExactly(province);
		Task provinceTask = plans.get(province).tasks().stream().filter(t -> "V.1.b".equals(t.number())).findFirst()
			.orElseThrow();
		assertThat(provinceTask.lowerTaskCount()).isEqualTo(1);
		assertThat(tracking.lowerTasks(provinceTask.id())).extracting(Task::planId).containsExactly(city);
	}

	@Test
	void aTaskNamingAnUndeclaredAgencyIsRefusedAtItsLineAndNothingIsStored() throws IOException {
		long before = count("planning.plan");
		String broken = cityPlan().replace("lead: ubnd-tp", "lead: phong-khong-co");
		UserFacingException refusal = catchThrowableOfType(UserFacingException.class, () -> importCity(broken));
		assertThat(refusal.status()).isEqualTo(422);
		assertThat(refusal.problems()).singleElement().satisfies(p -> {
			assertThat(p.column()).isEqualTo("tasks[1].lead");
			assertThat(p.row()).isEqualTo(lineOf(broken, "lead: phong-khong-co"));
			assertThat(p.messageKey()).isEqualTo("error.plan.agency-unknown");
		});
		assertThat(count("planning.plan")).isEqualTo(before);
	}

	@Test
	void aTargetWithoutAValueAndAMalformedDateAreBothReportedAndNothingIsStored() throws IOException {
		long agenciesBefore = count("directory.agency");
		String broken = cityPlan().replace("values: {2022: 95}", "values: {2022: null}")
			.replace("issuedOn: 2022-04-15", "issuedOn: 2022-02-30");
		UserFacingException refusal = catchThrowableOfType(UserFacingException.class, () -> importCity(broken));
		assertThat(refusal.problems()).extracting(p -> p.row() + " " + p.column() + " " + p.messageKey())
			.containsExactlyInAnyOrder(
					lineOf(broken, "issuedOn: 2022-02-30") + " plan.issuedOn error.plan.date-invalid",
					lineOf(broken, "values: {2022: null}") + " objectives[0].targets[1].values.2022 error.plan.target-value-missing");
		assertThat(count("directory.agency")).isEqualTo(agenciesBefore);
		assertThat(count("planning.task")).isEqualTo(countBefore("planning.task"));
	}

	@Test
	void aQuantitativeTargetWithNoValuesAtAllIsRefused() throws IOException {
		String broken = cityPlan().replace("values: {2022: 2.5}", "values: {}");
		UserFacingException refusal = catchThrowableOfType(UserFacingException.class, () -> importCity(broken));
		assertThat(refusal.problems()).extracting(p -> p.column() + " " + p.messageKey())
			.containsExactly("objectives[0].targets[0].values error.plan.target-without-value");
	}

	/** Format 2 only adds to format 1: a format 1 document keeps loading, and is told where it uses what 2 added. */
	@Test
	void aFormat1DocumentWithARangeIsToldToDeclareFormat2() throws IOException {
		String range = cityPlan().replace("values: {2022: 95}", "values: {2022: {from: 95, to: 98}}");
		UserFacingException refusal = catchThrowableOfType(UserFacingException.class, () -> importCity(range));
		assertThat(refusal.problems()).extracting(p -> p.column() + " " + p.messageKey())
			.containsExactly("objectives[0].targets[1].values.2022 error.plan.needs-format");
		long id = importCity(range.replace("format: vongtay-plan/1", "format: vongtay-plan/2"));
		Target target = plans.get(id).objectives().get(0).targets().get(1);
		assertThat(target.values().get(2022)).isEqualByComparingTo("95");
		assertThat(target.upTo().get(2022)).isEqualByComparingTo("98");
	}

	@Test
	void aSecondPlanWithTheSameKeyIsRefused() throws IOException {
		importCity(cityPlan());
		UserFacingException refusal = catchThrowableOfType(UserFacingException.class,
				() -> importCity(cityPlan()));
		assertThat(refusal.problems()).extracting(p -> p.column() + " " + p.messageKey())
			.containsExactly("plan.key error.plan.key-taken");
	}

	@Test
	void anExportedSeedPlanImportsAgainWithTheSameTargetsAndTasks() {
		long binhLong = planId("binh-long-2022");
		String exported = plans.export(binhLong).replace("key: binh-long-2022", "key: binh-long-2022-copy");
		PlanDetail original = plans.get(binhLong);
		PlanDetail copy = plans.get(plans.importDocument(exported, AgencyChoices.NONE));
		assertThat(copy.summary().targetCount()).isEqualTo(24);
		assertThat(copy.tasks()).hasSameSizeAs(original.tasks());
		assertThat(targets(copy)).extracting(t -> t.code() + "=" + t.values())
			.containsExactlyElementsOf(targets(original).stream().map(t -> t.code() + "=" + t.values()).toList());
		assertThat(copy.tasks()).extracting(t -> t.leadAgency() == null ? null : t.leadAgency().id())
			.containsExactlyElementsOf(original.tasks().stream()
				.map(t -> t.leadAgency() == null ? null : t.leadAgency().id()).toList());
		assertThat(copy.reporting()).extracting(r -> r.reporters().stream().map(AgencyRef::id).toList())
			.containsExactlyElementsOf(original.reporting().stream()
				.map(r -> r.reporters().stream().map(AgencyRef::id).toList()).toList());
		assertThat(original.reporting().get(0).reporters()).hasSize(7);
		assertThat(plans.originalText(copy.summary().id())).isEqualTo(plans.originalText(binhLong));
	}

	@Test
	void theApiRefusesABrokenPlanWithAProblemDetailListingLineAndPlace() throws Exception {
		String broken = cityPlan().replace("kind: QUARTER, year: 2022, quarter: 3", "kind: QUARTER, year: 2022, quarter: 7");
		mvc.perform(post("/api/v1/plans").contentType("application/yaml").content(broken)
			.param("agency", "ubnd-tp:new", "phong-ldtbxh:new", "phong-gddt:new")
			.with(user(users.loadUserByUsername("admin"))))
			.andExpect(status().is(422))
			.andExpect(jsonPath("$.detail").value("Dữ liệu có 1 lỗi; không có gì được lưu."))
			.andExpect(jsonPath("$.errors[0].row").value(lineOf(broken, "quarter: 7")))
			.andExpect(jsonPath("$.errors[0].column").value("tasks[0].timeframe.quarter"))
			.andExpect(jsonPath("$.errors[0].message").value("Quý 7 không hợp lệ: phải từ 1 đến 4."));
	}

	@Test
	void theApiListsPlansAndServesOneWithTargetsAndTasks() throws Exception {
		long binhLong = planId("binh-long-2022");
		mvc.perform(get("/api/v1/plans").with(user(users.loadUserByUsername("admin"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.key == 'binh-long-2022')].targetCount").value(24))
			.andExpect(jsonPath("$[?(@.key == 'binh-long-2022')].issuerUnitCode").value("690"));
		mvc.perform(get("/api/v1/plans/" + binhLong).with(user(users.loadUserByUsername("admin"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(binhLong))
			.andExpect(jsonPath("$.taskCount").value(58))
			.andExpect(jsonPath("$.objectives[*].targets[?(@.code == '9')].values.2025").value(2.5))
			.andExpect(jsonPath("$.objectives[*].targets[?(@.code == '9')].unit").value("PERCENT"))
			.andExpect(jsonPath("$.objectives[*].targets[?(@.code == '9')].direction").value("AT_MOST"))
			.andExpect(jsonPath("$.tasks[0].statement").isString())
			.andExpect(jsonPath("$.tasks[0].timeframe.kind").isString())
			.andExpect(jsonPath("$.tasks[0].partnerAgencies").isArray());
	}

	@Test
	void anOfficerUploadingABrokenPlanSeesEachErrorWithItsLineInVietnamese() throws Exception {
		String broken = cityPlan().replace("unit: PERCENT\n        direction: AT_MOST", "unit: PHAN_TRAM\n        direction: AT_MOST");
		String page = mvc.perform(multipart("/plans/import")
			.file(new MockMultipartFile("file", "ke-hoach.yaml", "application/yaml", broken.getBytes(StandardCharsets.UTF_8)))
			.with(user(users.loadUserByUsername("admin"))).with(csrf()))
			.andExpect(status().is(422))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Dữ liệu có 1 lỗi; không có gì được lưu.", "objectives[0].targets[0].unit",
				"Giá trị &quot;PHAN_TRAM&quot; không hợp lệ", "<td>" + lineOf(broken, "unit: PHAN_TRAM") + "</td>");
	}

	/** Issue 16, item 13: a plan imported through the API has no text as issued, and its export answered 500. */
	@Test
	void aPlanImportedThroughTheApiIsExportedAndItsTextTabShown() throws Exception {
		String created = mvc.perform(post("/api/v1/plans").contentType("application/yaml").content(cityPlan())
			.param("agency", "ubnd-tp:new", "phong-ldtbxh:new", "phong-gddt:new")
			.with(user(users.loadUserByUsername("admin"))))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getHeader("Location");
		String exported = mvc.perform(get(created + "/document").with(user(users.loadUserByUsername("admin"))))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(exported).contains("key: tp-cao-bang-2022-test", "originalText: null");
		long id = Long.parseLong(created.substring(created.lastIndexOf('/') + 1));
		mvc.perform(get("/plans/" + id + "/export").with(user(users.loadUserByUsername("admin"))))
			.andExpect(status().isOk());
		mvc.perform(get("/plans/" + id).param("tab", "text").with(user(users.loadUserByUsername("admin"))))
			.andExpect(status().isOk());
		// what was exported loads again
		mvc.perform(post("/api/v1/plans").contentType("application/yaml")
			.content(exported.replace("key: tp-cao-bang-2022-test", "key: tp-copy"))
			.with(user(users.loadUserByUsername("admin"))))
			.andExpect(status().isCreated());
	}

	/** The city has no offices in the demo directory: its plan's agencies are confirmed as new. */
	private long importCity(String document) {
		return plans.importDocument(document, CITY_AGENCIES_NEW);
	}

	static final AgencyChoices CITY_AGENCIES_NEW = AgencyChoices
		.parse(List.of("ubnd-tp:new", "phong-ldtbxh:new", "phong-gddt:new"));

	private long planId(String key) {
		return jdbc.sql("SELECT id FROM planning.plan WHERE key = :key").param("key", key).query(Long.class).single();
	}

	private long count(String table) {
		return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

	private long countBefore(String table) {
		return count(table);
	}

	private static List<Target> targets(PlanDetail plan) {
		return plan.objectives().stream().flatMap(o -> o.targets().stream())
			.flatMap(t -> java.util.stream.Stream.concat(java.util.stream.Stream.of(t), t.parts().stream())).toList();
	}

	private static int lineOf(String text, String fragment) {
		String[] lines = text.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			if (lines[i].contains(fragment)) {
				return i + 1;
			}
		}
		throw new AssertionError("not in the document: " + fragment);
	}

	static String cityPlan() throws IOException {
		return new ClassPathResource("planning/thanh-pho-cao-bang-2022.yaml").getContentAsString(StandardCharsets.UTF_8);
	}
}
