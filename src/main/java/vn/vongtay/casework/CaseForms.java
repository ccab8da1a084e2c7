package vn.vongtay.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.audit.AuditLog;
import vn.vongtay.core.OfficialDocument;
import vn.vongtay.core.OfficialDocument.Column;
import vn.vongtay.core.OfficialDocument.Field;
import vn.vongtay.core.OfficialDocument.Signature;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.Units;

/**
 * The official forms of Nghị định 56/2017 (Mẫu 01-07) filled from a case, as DOCX in the administrative layout, ready
 * to print and sign. Only the wording a source confirms is printed as the decree's (docs/reference/nd56-forms.md: Mẫu
 * 01 whole, the harm criteria of Mẫu 06); the other forms carry the content the decree asks for under headings of
 * the system's, and say so in their footnote. The informant's identity is never printed. Each download is audited.
 */
@Component
@Transactional(readOnly = true)
public class CaseForms {

	public enum Form {
		MAU_01, MAU_02, MAU_03, MAU_04, MAU_05, MAU_06, MAU_07;

		public String number() {
			return name().substring(4);
		}

		public static Optional<Form> of(String number) {
			for (Form form : values()) {
				if (form.number().equals(number) || form.name().equalsIgnoreCase(number)) {
					return Optional.of(form);
				}
			}
			return Optional.empty();
		}
	}

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private final Cases cases;
	private final CaseRecords records;
	private final Units units;
	private final MessageSource messages;
	private final AuditLog audit;
	private final Clock clock;

	CaseForms(Cases cases, CaseRecords records, Units units, MessageSource messages, AuditLog audit, Clock clock) {
		this.cases = cases;
		this.records = records;
		this.units = units;
		this.messages = messages;
		this.audit = audit;
		this.clock = clock;
	}

	/** The forms the case has reached: each needs the step whose content it prints. */
	public static Set<Form> available(ChildCase c) {
		Set<String> steps = c.steps().stream().map(CaseStep::step).collect(Collectors.toSet());
		Set<Form> forms = java.util.EnumSet.noneOf(Form.class);
		if (!c.reports().isEmpty()) {
			forms.add(Form.MAU_01);
		}
		if (steps.contains(CaseAction.ASSESS_INITIAL.name())) {
			forms.add(Form.MAU_02);
		}
		if (steps.contains(CaseAction.ASSESS_DETAILED.name())) {
			forms.add(Form.MAU_03);
		}
		if (!c.plans().isEmpty()) {
			forms.add(Form.MAU_04);
		}
		if (c.plans().stream().anyMatch(p -> p.approvedAt() != null)) {
			forms.add(Form.MAU_05);
		}
		if (steps.contains(CaseAction.REVIEW_AND_CLOSE.name()) || steps.contains(CaseAction.REVIEW_AND_REPLAN.name())) {
			forms.add(Form.MAU_06);
		}
		if (steps.contains(CaseAction.TAKE_EMERGENCY_MEASURE.name())) {
			forms.add(Form.MAU_07);
		}
		return forms;
	}

	/** A form filled from the case, for those who need to know it; a form the case has not reached yet is refused. */
	public byte[] generate(long caseId, Form form) {
		ChildCase c = cases.get(caseId);
		AdministrativeUnit unit = units.findById(c.unitId()).orElseThrow();
		byte[] document = switch (form) {
			case MAU_01 -> intake(c, unit);
			case MAU_02 -> initialAssessment(c, unit);
			case MAU_03 -> detailedAssessment(c, unit);
			case MAU_04 -> plan(c, unit);
			case MAU_05 -> approval(c, unit);
			case MAU_06 -> review(c, unit);
			case MAU_07 -> emergency(c, unit);
		};
		audit.record("CASE_FORM_DOWNLOADED", "Case", caseId, c.unitId(), "Mẫu " + form.number());
		return document;
	}

