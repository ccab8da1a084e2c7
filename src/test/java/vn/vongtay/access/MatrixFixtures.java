package vn.vongtay.access;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;

/**
 * The records the matrix tries, each found the way its owner finds it — listed by the owner, then opened by the owner
 * — or, where no demo record serves, created for the matrix by its owner (a child with a household, a group, a
 * support and a note; an outreach activity with a material; a support record; a task's evidence). Most belong to Xã
 * Tuần Giáo (xa.a's commune), so xa.b is the foreign officer; the prostitution-prevention records are the demo's in
 * Thọ Xuân (thanhtra.thoxuan's province).
 *
 * <p>Besides ids, the fixtures hold the <em>secrets</em> the reduced views must not show: text that the owner's answer
 * carries (the matrix checks that it does) and that a caller with less need to know must never receive.
 */
final class MatrixFixtures {

	/** How the fixtures call the application as someone. */
	interface Client {

		/** The answer as JSON, failing unless 2xx. */
		JsonNode json(Caller caller, AbstractMockHttpServletRequestBuilder<?> request);

		/** Where a page sent the caller after a post, failing unless a redirect. */
		String redirect(Caller caller, AbstractMockHttpServletRequestBuilder<?> request);
	}

	private static final byte[] PDF = "%PDF-1.4\n% ma trận\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

	/** Ids and values by name, as {@link Requests} refers to them. */
	final Map<String, String> ids = new LinkedHashMap<>();
	/** The texts a reduced view must not show, by name. */
	final Map<String, List<String>> secrets = new LinkedHashMap<>();

	private final Client client;
	private final JdbcClient jdbc;
	private final LocalDate today;
	private final String nonce;

	MatrixFixtures(Client client, JdbcClient jdbc, LocalDate today, String nonce) {
		this.client = client;
		this.jdbc = jdbc;
		this.today = today;
		this.nonce = nonce;
	}

	String id(String name) {
		String value = ids.get(name);
		if (value == null) {
			throw new IllegalStateException("no fixture named " + name + " (MatrixFixtures)");
		}
		return value;
	}

	MatrixFixtures harvest() {
		ids.put("commune", "03253");
		ids.put("formerCommune", "03274");
		ids.put("formNumber", "01");
		ids.put("referralAnswer", "accept");
		ids.put("exportFormat", "xlsx");
		ids.put("calendarYear", "2025");
		accounts();
		children();
		casework();
		planning();
		outreach();
		prostitution();
		reporting();
		indicators();
		childFriendly();
		administration();
		return this;
	}

