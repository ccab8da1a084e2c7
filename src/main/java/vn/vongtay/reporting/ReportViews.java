package vn.vongtay.reporting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import vn.vongtay.directory.Agencies;
import vn.vongtay.directory.Agency;
import vn.vongtay.directory.AgencyKind;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.Units;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.planning.PlanDetail;
import vn.vongtay.planning.PlanSummary;
import vn.vongtay.planning.Plans;
import vn.vongtay.reporting.ReportView.AnnexTable;
import vn.vongtay.reporting.ReportView.Figure;
import vn.vongtay.reporting.ReportView.Origin;
import vn.vongtay.reporting.ReportView.Row;

/**
 * A report as pages, the API and the exports show it: the stored report, its annex tables from the stored figures
 * (small counts hidden from a reader who may not see them), the progress of the tasks its reporting body owns, and its
 * history.
 */
@Component
class ReportViews {

	private final StoredReports stored;
	private final AnnexFigures annexFigures;
	private final Annexes annexes;
	private final FigureSource figures;
	private final Units units;
	private final Plans plans;
	private final Agencies agencies;
	private final Jurisdictions jurisdictions;

	ReportViews(StoredReports stored, AnnexFigures annexFigures, Annexes annexes, FigureSource figures, Units units,
			Plans plans, Agencies agencies, Jurisdictions jurisdictions) {
		this.stored = stored;
		this.annexFigures = annexFigures;
		this.annexes = annexes;
		this.figures = figures;
		this.units = units;
		this.plans = plans;
		this.agencies = agencies;
		this.jurisdictions = jurisdictions;
	}

	List<Annex> annexesOf(Obligation obligation) {
		return annexes.of(obligation.annexes());
	}

	ReportView of(PeriodicReport report, Obligation obligation) {
		long id = report.id();
		return new ReportView(id, obligation, report.status(), report.number(), report.sections(), report.signerName(),
				report.signerTitle(), report.createdBy(), PeriodicReports.local(report.submittedAt()),
				PeriodicReports.local(report.returnedAt()), report.returnedBy(), report.returnComment(),
				PeriodicReports.local(report.acceptedAt()), report.acceptedBy(), tables(id, obligation),
				tasks(obligation),
				stored.history(id).stream().map(s -> new ReportView.Event(s.action(), PeriodicReports.local(s.at()),
						s.actor(), s.comment())).toList(),
				report.version());
	}

	private List<AnnexTable> tables(long reportId, Obligation obligation) {
		List<AnnexFigures.Stored> stored = annexFigures.of(reportId);
		AdministrativeUnit unit = units.findById(obligation.reporterUnitId()).orElseThrow();
		List<AnnexTable> tables = new ArrayList<>();
		for (Annex annex : annexesOf(obligation)) {
			List<AnnexFigures.Stored> ofAnnex = stored.stream().filter(f -> f.annex().equals(annex.code())).toList();
			tables.add(switch (annex.kind()) {
				case UNITS -> tableOfUnits(annex, unit, obligation, ofAnnex);
				case BREAKDOWN -> tableOfRows(annex, unit, List.copyOf(figures.columns(annex.indicators()).values()), ofAnnex);
				case TARGETS -> tableOfRows(annex, unit, TARGET_COLUMNS, ofAnnex);
			});
		}
		return tables;
	}

	/** The columns of a table of targets. */
	static final List<FigureSource.Column> TARGET_COLUMNS = List.of(
			new FigureSource.Column(AnnexFill.TARGET, "Chỉ tiêu kế hoạch", "Target", false, false),
			new FigureSource.Column(AnnexFill.ACHIEVED, "Kết quả thực hiện", "Achieved", false, false));

	private AnnexTable tableOfUnits(Annex annex, AdministrativeUnit unit, Obligation obligation,
			List<AnnexFigures.Stored> stored) {
		Map<String, FigureSource.Column> columns = figures.columns(annex.indicators());
		Map<Long, Map<String, Figure>> byUnit = new HashMap<>();
		stored.forEach(f -> byUnit.computeIfAbsent(f.unitId(), k -> new HashMap<>()).put(f.code(), figure(f)));
		List<Row> rows = new ArrayList<>();
		rows.add(row(unit, true, null, columns, byUnit));
		List<Long> others = byUnit.keySet().stream().filter(u -> u != unit.id()).toList();
		Map<Long, ReportStatus> subReports = this.stored.statusesOf(others, obligation.period());
		units.findAllById(others).forEach(sub -> rows.add(row(sub, false,
				subReports.getOrDefault(sub.id(), ReportStatus.NOT_STARTED), columns, byUnit)));
		return new AnnexTable(annex, List.copyOf(columns.values()), rows);
	}