	/** Mẫu 01, from the first report of the case, with its wording as the decree prints it. */
	private byte[] intake(ChildCase c, AdministrativeUnit unit) {
		Report report = c.reports().stream().findFirst()
			.orElseThrow(() -> notReached(Form.MAU_01));
		boolean hotline = report.channel() == ReportChannel.HOTLINE_111;
		String category = report.suspectedForms().isEmpty() ? "CÓ NGUY CƠ BỊ BẠO LỰC, BÓC LỘT, BỎ RƠI" : "BỊ XÂM HẠI";
		OfficialDocument doc = OfficialDocument.create()
			.formLayout()
			.issuingBody(hotline ? "TỔNG ĐÀI ĐIỆN THOẠI QUỐC GIA\nBẢO VỆ TRẺ EM 111" : committee(unit))
			.numberToFill(hotline ? "BC-TĐ111" : "BC-UBND")
			.dated(place(unit), report.receivedAt().toLocalDate())
			.kind("BÁO CÁO")
			.summary("TIẾP NHẬN THÔNG TIN TRẺ EM " + category)
			.heading("A. Thông tin chung")
			.heading("1. Nguồn nhận thông tin")
			.field("Thông qua (điện thoại/gặp trực tiếp/người khác báo):", label("casework.channel." + report.channel()))
			.fields(new Field("Thời gian (mấy giờ)", report.receivedAt().format(TIME)),
					new Field("Ngày", String.format("%02d", report.receivedAt().getDayOfMonth())),
					new Field("tháng", String.valueOf(report.receivedAt().getMonthValue())),
					new Field("năm", String.valueOf(report.receivedAt().getYear())))
			.heading("2. Thông tin về trẻ em")
			.field("Họ và tên trẻ em", report.childName())
			.fields(new Field("Ngày tháng năm sinh", report.childBirthDate() == null || report.childBirthEstimated() ? null
					: report.childBirthDate().format(DATE)),
					new Field("hoặc ước lượng tuổi", report.childBirthDate() != null && report.childBirthEstimated()
							? String.valueOf(report.receivedAt().getYear() - report.childBirthDate().getYear()) : null))
			.choices("Giới tính:", List.of("Nam", "Nữ", "Không biết"), Set.of(sex(report.childSex())))
			.field("Địa điểm xảy ra vụ việc", report.place())
			.field("Tình trạng hiện tại của trẻ em:", report.condition())
			.field("Phỏng đoán hậu quả có thể sẽ xảy ra cho trẻ em nếu không có được hỗ trợ, can thiệp?",
					report.consequences())
			.field("Họ và tên cha, mẹ; hoàn cảnh gia đình:", report.parents())
			.field("Hiện ai là người chăm sóc trẻ em (nếu biết)", report.caregiver())
			.field("Những hành động hỗ trợ, can thiệp đã thực hiện đối với trẻ em trước khi nhận được thông tin:",
					report.actionsTaken());
		if (!report.suspectedForms().isEmpty()) {
			doc.field("Hình thức xâm hại nghi ngờ (bổ sung của hệ thống theo Điều 4 Luật Trẻ em):",
					report.suspectedForms().stream().map(f -> label("casework.abuse-form." + f))
						.collect(Collectors.joining(", ")));
		}
		doc.heading("3. Thông tin về người cung cấp thông tin (nếu đồng ý cung cấp)")
			.paragraph("Thông tin về người cung cấp thông tin được giữ bí mật (Điều 56 Luật Trẻ em) và không in trên"
					+ " bản xuất từ hệ thống; cán bộ tiếp nhận xem trên hồ sơ.")
			.signatures(null, new Signature(null, "Cán bộ tiếp nhận thông tin", "(Ký, ghi rõ họ tên)",
					report.receivedByName()))
			.note("Mẫu số 01 ban hành kèm theo Nghị định số 56/2017/NĐ-CP. " + origin(c, report.reference()));
		return doc.toBytes();
	}

