package vn.vongtay.planning.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.audit.AuditLog;
import vn.vongtay.core.InputProblem;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.VietnameseFormats;
import vn.vongtay.directory.Agencies;
import vn.vongtay.directory.AgencyDraft;
import vn.vongtay.directory.AgencyMatch;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.Units;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.SignedInUser;
import vn.vongtay.planning.AgenciesToConfirm;
import vn.vongtay.planning.AgencyChoices;
import vn.vongtay.planning.internal.PlanDocument.AgencyEntry;
import vn.vongtay.planning.internal.PlanDocument.AllowanceEntry;
import vn.vongtay.planning.internal.PlanDocument.FigureEntry;
import vn.vongtay.planning.internal.PlanDocument.Answer;
import vn.vongtay.planning.internal.PlanDocument.Header;
import vn.vongtay.planning.internal.PlanDocument.ObjectiveEntry;
import vn.vongtay.planning.internal.PlanDocument.Place;
import vn.vongtay.planning.internal.PlanDocument.Reference;
import vn.vongtay.planning.internal.PlanDocument.ReportingEntry;
import vn.vongtay.planning.internal.PlanDocument.TargetEntry;
import vn.vongtay.planning.internal.PlanDocument.TaskEntry;
import vn.vongtay.planning.internal.PlanDocument.Timeframe;

/**
 * Loads a plan document into the database in one transaction: the issuing unit and every agency are looked up as they
 * were when the plan was issued, and any problem found against the database is reported with its place in the file,
 * after which nothing is stored. An agency is the directory's when the directory has one of that unit, kind and name
 * on that date ({@link Agencies#match}); any other is added only once a person confirms it, or chooses the directory
 * agency it is (issue 18, section 2: imports created "Sở Y tế" beside "Sở Y tế tỉnh Cao Bằng").
 */
@Component
public class PlanImporter {

	private final JdbcClient jdbc;
	private final Units units;
	private final Agencies agencies;
	private final Jurisdictions jurisdictions;
	private final PlanAccess access;
	private final AuditLog audit;

	PlanImporter(JdbcClient jdbc, Units units, Agencies agencies, Jurisdictions jurisdictions, PlanAccess access,
			AuditLog audit) {
		this.jdbc = jdbc;
		this.access = access;
		this.units = units;
		this.agencies = agencies;
		this.jurisdictions = jurisdictions;
		this.audit = audit;
	}

	/**
	 * @return the new plan's id
	 * @throws UserFacingException 403 when the caller may not import plans, 422 with every problem (line and path)
	 *         when the document cannot be loaded
	 * @throws AgenciesToConfirm when the document is right but names agencies a person has to confirm
	 */
	@Transactional
	public long importDocument(String text, AgencyChoices choices) {
		return importDocument(text, null, choices, false);
	}

	/**
	 * Imports a seed plan, whose text as issued is kept beside it. A seed's transcription was checked against its
	 * source, so the loader confirms its agencies itself: an agency of the same name and kind on the unit that
	 * continues the plan's unit under the same code (the province of Cao Bằng before and after 01/07/2025) is that
	 * agency; any other is new.
	 */
	@Transactional
	public long importSeed(String text, String originalText) {
		return importDocument(text, originalText, AgencyChoices.NONE, true);
	}