	/** A breakdown or a table of targets: the reporting unit's rows, in the order they were filled. */
	private AnnexTable tableOfRows(Annex annex, AdministrativeUnit unit, List<FigureSource.Column> columns,
			List<AnnexFigures.Stored> stored) {
		Map<String, String> labels = new java.util.LinkedHashMap<>();
		Map<String, Map<String, Figure>> byRow = new HashMap<>();
		for (AnnexFigures.Stored f : stored) {
			labels.putIfAbsent(f.rowKey(), f.rowLabel());
			byRow.computeIfAbsent(f.rowKey(), k -> new HashMap<>()).put(f.code(), figure(f));
		}
		List<Row> rows = new ArrayList<>();
		labels.forEach((key, label) -> rows.add(new Row(unit.id(), unit.code(), unit.fullName(), key, label, false, null,
				columns.stream().map(c -> byRow.get(key).getOrDefault(c.code(), new Figure(c.code(), null, Origin.MISSING)))
					.toList())));
		return new AnnexTable(annex, columns, rows);
	}

	/** A stored small count the reader may not see is shown hidden, whoever drafted the report. */
	private Figure figure(AnnexFigures.Stored f) {
		if (f.value() != null && f.origin() != Origin.PLANNED && figures.hidden(f.code(), f.value())) {
			return new Figure(f.code(), null, Origin.SUPPRESSED);
		}
		return new Figure(f.code(), f.value(), f.origin());
	}

	private static Row row(AdministrativeUnit unit, boolean reporting, ReportStatus report,
			Map<String, FigureSource.Column> columns, Map<Long, Map<String, Figure>> byUnit) {
		Map<String, Figure> stored = byUnit.getOrDefault(unit.id(), Map.of());
		List<Figure> values = columns.keySet().stream()
			.map(code -> stored.getOrDefault(code, new Figure(code, null, Origin.MISSING))).toList();
		return new Row(unit.id(), unit.code(), unit.fullName(), "", null, reporting, report, values);
	}

	// --- the tasks the reporting body owns ---

	/**
	 * The tasks the reporting body leads, with how far it has reported them: of the plan an obligation comes from, or
	 * for a standing report, of the plans in force in its period issued by its unit or a unit above it. A committee
	 * owns the tasks given to it and to the group it belongs to ("UBND các xã, thị trấn" for a commune); an agency
	 * those given to it or to the agency whose duties it took over. Plans are public documents of their unit, read
	 * whole here: a commune that continues one of an abolished district's communes reports on that district's plan,
	 * which the planning pages list only under the district.
	 */
	private List<ReportView.TaskLine> tasks(Obligation obligation) {
		List<AdministrativeUnit> line = units.lineOf(obligation.reporterUnitId());
		Set<Long> lineIds = line.stream().map(AdministrativeUnit::id).collect(Collectors.toSet());
		List<PlanDetail> sources = new ArrayList<>();
		jurisdictions.runAsSystem("reporting", () -> {
			if (obligation.planId() != null) {
				sources.add(plans.get(obligation.planId()));
				return;
			}
			Set<String> lineCodes = line.stream().map(AdministrativeUnit::code).collect(Collectors.toSet());
			int year = obligation.periodEnd().getYear();
			for (PlanSummary plan : plans.list(null, null, 0, 500)) {
				boolean inForce = plan.yearFrom() <= year && (plan.yearTo() == null || plan.yearTo() >= year);
				if (inForce && lineCodes.contains(plan.issuerUnitCode())) {
					sources.add(plans.get(plan.id()));
				}
			}
		});
		Map<Long, Optional<Agency>> leads = new HashMap<>();
		List<ReportView.TaskLine> lines = new ArrayList<>();
		jurisdictions.runAsSystem("reporting", () -> {
			for (PlanDetail plan : sources) {
				for (PlanDetail.Task task : plan.tasks()) {
					if (task.leadAgency() == null) {
						continue;
					}
					Agency lead = leads.computeIfAbsent(task.leadAgency().id(), agencies::find).orElse(null);
					if (lead != null && owns(obligation, lead, task.leadAgency().currentId(), lineIds)) {
						lines.add(new ReportView.TaskLine(task.number(), task.statement(), task.leadAgency().name(),
								task.status() == null ? null : task.status().name(),
								task.latestPeriod() == null ? null : task.latestPeriod().code()));
					}
				}
			}
		});
		return lines;
	}

	/** Whether the reporting body is the task's lead: the agency itself, or the committee or its group. */
	static boolean owns(Obligation obligation, Agency lead, Long leadCurrentId, Set<Long> reporterLine) {
		if (obligation.reporterAgencyId() != null) {
			return obligation.reportedBy(lead.id()) || obligation.reportedBy(leadCurrentId);
		}
		if (lead.kind() == AgencyKind.COMMUNE_COMMITTEES) {
			return "COMMUNE".equals(obligation.reporterLevel()) && reporterLine.contains(lead.unitId());
		}
		if (lead.kind() == AgencyKind.PEOPLES_COMMITTEE) {
			return ObligationRules.isGroup(lead.name())
					? lead.unitId() != obligation.reporterUnitId() && reporterLine.contains(lead.unitId())
					: lead.unitId() == obligation.reporterUnitId();
		}
		return false;
	}
}