	/** Mẫu 02: the initial assessment and whether emergency measures are needed. */
	private byte[] initialAssessment(ChildCase c, AdministrativeUnit unit) {
		InitialAssessment a = records.latestContent(c.id(), CaseAction.ASSESS_INITIAL.name(), InitialAssessment.class)
			.orElseThrow(() -> notReached(Form.MAU_02));
		OfficialDocument doc = caseForm(unit, a.assessedAt().toLocalDate(), "BẢN ĐÁNH GIÁ",
				"Nguy cơ ban đầu, thực hiện các biện pháp bảo đảm an toàn tạm thời cho trẻ em");
		childLines(doc, c);
		doc.fields(new Field("Thời gian đánh giá", a.assessedAt().format(TIME) + " ngày " + a.assessedAt().format(DATE)))
			.field("Người tham gia đánh giá:", a.participants())
			.heading("1. Tình trạng của trẻ em")
			.paragraph(orDots(a.childCondition()))
			.heading("2. Mức độ an toàn hiện tại của trẻ em")
			.paragraph(orDots(a.immediateSafety()))
			.heading("3. Kết luận đánh giá nguy cơ ban đầu")
			.choices("Mức độ nguy cơ:", levels(), Set.of(label("casework.risk." + a.riskLevel())))
			.checkbox("Tính mạng, sức khỏe, nhân phẩm của trẻ em bị đe dọa nghiêm trọng: cần áp dụng biện pháp can"
					+ " thiệp khẩn cấp trong thời hạn quy định", a.riskLevel().callsForEmergencyMeasures())
			.field("Hình thức xâm hại có dấu hiệu:", a.abuseIndicated().stream()
				.map(f -> label("casework.abuse-form." + f)).collect(Collectors.joining(", ")))
			.heading("4. Nhu cầu cần hỗ trợ ngay của trẻ em")
			.paragraph(orDots(a.immediateNeeds()))
			.heading("5. Đề xuất")
			.paragraph(orDots(a.recommendation()));
		return caseWorkerSigned(doc, c, Form.MAU_02);
	}

	/** Mẫu 03: the detailed assessment from which the plan is drafted. */
	private byte[] detailedAssessment(ChildCase c, AdministrativeUnit unit) {
		DetailedAssessment a = records.latestContent(c.id(), CaseAction.ASSESS_DETAILED.name(),
				DetailedAssessment.class).orElseThrow(() -> notReached(Form.MAU_03));
		OfficialDocument doc = caseForm(unit, a.assessedAt().toLocalDate(), "BẢN ĐÁNH GIÁ",
				"Nguy cơ cụ thể đối với trẻ em");
		childLines(doc, c);
		doc.field("Ngày đánh giá:", a.assessedAt().format(DATE))
			.field("Người tham gia đánh giá:", a.participants())
			.heading("1. Tình trạng thể chất của trẻ em").paragraph(orDots(a.physicalState()))
			.heading("2. Tình trạng tâm lý của trẻ em").paragraph(orDots(a.psychologicalState()))
			.heading("3. Tình trạng tình cảm của trẻ em").paragraph(orDots(a.emotionalState()))
			.heading("4. Hoàn cảnh gia đình").paragraph(orDots(a.familySituation()))
			.heading("5. Khả năng bảo vệ trẻ em của cha, mẹ, người chăm sóc").paragraph(orDots(a.caregiverCapacity()))
			.heading("6. Nhu cầu của trẻ em").paragraph(orDots(a.needs()))
			.heading("7. Kết luận")
			.choices("Mức độ nguy cơ:", levels(), Set.of(label("casework.risk." + a.riskLevel())));
		return caseWorkerSigned(doc, c, Form.MAU_03);
	}

