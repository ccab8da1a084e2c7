package vn.vongtay.indicators.internal;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.context.annotation.Lazy;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.vongtay.casework.AbuseForm;
import vn.vongtay.casework.AbuseSetting;
import vn.vongtay.casework.CaseClassified;
import vn.vongtay.casework.CaseClosed;
import vn.vongtay.casework.CaseFacts;
import vn.vongtay.casework.CaseFacts.Facts;
import vn.vongtay.casework.CaseOpened;
import vn.vongtay.casework.CaseOutcome;
import vn.vongtay.casework.CaseReopened;
import vn.vongtay.casework.CaseTransferred;
import vn.vongtay.casework.ChildLinked;
import vn.vongtay.casework.EmergencyMeasureTaken;
import vn.vongtay.casework.PlanApproved;
import vn.vongtay.casework.ReportChannel;
import vn.vongtay.casework.ReportReceived;
import vn.vongtay.casework.RiskAssessed;
import vn.vongtay.indicators.internal.Measure.Dimension;
import vn.vongtay.indicators.internal.Measure.Privacy;

/**
 * Reports and cases (casework) as a source of figures, counted in the commune responsible for the case now:
 * <ul>
 * <li>reports received, on the day each was received, by channel;</li>
 * <li>cases opened, on the day of their first report; cases closed, on the day they closed, by outcome;</li>
 * <li>abused children: cases whose abuse was confirmed, on the day of their first report (when the abuse was
 * detected), by form of abuse (a case of two forms counts in both), sex, age group at the report and setting; those
 * assisted: the same whose first support and intervention plan was approved;</li>
 * <li>plans approved, on the day of the first plan's approval, and of those the ones approved by their deadline;</li>
 * <li>cases that needed emergency measures, on the day of their first report, and of those the ones whose measures
 * were taken in time.</li>
 * </ul>
 * A child has one open case at a time (a new report joins it), so a count of cases is a count of children within a
 * period, unless the same child was the subject of two cases in it. Whether a deadline was met is the casework's rule,
 * read from its facts ({@code CaseFacts}), never decided here.
 */
@Component
class CaseworkRecords implements RecordSource<Facts> {

	static final String SOURCE = "case";

	static final String REPORTS_RECEIVED = "REPORTS_RECEIVED";
	static final String CASES_OPENED = "CASES_OPENED";
	static final String CASES_CLOSED = "CASES_CLOSED";
	static final String ABUSED_CHILDREN = "ABUSED_CHILDREN";
	static final String ABUSED_CHILDREN_ASSISTED = "ABUSED_CHILDREN_ASSISTED";
	static final String PLAN_APPROVED = "CASES_PLAN_APPROVED";
	static final String PLAN_APPROVED_ON_TIME = "CASES_PLAN_APPROVED_ON_TIME";
	static final String EMERGENCY_REQUIRED = "CASES_EMERGENCY_REQUIRED";
	static final String EMERGENCY_ON_TIME = "CASES_EMERGENCY_ON_TIME";

	static final Dimension CHANNEL = Dimension.of("channel", names(ReportChannel.values()));
	static final Dimension FORM = Dimension.of("abuse_form", names(AbuseForm.values()));
	static final Dimension SETTING = Dimension.of("setting", names(AbuseSetting.values()));
	static final Dimension OUTCOME = Dimension.of("outcome", names(CaseOutcome.values()));
	static final Dimension SEX = ChildRecords.SEX_DIMENSION;
	static final Dimension AGE = Dimension.of(ChildRecords.AGE_GROUP, "0-5", "6-10", "11-15", "UNKNOWN");

	private final CaseFacts facts;
	private final Tallies tallies;

	CaseworkRecords(CaseFacts facts, @Lazy Tallies tallies) {
		this.facts = facts;
		this.tallies = tallies;
	}

	@Override
	public String name() {
		return SOURCE;
	}

	@Override
	public Class<Facts> factsType() {
		return Facts.class;
	}

	@Override
	public List<Measure> measures() {
		return List.of(Measure.flow(SOURCE, REPORTS_RECEIVED, Privacy.CHILDREN, CHANNEL),
				Measure.flow(SOURCE, CASES_OPENED, Privacy.CHILDREN, SEX, AGE),
				Measure.flow(SOURCE, CASES_CLOSED, Privacy.CHILDREN, OUTCOME),
				Measure.flow(SOURCE, ABUSED_CHILDREN, Privacy.CHILDREN, FORM, SEX, AGE, SETTING),
				Measure.flow(SOURCE, ABUSED_CHILDREN_ASSISTED, Privacy.CHILDREN, FORM, SEX, AGE, SETTING),
				Measure.flow(SOURCE, PLAN_APPROVED, Privacy.CHILDREN),
				Measure.flow(SOURCE, PLAN_APPROVED_ON_TIME, Privacy.CHILDREN),
				Measure.flow(SOURCE, EMERGENCY_REQUIRED, Privacy.CHILDREN),
				Measure.flow(SOURCE, EMERGENCY_ON_TIME, Privacy.CHILDREN));
	}