	private long importDocument(String text, String originalText, AgencyChoices choices, boolean seed) {
		access.requireImporter();
		PlanDocument document = PlanDocumentReader.read(text);
		Header plan = originalText == null ? document.plan() : document.plan().withOriginalText(originalText);
		List<InputProblem> problems = new ArrayList<>();
		if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM planning.plan WHERE key = :key)").param("key", plan.key())
			.query(Boolean.class).single()) {
			problems.add(at(plan.keyPlace(), "error.plan.key-taken", plan.key()));
		}
		LocalDate asOf = plan.asOf();
		Optional<AdministrativeUnit> issuer = units.findByCode(plan.issuerUnitCode(), asOf);
		if (issuer.isEmpty()) {
			problems.add(at(plan.issuerPlace(), "error.plan.unit-unknown", plan.issuerUnitCode(), VietnameseFormats.date(asOf)));
		}
		else if (!jurisdictions.covers(issuer.get().id())) {
			problems.add(at(plan.issuerPlace(), "error.unit.outside-jurisdiction", plan.issuerUnitCode()));
		}
		Map<String, AdministrativeUnit> agencyUnits = new HashMap<>();
		for (AgencyEntry agency : document.agencies()) {
			Optional<AdministrativeUnit> unit = units.findByCode(agency.unitCode(), asOf);
			if (unit.isEmpty()) {
				problems.add(at(agency.place(), "error.plan.unit-unknown", agency.unitCode(), VietnameseFormats.date(asOf)));
			}
			else {
				agencyUnits.put(agency.key(), unit.get());
			}
		}
		Map<String, Long> targetUnits = new HashMap<>();
		for (TargetEntry target : allTargets(document)) {
			if (target.unitCode() != null) {
				units.findByCode(target.unitCode(), asOf).ifPresentOrElse(u -> targetUnits.put(target.code(), u.id()),
						() -> problems.add(at(target.place(), "error.plan.unit-unknown", target.unitCode(), VietnameseFormats.date(asOf))));
			}
		}
		Map<FigureEntry, Long> figureUnits = new HashMap<>();
		for (FigureEntry figure : document.figures()) {
			if (figure.unitCode() != null) {
				units.findByCode(figure.unitCode(), asOf).ifPresentOrElse(u -> figureUnits.put(figure, u.id()),
						() -> problems.add(at(figure.place(), "error.plan.unit-unknown", figure.unitCode(), VietnameseFormats.date(asOf))));
			}
		}
		AgencyDecisions agencyDecisions = decideAgencies(document, agencyUnits, asOf, choices, seed, problems);
		if (!problems.isEmpty()) {
			throw UserFacingException.rejected(problems);
		}
		if (!agencyDecisions.pending().isEmpty()) {
			throw new AgenciesToConfirm(agencyDecisions.pending(), agencyDecisions.questions());
		}
		Map<String, Long> agencyIds = new HashMap<>(agencyDecisions.matched());
		for (AgencyEntry agency : agencyDecisions.created()) {
			AdministrativeUnit unit = agencyUnits.get(agency.key());
			try {
				agencyIds.put(agency.key(), agencies.create(new AgencyDraft(agency.kind(), agency.name(), unit.code(),
						null, null, null, null, unit.validTo())));
			}
			catch (UserFacingException e) {
				throw UserFacingException.rejected(List.of(at(agency.place(), "error.unit.outside-jurisdiction",
						agency.unitCode())));
			}
		}
		long planId = insertPlan(plan, issuer.get(), agencyIds);
		insertContent(planId, document, issuer.get().id(), agencyIds, targetUnits);
		insertSituation(planId, document, issuer.get().id(), figureUnits);
		audit.record("PLAN_IMPORTED", "Plan", planId, issuer.get().id(), plan.key());
		return planId;
	}

	/** The agencies of the document: matched in the directory, to be created, or waiting for a person. */
	private record AgencyDecisions(Map<String, Long> matched, List<AgencyEntry> created,
			List<AgenciesToConfirm.Pending> pending, List<InputProblem> questions) {
	}

	private AgencyDecisions decideAgencies(PlanDocument document, Map<String, AdministrativeUnit> agencyUnits,
			LocalDate asOf, AgencyChoices choices, boolean seed, List<InputProblem> problems) {
		Map<String, Long> matched = new HashMap<>();
		List<AgencyEntry> created = new ArrayList<>();
		List<AgenciesToConfirm.Pending> pending = new ArrayList<>();
		List<InputProblem> questions = new ArrayList<>();
		Set<String> declared = new HashSet<>();
		for (AgencyEntry agency : document.agencies()) {
			declared.add(agency.key());
			AdministrativeUnit unit = agencyUnits.get(agency.key());
			Optional<Long> chosen = choices.existing(agency.key());
			if (chosen.isPresent()) {
				if (agencies.find(chosen.get()).isPresent()) {
					matched.put(agency.key(), chosen.get());
				}
				else {
					problems.add(at(agency.place(), "error.plan.agency-choice-not-found", agency.key(), chosen.get()));
				}
				continue;
			}
			if (choices.createsNew(agency.key())) {
				created.add(agency);
				continue;
			}
			if (unit == null) {
				continue;
			}
			AgencyMatch match = agencies.match(agency.kind(), agency.name(), unit.code(), asOf);
			if (match.same() != null) {
				matched.put(agency.key(), match.same().id());
			}
			else if (seed) {
				match.candidates().stream()
					.filter(c -> c.sameName() && c.agency().unitCode().equals(unit.code()))
					.findFirst()
					.ifPresentOrElse(c -> matched.put(agency.key(), c.agency().id()), () -> created.add(agency));
			}
			else {
				pending.add(new AgenciesToConfirm.Pending(agency.key(), agency.name(), agency.kind(), unit.code(),
						unit.fullName(), agency.place() == null ? null : agency.place().line(), match.candidates()));
				questions.add(match.candidates().isEmpty()
						? at(agency.place(), "error.plan.agency-new", agency.name(), unit.fullName(), agency.key())
						: at(agency.place(), "error.plan.agency-to-confirm", agency.name(), unit.fullName(), agency.key(),
								match.candidates().stream()
									.map(c -> c.agency().name() + " (" + c.agency().unitName() + "): agency="
											+ agency.key() + ":" + c.agency().id())
									.collect(Collectors.joining("; "))));
			}
		}
		choices.keys().stream().filter(key -> !declared.contains(key)).sorted()
			.forEach(key -> problems.add(InputProblem.field("agency", "error.plan.agency-choice-unknown", key)));
		return new AgencyDecisions(matched, created, pending, questions);
	}

	private long insertPlan(Header plan, AdministrativeUnit issuer, Map<String, Long> agencyIds) {
		long planId = jdbc.sql("""
				INSERT INTO planning.plan (key, kind, number, issued_on, title, year_from, year_to, status, issuer_unit_id,
				       issuer_agency_id, province_code, submission_number, submission_date, submission_title, source_file,
				       summary, original_text, imported_by)
				VALUES (:key, :kind, :number, :issuedOn, :title, :from, :to, :status, :unit, :agency, :province,
				       :submissionNumber, :submissionDate, :submissionTitle, :sourceFile, :summary, :originalText, :by)
				RETURNING id""")
			.param("key", plan.key())
			.param("kind", plan.kind().name())
			.param("number", plan.number())
			.param("issuedOn", plan.issuedOn())
			.param("title", plan.title())
			.param("from", plan.yearFrom())
			.param("to", plan.yearTo())
			.param("status", plan.status().name())
			.param("unit", issuer.id())
			.param("agency", plan.issuerAgency() == null ? null : agencyIds.get(plan.issuerAgency()))
			.param("province", issuer.provinceCode())
			.param("submissionNumber", plan.submission() == null ? null : plan.submission().number())
			.param("submissionDate", plan.submission() == null ? null : plan.submission().issuedOn())
			.param("submissionTitle", plan.submission() == null ? null : plan.submission().title())
			.param("sourceFile", plan.sourceFile())
			.param("summary", plan.summary())
			.param("originalText", plan.originalText())
			.param("by", Jurisdictions.currentUser().map(SignedInUser::id).orElse(null))
			.query(Long.class)
			.single();
		int position = 0;
		for (Reference reference : plan.basedOn()) {
			jdbc.sql("""
					INSERT INTO planning.plan_reference (plan_id, position, kind, number, issued_on, issuer, title, implements)
					VALUES (:plan, :position, :kind, :number, :date, :issuer, :title, :implements)""")
				.param("plan", planId)
				.param("position", position++)
				.param("kind", reference.kind())
				.param("number", reference.number())
				.param("date", reference.date())
				.param("issuer", reference.issuer())
				.param("title", reference.title())
				.param("implements", reference.implementsIt())
				.update();
		}
		return planId;
	}

	private void insertContent(long planId, PlanDocument document, long issuerUnitId, Map<String, Long> agencyIds,
			Map<String, Long> targetUnits) {
		int objectivePosition = 0;
		for (ObjectiveEntry objective : document.objectives()) {
			long objectiveId = jdbc.sql("""
					INSERT INTO planning.objective (plan_id, position, number, kind, statement)
					VALUES (:plan, :position, :number, :kind, :statement) RETURNING id""")
				.param("plan", planId)
				.param("position", objectivePosition++)
				.param("number", objective.number())
				.param("kind", objective.kind().name())
				.param("statement", objective.statement())
				.query(Long.class)
				.single();
			int targetPosition = 0;
			for (TargetEntry target : objective.targets()) {
				long targetId = insertTarget(planId, objectiveId, null, targetPosition++, target, issuerUnitId, targetUnits);
				int partPosition = 0;
				for (TargetEntry part : target.parts()) {
					insertTarget(planId, objectiveId, targetId, partPosition++, part, issuerUnitId, targetUnits);
				}
			}
		}
		Map<String, LocalDate> implemented = new HashMap<>();
		document.plan().basedOn().stream().filter(Reference::implementsIt)
			.forEach(r -> implemented.putIfAbsent(r.number(), r.date()));
		int taskPosition = 0;
		for (TaskEntry task : document.tasks()) {
			Timeframe timeframe = task.timeframe();
			long taskId = jdbc.sql("""
					INSERT INTO planning.task (plan_id, position, number, section, statement, lead_agency_id, timeframe_kind,
					       timeframe_year, timeframe_quarter, due_on, timeframe_text, expected_result)
					VALUES (:plan, :position, :number, :section, :statement, :lead, :kind, :year, :quarter, :due, :text,
					       :expected) RETURNING id""")
				.param("plan", planId)
				.param("position", taskPosition++)
				.param("number", task.number())
				.param("section", task.section())
				.param("statement", task.statement())
				.param("lead", task.lead() == null ? null : agencyIds.get(task.lead()))
				.param("kind", timeframe.kind().name())
				.param("year", timeframe.year())
				.param("quarter", timeframe.quarter())
				.param("due", dueOn(timeframe, document.plan()))
				.param("text", timeframe.text())
				.param("expected", task.expectedResult())
				.query(Long.class)
				.single();
			int partnerPosition = 0;
			for (String partner : task.partners().stream().distinct().toList()) {
				jdbc.sql("INSERT INTO planning.task_partner (task_id, agency_id, position) VALUES (:task, :agency, :position)")
					.param("task", taskId)
					.param("agency", agencyIds.get(partner))
					.param("position", partnerPosition++)
					.update();
			}
			for (Answer answer : task.answers()) {
				jdbc.sql("""
						INSERT INTO planning.task_answer (task_id, higher_plan_number, higher_plan_date, higher_task_number)
						VALUES (:task, :plan, :date, :number) ON CONFLICT DO NOTHING""")
					.param("task", taskId)
					.param("plan", answer.plan())
					.param("date", implemented.get(answer.plan()))
					.param("number", answer.task())
					.update();
			}
		}
		int rulePosition = 0;
		for (ReportingEntry rule : document.reporting()) {
			jdbc.sql("""
					INSERT INTO planning.reporting_rule (plan_id, position, kind, reporter_agency_id, reporter_agency_ids,
					       recipient_agency_id, period_from, period_to, period_half, period_quarter, period_month, due_on,
					       annexes, text)
					VALUES (:plan, :position, :kind, :reporter, CAST(:reporters AS bigint[]), :recipient, :from, :to,
					       :half, :quarter, :month, :due, CAST(:annexes AS text[]), :text)""")
				.param("plan", planId)
				.param("position", rulePosition++)
				.param("kind", rule.kind().name())
				.param("reporter", rule.reporter() == null ? null : agencyIds.get(rule.reporter()))
				.param("reporters", rule.reporters().stream().map(agencyIds::get).toArray(Long[]::new))
				.param("recipient", rule.recipient() == null ? null : agencyIds.get(rule.recipient()))
				.param("from", rule.fromYear())
				.param("to", rule.toYear())
				.param("half", rule.half())
				.param("quarter", rule.quarter())
				.param("month", rule.month())
				.param("due", rule.dueOn())
				.param("annexes", rule.annexes().toArray(String[]::new))
				.param("text", rule.text())
				.update();
		}
	}

	private void insertSituation(long planId, PlanDocument document, long issuerUnitId, Map<FigureEntry, Long> figureUnits) {
		int position = 0;
		for (FigureEntry figure : document.figures()) {
			jdbc.sql("""
					INSERT INTO planning.plan_figure (plan_id, position, statement, value, measure, year_from, year_to, unit_id,
					       indicator_code, note)
					VALUES (:plan, :position, :statement, :value, :measure, :from, :to, :unit, :indicator, :note)""")
				.param("plan", planId)
				.param("position", position++)
				.param("statement", figure.statement())
				.param("value", figure.value())
				.param("measure", figure.unit().name())
				.param("from", figure.fromYear())
				.param("to", figure.toYear())
				.param("unit", figureUnits.getOrDefault(figure, issuerUnitId))
				.param("indicator", figure.indicator())
				.param("note", figure.note())
				.update();
		}
		position = 0;
		for (AllowanceEntry allowance : document.allowances()) {
			jdbc.sql("""
					INSERT INTO planning.plan_allowance (plan_id, position, recipient, coefficient, basis, amount, period, text)
					VALUES (:plan, :position, :recipient, :coefficient, :basis, :amount, :period, :text)""")
				.param("plan", planId)
				.param("position", position++)
				.param("recipient", allowance.recipient())
				.param("coefficient", allowance.coefficient())
				.param("basis", allowance.basis() == null ? null : allowance.basis().name())
				.param("amount", allowance.amount())
				.param("period", allowance.period().name())
				.param("text", allowance.text())
				.update();
		}
	}

	private long insertTarget(long planId, long objectiveId, Long parentId, int position, TargetEntry target,
			long issuerUnitId, Map<String, Long> targetUnits) {
		long targetId = jdbc.sql("""
				INSERT INTO planning.target (plan_id, objective_id, parent_id, position, code, statement, measure, direction,
				       baseline_value, baseline_year, base_year, unit_id, indicator_code)
				VALUES (:plan, :objective, :parent, :position, :code, :statement, :measure, :direction, :baselineValue,
				       :baselineYear, :baseYear, :unit, :indicator) RETURNING id""")
			.param("plan", planId)
			.param("objective", objectiveId)
			.param("parent", parentId)
			.param("position", position)
			.param("code", target.code())
			.param("statement", target.statement())
			.param("measure", target.unit().name())
			.param("direction", target.direction() == null ? null : target.direction().name())
			.param("baselineValue", target.baselineValue())
			.param("baselineYear", target.baselineYear())
			.param("baseYear", target.baseYear())
			.param("unit", targetUnits.getOrDefault(target.code(), issuerUnitId))
			.param("indicator", target.indicator())
			.query(Long.class)
			.single();
		for (Map.Entry<Integer, BigDecimal> value : target.values().entrySet()) {
			jdbc.sql("""
					INSERT INTO planning.target_value (target_id, year, value, upper_value)
					VALUES (:target, :year, :value, :upper)""")
				.param("target", targetId)
				.param("year", value.getKey())
				.param("value", value.getValue())
				.param("upper", target.upTo().get(value.getKey()))
				.update();
		}
		return targetId;
	}

	/** The last day a task can be done on, or null for a continuous task or an open-ended plan period. */
	static LocalDate dueOn(Timeframe timeframe, Header plan) {
		return switch (timeframe.kind()) {
			case DEADLINE -> timeframe.dueOn();
			case QUARTER -> YearMonth.of(timeframe.year(), 3 * timeframe.quarter()).atEndOfMonth();
			case YEAR -> LocalDate.of(timeframe.year(), 12, 31);
			case PLAN_PERIOD -> plan.yearTo() == null ? null : LocalDate.of(plan.yearTo(), 12, 31);
			case CONTINUOUS -> null;
		};
	}

	private static List<TargetEntry> allTargets(PlanDocument document) {
		List<TargetEntry> all = new ArrayList<>();
		for (ObjectiveEntry objective : document.objectives()) {
			for (TargetEntry target : objective.targets()) {
				all.add(target);
				all.addAll(target.parts());
			}
		}
		return all;
	}

	private static InputProblem at(Place place, String key, Object... arguments) {
		return new InputProblem(place == null ? null : place.line(), place == null ? null : place.path(), key, arguments);
	}
}