	/** Mẫu 04: the plan of the current cycle with its services. */
	private byte[] plan(ChildCase c, AdministrativeUnit unit) {
		InterventionPlan p = c.currentPlan().or(() -> c.plans().stream().reduce((a, b) -> b))
			.orElseThrow(() -> notReached(Form.MAU_04));
		OfficialDocument doc = caseForm(unit, p.draftedAt().toLocalDate(), "KẾ HOẠCH",
				"Hỗ trợ, can thiệp đối với trẻ em" + (p.cycle() > 1 ? " (lần " + p.cycle() + ")" : ""));
		childLines(doc, c);
		doc.heading("I. MỤC TIÊU").paragraph(p.goals());
		List<List<?>> rows = new ArrayList<>();
		int i = 1;
		for (InterventionPlan.PlanItem item : p.items()) {
			rows.add(List.of(i++, label("casework.service." + item.service()),
					item.description() == null ? "" : item.description(),
					item.agencyName() != null ? item.agencyName() : item.providerName() == null ? "" : item.providerName(),
					item.dueOn()));
		}
		doc.heading("II. CÁC HOẠT ĐỘNG HỖ TRỢ, CAN THIỆP")
			.table(List.of(Column.centred("STT", 8), Column.text("Dịch vụ", 28), Column.text("Nội dung", 45),
					Column.text("Cơ quan, người thực hiện", 38), Column.centred("Thời hạn", 20)), rows)
			.heading("III. RÀ SOÁT, ĐÁNH GIÁ")
			.paragraph("Kế hoạch được rà soát, đánh giá vào ngày " + p.reviewOn().format(DATE) + ".");
		PlanMeeting m = p.meeting();
		// Art. 27-28: the plan is agreed at a meeting; its minutes go with the plan submitted to the chairman
		doc.heading("IV. BIÊN BẢN CUỘC HỌP XÂY DỰNG KẾ HOẠCH");
		if (m == null) {
			doc.paragraph("Ngày họp: " + orDots(null) + "; chủ trì: " + orDots(null) + ".")
				.paragraph("Thành phần tham dự: " + orDots(null) + ".")
				.paragraph("Kết luận: " + orDots(null));
		}
		else {
			doc.paragraph("Ngày họp: " + m.heldOn().format(DATE) + ". Chủ trì: " + m.chair() + ".")
				.paragraph("Thành phần tham dự: " + orDots(m.participants()) + ".")
				.paragraph("Kết luận: " + m.conclusions());
		}
		if (p.notes() != null) {
			doc.heading("V. GHI CHÚ").paragraph(p.notes());
		}
		doc.signatures(Signature.of(null, "Người lập kế hoạch", p.draftedByName()),
				p.approvedAt() == null ? Signature.toSign("Phê duyệt của Chủ tịch UBND", "(Ký, ghi rõ họ tên, đóng dấu)")
						: Signature.of("Phê duyệt", "Chủ tịch", p.approvedByName()))
			.note(formNote(Form.MAU_04, c));
		return doc.toBytes();
	}