	private void accounts() {
		JsonNode users = client.json(Caller.PROVINCE, get("/api/v1/users").param("q", "cb.a"));
		ids.put("caseWorkerAccount", text(first(users, u -> u.get("username").asString().equals("cb.a")), "id"));
		// a token of cb.a's that no caller uses: revoking it is cb.a's alone
		ids.put("caseWorkerToken", text(client.json(Caller.CASE_WORKER, post("/api/v1/tokens")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"cb.a\",\"password\":\"Demo@2026\",\"label\":\"ma trận\"}")), "id"));
	}

	/**
	 * A child of ctv.a's village registered by xa.a with everything a reduced view hides — a caregiver with a phone, a
	 * sibling, a group with its evidence, a support and a note — so that each hidden thing is really there to hide.
	 */
	private void children() {
		JsonNode villageChildren = client.json(Caller.COLLABORATOR, get("/api/v1/children"));
		String village = text(first(villageChildren, c -> !c.get("village").isNull()), "village");
		String name = "Lò Thị Ma Trận";
		String note = "ghi-chu-ma-tran-" + nonce;
		String phone = "09" + digits(8);
		JsonNode registered = client.json(Caller.COMMUNE, post("/api/v1/children").contentType(MediaType.APPLICATION_JSON)
			.content(("{\"fullName\":\"%s\",\"sex\":\"FEMALE\",\"birthDate\":\"2018-03-04\",\"birthDateEstimated\":false,"
					+ "\"outOfSchool\":false,\"communeCode\":\"03253\",\"village\":\"%s\",\"notes\":\"%s\","
					+ "\"caregiverName\":\"Quàng Văn Giám Hộ\",\"caregiverRelationship\":\"Bố\",\"caregiverPhone\":\"%s\"}")
				.formatted(name, village, note, phone)));
		String child = text(registered, "id");
		JsonNode record = client.json(Caller.COMMUNE, get("/api/v1/children/" + child));
		String sibling = "Lò Văn Anh Em Ma Trận";
		client.json(Caller.COMMUNE, post("/api/v1/children").contentType(MediaType.APPLICATION_JSON)
			.content(("{\"fullName\":\"%s\",\"sex\":\"MALE\",\"birthDate\":\"2016-05-06\",\"birthDateEstimated\":false,"
					+ "\"outOfSchool\":false,\"communeCode\":\"03253\",\"village\":\"%s\",\"householdId\":%s}")
				.formatted(sibling, village, text(record, "householdId"))));
		String evidence = "bang-chung-ma-tran-" + nonce;
		client.redirect(Caller.COMMUNE, post("/children/" + child + "/circumstances").param("groupCode", "l")
			.param("from", "2024-01-01").param("evidence", evidence));
		String support = "ho-tro-ma-tran-" + nonce;
		client.redirect(Caller.COMMUNE, post("/children/" + child + "/supports").param("kind", "SCHOLARSHIP")
			.param("amountVnd", "500000").param("givenOn", "2025-09-05").param("source", "DONOR").param("note", support));
		record = client.json(Caller.COMMUNE, get("/api/v1/children/" + child));
		ids.put("child", child);
		// searched by the end of the name, so that a page repeating the words searched for does not show the name
		ids.put("childName", "Ma Trận");
		ids.put("childGroup", "l");
		ids.put("childCircumstance", text(record.get("circumstances").get(0), "id"));
		secrets.put("record", List.of(name));
		secrets.put("groupName", List.of("Trẻ em bị xâm hại tình dục"));
		secrets.put("groupEvidence", List.of(evidence));
		secrets.put("supports", List.of(support));
		secrets.put("notes", List.of(note));
		secrets.put("household", List.of(phone, sibling));

		// and the other way round: a child of Xã Quài Tở, as xa.b lists the children of their commune
		ids.put("foreignChild", text(client.json(Caller.FOREIGN_COMMUNE, get("/api/v1/children")).get(0), "id"));

		// a child of Xã Phú Thuận B (Hồng Ngự, Đồng Tháp), a commune split in 2025, waiting for an officer to assign
		// them: no API lists them (the awaiting page does), so the register's table is asked
		ids.put("awaitingChild", String.valueOf(jdbc.sql("""
				SELECT c.id FROM children.child c JOIN geography.unit u ON u.id = c.unit_id
				WHERE u.code = '29995' AND u.valid_to IS NOT NULL ORDER BY c.id LIMIT 1""").query(Long.class).single()));

		// a register file xa.a checked and then discarded: committing it can only be refused
		JsonNode checked = client.json(Caller.COMMUNE, multipart("/api/v1/children/imports")
			.file(new MockMultipartFile("file", "ma-tran.csv", "text/csv",
					"Họ và tên,Ngày sinh,Giới tính,Mã xã\nLò Văn Nhập Ma Trận,01/02/2019,Nam,03253\n"
						.getBytes(StandardCharsets.UTF_8))));
		ids.put("childImport", text(checked, "id"));
		client.redirect(Caller.COMMUNE, post("/children/imports/" + id("childImport") + "/discard"));
	}

	/**
	 * A case of Xã Tuần Giáo as the demo accounts make one: reported to 111 with an informant, worked by cb.a up to a
	 * plan the chairman approves, and a referral to the commune police. Made for the matrix through the API (the demo's
	 * own case has no referral), so that every step, the plan's item, the report and the referral have an id to try.
	 */
	private void casework() {
		String informantPhone = "08" + digits(8);
		JsonNode receipt = client.json(Caller.HOTLINE, post("/api/v1/reports").contentType(MediaType.APPLICATION_JSON)
			.content(("{\"channel\":\"HOTLINE_111\",\"childName\":\"Lò Văn Hồ Sơ Ma Trận\",\"childSex\":\"MALE\","
					+ "\"childAgeYears\":9,\"childUnitCode\":\"03253\",\"condition\":\"Trẻ bị đánh, có vết bầm ở tay.\","
					+ "\"suspectedForms\":[\"VIOLENCE\"],\"informantName\":\"Người báo tin ma trận\","
					+ "\"informantPhone\":\"%s\",\"informantRelation\":\"Hàng xóm\"}").formatted(informantPhone)));
		ids.put("report", text(receipt, "reportId"));
		ids.put("case", text(receipt, "caseId"));
		ids.put("caseNumber", text(receipt, "caseNumber"));
		secrets.put("case", List.of(text(receipt, "caseNumber")));
		secrets.put("caseChild", List.of("Lò Văn Hồ Sơ Ma Trận"));
		secrets.put("informant", List.of(informantPhone));
		JsonNode policeFound = client.json(Caller.CASE_WORKER, get("/api/v1/agencies").param("q", "Công an xã Tuần Giáo"));
		String police = text(first(policeFound, a -> text(a, "name").equals("Công an xã Tuần Giáo")), "id");
		String root = "/api/v1/cases/" + id("case");
		step(Caller.CASE_WORKER, root + "/verify", "{\"text\":\"Đã đến nhà, thông tin là có thật.\"}");
		step(Caller.CASE_WORKER, root + "/initial-assessment", "{\"form\":{\"childCondition\":\"Vết bầm ở tay.\","
				+ "\"immediateSafety\":\"Trẻ ở với bà ngoại.\",\"riskLevel\":\"MEDIUM\",\"abuseIndicated\":[\"VIOLENCE\"]}}");
		step(Caller.CASE_WORKER, root + "/detailed-assessment", "{\"form\":{\"physicalState\":\"Vết bầm đang lành.\","
				+ "\"needs\":\"Tư vấn tâm lý.\",\"riskLevel\":\"MEDIUM\"}}");
		JsonNode drafted = client.json(Caller.CASE_WORKER, put(root + "/plan").contentType(MediaType.APPLICATION_JSON)
			.content(("{\"version\":%s,\"form\":{\"goals\":\"Bảo đảm an toàn cho trẻ.\",\"reviewOn\":\"%s\",\"items\":["
					+ "{\"service\":\"POLICE_PROTECTION\",\"description\":\"Răn đe người cha\",\"agencyId\":%s,"
					+ "\"dueOn\":\"%s\"}]}}").formatted(version(Caller.CASE_WORKER, root), today.plusDays(45),
					police, today.plusDays(10))));
		step(Caller.CASE_WORKER, root + "/plan/submit", "{}");
		step(Caller.CHAIRMAN, root + "/plan/approve", "{\"decisionNumber\":\"99/QĐ-UBND\"}");
		String item = text(drafted.get("plans").get(0).get("items").get(0), "id");
		JsonNode referral = client.json(Caller.CASE_WORKER, post(root + "/referrals")
			.contentType(MediaType.APPLICATION_JSON)
			.content(("{\"version\":%s,\"form\":{\"agencyId\":%s,\"planItemId\":%s,\"service\":\"POLICE_PROTECTION\","
					+ "\"request\":\"Đề nghị Công an xã răn đe người cha.\",\"shareName\":false,\"shareAddress\":false,"
					+ "\"shareCaregiver\":false}}").formatted(version(Caller.CASE_WORKER, root), police, item)));
		ids.put("casePlanItem", item);
		ids.put("referral", text(referral, "id"));
		secrets.put("referral", List.of("Đề nghị Công an xã răn đe người cha."));
		// and the other way round: a demo case of Xã Quài Tở, as xa.b lists the cases of their commune, that no other
		// test escalated or opened to anyone by breaking the glass (either lets the province read it)
		List<Long> listed = StreamSupport.stream(client.json(Caller.FOREIGN_COMMUNE, get("/api/v1/cases")).spliterator(), false)
			.map(c -> Long.valueOf(text(c, "id"))).toList();
		ids.put("foreignCase", String.valueOf(jdbc.sql("""
				SELECT c.id FROM casework.child_case c
				WHERE c.id IN (:listed) AND c.escalated_at IS NULL
				  AND NOT EXISTS (SELECT 1 FROM casework.access_grant g WHERE g.case_id = c.id)
				ORDER BY c.id LIMIT 1""").param("listed", listed).query(Long.class).single()));
		// the police find it among theirs
		first(client.json(Caller.POLICE, get("/api/v1/referrals")), r -> text(r, "id").equals(id("referral")));
	}

	/** A step of the case at {@code url}, naming the version the caller reads first. */
	private void step(Caller caller, String url, String body) {
		String version = version(caller, url.replaceFirst("(/api/v1/cases/[0-9]+).*", "$1"));
		String versioned = "{\"version\":" + version + (body.equals("{}") ? "}" : "," + body.substring(1));
		client.json(caller, post(url).contentType(MediaType.APPLICATION_JSON).content(versioned));
	}

	private String version(Caller caller, String caseUrl) {
		return text(client.json(caller, get(caseUrl)), "version");
	}

	/** Digits drawn from the run's nonce, so that a phone number is the matrix's own. */
	private String digits(int count) {
		return String.valueOf(Math.abs((long) nonce.hashCode()) + 100_000_000L).substring(0, count);
	}

	private void planning() {
		// the Thọ Xuân plan, as the district's labour office finds it among the plans of the tasks it leads; its
		// qualitative target (assessed, not measured) refuses a value without an assessment
		for (JsonNode plan : client.json(Caller.DISTRICT_AGENCY, get("/api/v1/plans"))) {
			JsonNode detail = client.json(Caller.DISTRICT_AGENCY, get("/api/v1/plans/" + text(plan, "id")));
			for (JsonNode objective : detail.get("objectives")) {
				for (JsonNode target : objective.get("targets")) {
					if (text(target, "unit").equals("QUALITATIVE") && !ids.containsKey("target")) {
						ids.put("plan", text(plan, "id"));
						ids.put("target", text(target, "id"));
					}
				}
			}
		}
		id("target");
		// a task the office leads: its list also holds those it only joins, whose lead may be another office
		JsonNode task = first(client.json(Caller.DISTRICT_AGENCY, get("/api/v1/tasks/mine")),
				t -> text(t, "planId").equals(id("plan"))
						&& text(t.get("leadAgency"), "name").startsWith("Phòng Lao động - Thương binh và Xã hội"));
		ids.put("task", text(task, "id"));
		ids.put("taskAgency", text(task.get("leadAgency"), "id"));
		client.redirect(Caller.DISTRICT_AGENCY, multipart("/plans/tasks/" + id("task") + "/progress")
			.file(new MockMultipartFile("files", "bien-ban-ma-tran.pdf", "application/pdf", PDF))
			.param("agencyId", id("taskAgency")).param("period", "2025-Q3").param("status", "ON_TRACK")
			.param("done", "Ma trận quyền truy cập"));
		JsonNode progress = client.json(Caller.DISTRICT_AGENCY, get("/api/v1/tasks/" + id("task") + "/progress"));
		JsonNode withEvidence = first(progress, p -> !p.get("evidence").isEmpty());
		ids.put("evidence", text(withEvidence.get("evidence").get(0), "id"));
	}

	/** An activity of Xã Tuần Giáo recorded by xa.a with a material, and an opinion of the commune's forum. */
	private void outreach() {
		JsonNode agencies = client.json(Caller.COMMUNE, get("/api/v1/agencies").param("q", "UBND xã Tuần Giáo"));
		String committee = text(first(agencies, a -> text(a, "name").equals("UBND xã Tuần Giáo")), "id");
		ids.put("agency", committee);
		secrets.put("agency", List.of("UBND xã Tuần Giáo"));
		String activity = client.redirect(Caller.COMMUNE, multipart("/outreach/activities")
			.file(new MockMultipartFile("files", "tai-lieu-ma-tran.pdf", "application/pdf", PDF))
			.param("kind", "MEETING").param("title", "Họp ma trận quyền truy cập").param("organiserAgencyId", committee)
			.param("unitCodes", "03253").param("startedOn", "2025-03-03").param("endedOn", "2025-03-03")
			.param("topics", "CHILD_RIGHTS"));
		ids.put("activity", activity.replaceAll(".*/outreach/activities/([0-9]+).*", "$1"));
		JsonNode found = client.json(Caller.COMMUNE, get("/api/v1/outreach/activities/" + id("activity")));
		ids.put("material", text(found.get("materials").get(0), "id"));
		// an opinion of the commune's children's forum addressed to the commune's committee, not to the police
		JsonNode opinion = first(client.json(Caller.COMMUNE, get("/api/v1/outreach/opinions")),
				o -> text(o, "answeringAgencyName").equals("UBND xã Tuần Giáo"));
		ids.put("opinion", text(opinion, "id"));
		ids.put("forum", text(opinion, "activityId"));
		secrets.put("opinion", List.of(text(opinion, "content")));
	}

	/**
	 * xa.a's 2022 assessment of Thị trấn Tuần Giáo (03253 before the 2025 reform) with an evidence file, the criteria
	 * of QĐ 06/QĐ-TTg, and the demo's 2025 assessment of Xã Quài Tở, xa.b's commune.
	 */
	private void childFriendly() {
		JsonNode assessment = client.json(Caller.COMMUNE, post("/api/v1/child-friendly/assessments")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"unitCode\":\"03253\",\"year\":2022,\"category\":\"MOUNTAIN_ISLAND_DISADVANTAGED\"}"));
		ids.put("assessment", text(assessment, "id"));
		ids.put("assessmentFile", text(client.json(Caller.COMMUNE,
				multipart("/api/v1/child-friendly/assessments/" + id("assessment") + "/files")
					.file(new MockMultipartFile("file", "bien-ban-ma-tran.pdf", "application/pdf", PDF))), "id"));
		JsonNode criterion = client.json(Caller.COMMUNE, get("/api/v1/child-friendly/criteria").param("year", "2022"))
			.get("criteria").get(0);
		ids.put("criterion", text(criterion, "id"));
		ids.put("criterionItem", text(criterion.get("items").get(0), "id"));
		JsonNode quaiTo = first(client.json(Caller.FOREIGN_COMMUNE, get("/api/v1/child-friendly/communes")
			.param("year", "2025")), c -> c.get("assessment") != null && !c.get("assessment").isNull());
		ids.put("foreignAssessment", text(quaiTo.get("assessment"), "id"));
	}

	/** The demo's prevention work in Thọ Xuân, as its inspector lists it; a support record cb.a opens in Tuần Giáo. */
	private void prostitution() {
		ids.put("preventionUnit", "38");
		JsonNode establishment = client.json(Caller.INSPECTOR, get("/api/v1/prostitution/establishments")).get(0);
		ids.put("establishment", text(establishment, "id"));
		secrets.put("establishment", List.of(plain(text(establishment, "name"))));
		secrets.put("team", List.of(plain(text(client.json(Caller.INSPECTOR, get("/api/v1/prostitution/teams")).get(0),
				"name"))));
		JsonNode inspections = client.json(Caller.INSPECTOR, get("/api/v1/prostitution/inspections"));
		for (JsonNode summary : inspections) {
			JsonNode inspection = client.json(Caller.INSPECTOR,
					get("/api/v1/prostitution/inspections/" + text(summary, "id")));
			if (!inspection.get("followUps").isEmpty() && !ids.containsKey("followUp")) {
				ids.put("inspection", text(inspection, "id"));
				secrets.put("inspected", List.of(plain(text(inspection, "establishmentName"))));
				ids.put("followUp", text(inspection.get("followUps").get(0), "id"));
			}
		}
		id("followUp");
		JsonNode tipOff = client.json(Caller.INSPECTOR, get("/api/v1/prostitution/tip-offs")).get(0);
		ids.put("tipOff", text(tipOff, "id"));
		secrets.put("tipOff", List.of(plain(text(tipOff, "content"))));
		String record = client.redirect(Caller.CASE_WORKER, post("/prostitution/support").param("birthYear", "1998")
			.param("sex", "FEMALE").param("unitCode", "03253").param("consentOn", "2026-01-05")
			.param("reintegrationStatus", "IN_PROGRESS"));
		ids.put("supportRecord", record.replaceAll(".*/prostitution/support/([0-9]+).*", "$1"));
		secrets.put("supportRecord", List.of(text(client.json(Caller.CASE_WORKER,
				get("/api/v1/prostitution/support-records/" + id("supportRecord"))), "code")));
	}

	/** An obligation of Xã Tuần Giáo to the province, with its report opened by xa.a. */
	private void reporting() {
		JsonNode obligations = client.json(Caller.COMMUNE, get("/api/v1/reporting/obligations").param("unit", "03253"));
		JsonNode obligation = first(obligations, o -> text(o, "reporterUnitCode").equals("03253")
				&& text(o, "recipientUnitCode").equals("11"));
		ids.put("obligation", text(obligation, "id"));
		ids.put("reportPeriod", text(obligation, "period"));
		JsonNode report = client.json(Caller.COMMUNE,
				post("/api/v1/reporting/obligations/" + id("obligation") + "/report"));
		ids.put("periodicReport", text(report, "id"));
	}

	private void indicators() {
		JsonNode indicators = client.json(Caller.COMMUNE, get("/api/v1/indicators"));
		ids.put("indicator", text(first(indicators, i -> !text(i, "method").equals("ENTERED")), "code"));
		ids.put("enteredIndicator", text(first(indicators, i -> text(i, "method").equals("ENTERED")), "code"));
	}

	private void administration() {
		JsonNode days = client.json(Caller.COMMUNE, get("/api/v1/calendar/2025"));
		ids.put("calendarOverride", text(first(days, d -> !d.get("overrideId").isNull()), "overrideId"));
		// the notification that told xa.a of the matrix case: no API lists notifications (the inbox page does)
		String link = "/cases/" + id("case");
		ids.put("notification", String.valueOf(jdbc.sql("""
				SELECT n.id FROM notifications.notification n JOIN identity.app_user u ON u.id = n.user_id
				WHERE u.username = 'xa.a' AND n.link = :link ORDER BY n.id LIMIT 1""").param("link", link)
			.query(Long.class).single()));
		secrets.put("notificationLink", List.of(link));
	}

	/** The text up to its first character that JSON or HTML would escape, so that it is found in either. */
	private static String plain(String text) {
		return text.split("[\"'&<>]")[0].strip();
	}

	private static JsonNode first(JsonNode array, Predicate<JsonNode> test) {
		return StreamSupport.stream(array.spliterator(), false).filter(test).findFirst()
			.orElseThrow(() -> new IllegalStateException("nothing fits in " + array));
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			throw new IllegalStateException("no " + field + " in " + node);
		}
		return value.asString();
	}
}