	@Override
	public long idOf(Facts f) {
		return f.caseId();
	}

	@Override
	public Map<Long, Facts> facts(Collection<Long> ids) {
		return facts.of(ids);
	}

	@Override
	public long count() {
		return facts.count();
	}

	@Override
	public void forEachBatch(Consumer<List<Facts>> batch) {
		facts.forEachBatch(5_000, batch);
	}

	@Override
	public void contribute(Facts c, Contributions into) {
		LocalDate received = c.receivedAt().toLocalDate();
		for (CaseFacts.ReportFact report : c.reports()) {
			into.flow(REPORTS_RECEIVED, c.unitId(), report.receivedAt().toLocalDate(), 1, Cell.TOTAL,
					Cell.of(CHANNEL.code(), report.channel().name()));
		}
		Cell sex = Cell.of(SEX.code(), c.childSex().name());
		Cell age = Cell.of(AGE.code(), ageGroup(c.childBirthDate(), received));
		into.flow(CASES_OPENED, c.unitId(), received, 1, Cell.TOTAL, sex, age);
		if (c.closedAt() != null) {
			into.flow(CASES_CLOSED, c.unitId(), c.closedAt().toLocalDate(), 1, Cell.TOTAL,
					Cell.of(OUTCOME.code(), c.outcome() == null ? CaseOutcome.OTHER.name() : c.outcome().name()));
		}
		if (Boolean.TRUE.equals(c.abuseConfirmed())) {
			List<Cell> cells = new ArrayList<>(List.of(Cell.TOTAL, sex, age));
			c.forms().forEach(f -> cells.add(Cell.of(FORM.code(), f.name())));
			if (c.setting() != null) {
				cells.add(Cell.of(SETTING.code(), c.setting().name()));
			}
			Cell[] abused = cells.toArray(Cell[]::new);
			into.flow(ABUSED_CHILDREN, c.unitId(), received, 1, abused);
			if (c.firstPlanApprovedAt() != null) {
				into.flow(ABUSED_CHILDREN_ASSISTED, c.unitId(), received, 1, abused);
			}
		}
		if (c.firstPlanApprovedAt() != null) {
			LocalDate approved = c.firstPlanApprovedAt().toLocalDate();
			into.flow(PLAN_APPROVED, c.unitId(), approved, 1, Cell.TOTAL);
			if (c.firstPlanOnTime()) {
				into.flow(PLAN_APPROVED_ON_TIME, c.unitId(), approved, 1, Cell.TOTAL);
			}
		}
		if (Boolean.TRUE.equals(c.emergencyRequired())) {
			into.flow(EMERGENCY_REQUIRED, c.unitId(), received, 1, Cell.TOTAL);
			if (c.emergencyOnTime()) {
				into.flow(EMERGENCY_ON_TIME, c.unitId(), received, 1, Cell.TOTAL);
			}
		}
	}

	/** The age group on the day of the report; UNKNOWN when nobody knew the child's age. */
	static String ageGroup(LocalDate birth, LocalDate on) {
		if (birth == null) {
			return "UNKNOWN";
		}
		int age = Period.between(birth, on).getYears();
		return age <= 5 ? "0-5" : age <= 10 ? "6-10" : "11-15";
	}

	private static String[] names(Enum<?>[] values) {
		return Arrays.stream(values).map(Enum::name).toArray(String[]::new);
	}

	private void refresh(long caseId) {
		tallies.refresh(this, List.of(caseId));
	}

	@ApplicationModuleListener
	void on(ReportReceived event) {
		refresh(event.caseId());
	}

	@ApplicationModuleListener
	void on(CaseOpened event) {
		refresh(event.caseId());
	}

	@ApplicationModuleListener
	void on(RiskAssessed event) {
		refresh(event.caseId());
	}

	@ApplicationModuleListener
	void on(EmergencyMeasureTaken event) {
		refresh(event.caseId());
	}

	@ApplicationModuleListener
	void on(PlanApproved event) {
		refresh(event.caseId());
	}

	@ApplicationModuleListener
	void on(CaseClassified event) {
		refresh(event.caseId());
	}

	@ApplicationModuleListener
	void on(CaseClosed event) {
		refresh(event.caseId());
	}

	@ApplicationModuleListener
	void on(CaseReopened event) {
		refresh(event.caseId());
	}

	@ApplicationModuleListener
	void on(CaseTransferred event) {
		refresh(event.caseId());
	}

	/** The case takes the register child's sex and date of birth, by which cases opened are counted. */
	@ApplicationModuleListener
	void on(ChildLinked event) {
		refresh(event.caseId());
	}
}