	/** Mẫu 05: the chairman's decision approving the plan. */
	private byte[] approval(ChildCase c, AdministrativeUnit unit) {
		InterventionPlan p = c.plans().stream().filter(x -> x.approvedAt() != null).reduce((a, b) -> b)
			.orElseThrow(() -> notReached(Form.MAU_05));
		OfficialDocument doc = OfficialDocument.create()
			.issuingBody(committee(unit));
		if (p.decisionNumber() != null) {
			doc.number(p.decisionNumber());
		}
		else {
			doc.numberToFill("QĐ-UBND");
		}
		doc.dated(place(unit), p.approvedAt().toLocalDate())
			.kind("QUYẾT ĐỊNH")
			.summary("Về việc phê duyệt kế hoạch hỗ trợ, can thiệp đối với trẻ em")
			.centred("CHỦ TỊCH " + committee(unit).replace('\n', ' '), true)
			.bases("Căn cứ Luật Tổ chức chính quyền địa phương;", "Căn cứ Luật Trẻ em ngày 05 tháng 4 năm 2016;",
					"Căn cứ Nghị định số 56/2017/NĐ-CP ngày 09 tháng 5 năm 2017 của Chính phủ quy định chi tiết một số"
							+ " điều của Luật Trẻ em;",
					"Xét đề nghị của người làm công tác bảo vệ trẻ em cấp xã.")
			.centred("QUYẾT ĐỊNH:", true)
			.paragraph("Điều 1.", " Phê duyệt kế hoạch hỗ trợ, can thiệp đối với trẻ em " + childDescription(c)
					+ " (hồ sơ số " + c.number() + "), có kế hoạch kèm theo, gồm " + p.items().size()
					+ " hoạt động; rà soát, đánh giá vào ngày " + p.reviewOn().format(DATE) + ".")
			.paragraph("Điều 2.", " Người làm công tác bảo vệ trẻ em cấp xã và các cơ quan, tổ chức, cá nhân được"
					+ " phân công trong kế hoạch có trách nhiệm thực hiện kế hoạch này.")
			.paragraph("Điều 3.", " Quyết định này có hiệu lực kể từ ngày ký.")
			.closing(List.of("Như Điều 2", "Cha, mẹ, người chăm sóc trẻ em"), null,
					Signature.of(null, "Chủ tịch", p.approvedByName()))
			.note(formNote(Form.MAU_05, c));
		return doc.toBytes();
	}

	/** Mẫu 06: the review, with the decree's harm criteria. */
	private byte[] review(ChildCase c, AdministrativeUnit unit) {
		Review r = records.latestContent(c.id(), CaseAction.REVIEW_AND_CLOSE.name(), Review.class)
			.or(() -> records.latestContent(c.id(), CaseAction.REVIEW_AND_REPLAN.name(), Review.class))
			.orElseThrow(() -> notReached(Form.MAU_06));
		OfficialDocument doc = caseForm(unit, r.reviewedAt().toLocalDate(), "RÀ SOÁT, ĐÁNH GIÁ",
				"Tình trạng của trẻ em sau khi thực hiện kế hoạch hỗ trợ, can thiệp");
		doc.field("Họ và tên trẻ em:", c.childName())
			.field("Họ và tên cán bộ thực hiện:", c.caseWorkerName())
			.field("Ngày, tháng, năm thực hiện:", r.reviewedAt().format(DATE))
			.heading("1. Đánh giá nguy cơ tại giai đoạn kết thúc")
			.subheading("a) Đánh giá mức độ tổn hại của trẻ em");
		List<ReviewCriterion> harm = List.of(ReviewCriterion.HARM_STILL_SERIOUS, ReviewCriterion.ABUSER_ACCESS,
				ReviewCriterion.CARE_ENVIRONMENT_OBSTACLES);
		List<List<?>> rows = new ArrayList<>();
		Map<Rating, Integer> totals = new java.util.EnumMap<>(Rating.class);
		int n = 1;
		for (ReviewCriterion criterion : harm) {
			Rating rating = r.ratings().get(criterion);
			totals.merge(rating, 1, Integer::sum);
			rows.add(List.of(n++ + ". " + label("casework.criterion." + criterion), label("casework.rating." + rating)));
		}
		rows.add(List.of("Tổng số", "Cao: " + totals.getOrDefault(Rating.HIGH, 0) + "; Trung bình: "
				+ totals.getOrDefault(Rating.MEDIUM, 0) + "; Thấp: " + totals.getOrDefault(Rating.LOW, 0)));
		doc.table(List.of(Column.text("Đánh giá mức độ tổn hại của trẻ em", 100),
				Column.centred("Mức độ (Cao, Trung bình, Thấp)", 40)), rows)
			.subheading("b) Đánh giá khả năng tự bảo vệ, phục hồi của trẻ em")
			.table(List.of(Column.text("Đánh giá khả năng tự bảo vệ, phục hồi của trẻ em", 100),
					Column.centred("Mức độ (Cao, Trung bình, Thấp)", 40)),
					List.of(List.of(label("casework.criterion." + ReviewCriterion.SELF_PROTECTION_AND_RECOVERY),
							label("casework.rating." + r.ratings().get(ReviewCriterion.SELF_PROTECTION_AND_RECOVERY)))))
			.heading("2. Nhận xét")
			.paragraph(r.findings())
			.heading("3. Kết luận")
			.checkbox("Đóng hồ sơ" + (r.close() && r.outcome() != null
					? ": " + label("casework.outcome." + r.outcome()) : ""), r.close())
			.checkbox("Xây dựng kế hoạch hỗ trợ, can thiệp tiếp theo", !r.close());
		if (r.nextSteps() != null) {
			doc.paragraph(r.nextSteps());
		}
		return caseWorkerSigned(doc, c, Form.MAU_06);
	}

	/** Mẫu 07: the decision on emergency measures or the temporary isolation of the child. */
	private byte[] emergency(ChildCase c, AdministrativeUnit unit) {
		EmergencyMeasure m = records.latestContent(c.id(), CaseAction.TAKE_EMERGENCY_MEASURE.name(),
				EmergencyMeasure.class).orElseThrow(() -> notReached(Form.MAU_07));
		boolean isolation = m.measures().contains(EmergencyMeasureKind.TEMPORARY_ISOLATION_FROM_ABUSER);
		// the chairman decides on the case worker's proposal (the decision is the chairman's, signed by the chairman)
		boolean proposed = c.steps().stream()
			.anyMatch(s -> s.step().equals(CaseAction.PROPOSE_EMERGENCY_MEASURE.name()) && !s.takenAt().isAfter(m.takenAt()));
		OfficialDocument doc = OfficialDocument.create().issuingBody(committee(unit));
		if (m.decisionNumber() != null) {
			doc.number(m.decisionNumber());
		}
		else {
			doc.numberToFill("QĐ-UBND");
		}
		doc.dated(place(unit), m.takenAt().toLocalDate())
			.kind("QUYẾT ĐỊNH")
			.summary(isolation ? "Về việc tạm thời cách ly trẻ em khỏi cha, mẹ, người chăm sóc trẻ em"
					: "Về việc áp dụng biện pháp can thiệp khẩn cấp đối với trẻ em")
			.centred("CHỦ TỊCH " + committee(unit).replace('\n', ' '), true)
			.bases("Căn cứ Luật Tổ chức chính quyền địa phương;", "Căn cứ Luật Trẻ em ngày 05 tháng 4 năm 2016;",
					"Căn cứ Nghị định số 56/2017/NĐ-CP ngày 09 tháng 5 năm 2017 của Chính phủ quy định chi tiết một số"
							+ " điều của Luật Trẻ em;",
					"Xét báo cáo đánh giá nguy cơ ban đầu đối với trẻ em (hồ sơ số " + c.number() + ")"
							+ (proposed ? " và đề xuất của người làm công tác bảo vệ trẻ em cấp xã." : "."))
			.centred("QUYẾT ĐỊNH:", true)
			.paragraph("Điều 1.", " Áp dụng đối với trẻ em " + childDescription(c) + " các biện pháp sau: "
					+ m.measures().stream().map(k -> label("casework.emergency." + k)).collect(Collectors.joining("; "))
					+ ", từ " + m.takenAt().format(TIME) + " ngày " + m.takenAt().format(DATE)
					+ (m.until() == null ? "" : " đến ngày " + m.until().format(DATE)) + ".")
			.paragraph("Điều 2.", " Nơi chăm sóc trẻ em trong thời gian áp dụng: " + orDots(m.careArrangement()) + ".");
		if (m.description() != null) {
			doc.paragraph("Điều 3.", " " + m.description());
		}
		doc.paragraph(m.description() == null ? "Điều 3." : "Điều 4.",
				" Quyết định này có hiệu lực kể từ ngày ký. Người làm công tác bảo vệ trẻ em cấp xã và các cơ quan,"
						+ " tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành.")
			.closing(List.of("Như Điều " + (m.description() == null ? "3" : "4"), "Cha, mẹ, người chăm sóc trẻ em"),
					null, Signature.of(null, "Chủ tịch", m.decidedBy()))
			.note(formNote(Form.MAU_07, c));
		return doc.toBytes();
	}

	// --- shared pieces ---

	private OfficialDocument caseForm(AdministrativeUnit unit, LocalDate on, String kind, String summary) {
		return OfficialDocument.create()
			.formLayout()
			.issuingBody(committee(unit))
			.numberToFill(null)
			.dated(place(unit), on)
			.kind(kind)
			.summary(summary);
	}

	private void childLines(OfficialDocument doc, ChildCase c) {
		doc.field("Họ và tên trẻ em:", c.childName())
			.fields(new Field("Ngày sinh", c.childBirthDate() == null ? null
					: c.childBirthEstimated() ? "khoảng năm " + c.childBirthDate().getYear()
							: c.childBirthDate().format(DATE)),
					new Field("Giới tính", label("casework.sex." + c.childSex())))
			.field("Hồ sơ số:", c.number());
	}

	private byte[] caseWorkerSigned(OfficialDocument doc, ChildCase c, Form form) {
		return doc.signatures(null, Signature.of(null, "Người làm công tác bảo vệ trẻ em", c.caseWorkerName()))
			.note(formNote(form, c))
			.toBytes();
	}

	private String formNote(Form form, ChildCase c) {
		return "Mẫu số " + form.number() + " theo Nghị định số 56/2017/NĐ-CP; bố cục và tiêu đề các mục do hệ thống"
				+ " lập theo nội dung Nghị định yêu cầu. " + origin(c, null);
	}

	private String origin(ChildCase c, String reference) {
		return "Lập từ hồ sơ " + c.number() + (reference == null ? "" : ", thông báo " + reference)
				+ " trên hệ thống Vòng Tay ngày " + LocalDate.now(clock).format(DATE) + ".";
	}

	private static String childDescription(ChildCase c) {
		StringBuilder text = new StringBuilder(c.childName() == null ? "(chưa rõ họ tên)" : c.childName());
		if (c.childBirthDate() != null) {
			text.append(c.childBirthEstimated() ? ", sinh khoảng năm " + c.childBirthDate().getYear()
					: ", sinh ngày " + c.childBirthDate().format(DATE));
		}
		return text.toString();
	}

	private List<String> levels() {
		return java.util.Arrays.stream(RiskLevel.values()).map(r -> label("casework.risk." + r)).toList();
	}

	/** «ỦY BAN NHÂN DÂN / XÃ TUẦN GIÁO», the issuing body of a commune (or province) as the heading prints it. */
	static String committee(AdministrativeUnit unit) {
		return "ỦY BAN NHÂN DÂN\n" + unit.fullName().toUpperCase(VIETNAMESE);
	}

	/** The place name of the date line: the unit's name without its kind (Xã, Phường, Tỉnh ...). */
	static String place(AdministrativeUnit unit) {
		return unit.fullName().replaceFirst("^(Xã|Phường|Thị trấn|Đặc khu|Thị xã|Thành phố|Tỉnh|Huyện|Quận) ", "");
	}

	private static String sex(vn.vongtay.children.Sex sex) {
		return switch (sex) {
			case MALE -> "Nam";
			case FEMALE -> "Nữ";
			case UNKNOWN -> "Không biết";
		};
	}

	private static String orDots(String text) {
		return text == null ? OfficialDocument.TO_FILL : text;
	}

	private String label(String key) {
		return messages.getMessage(key, null, key, VIETNAMESE);
	}

	private static UserFacingException notReached(Form form) {
		return UserFacingException.conflict("casework.error.form-not-reached", form.number());
	}
}
