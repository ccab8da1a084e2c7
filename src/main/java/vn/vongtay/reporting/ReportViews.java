package vn.vongtay.reporting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import vn.vongtay.core.UserFacingException;
import vn.vongtay.directory.Agencies;
import vn.vongtay.directory.Agency;
import vn.vongtay.directory.AgencyKind;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.Units;
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

	ReportViews(StoredReports stored, AnnexFigures annexFigures, Annexes annexes, FigureSource figures, Units units,
			Plans plans, Agencies agencies) {
		this.stored = stored;
		this.annexFigures = annexFigures;
		this.annexes = annexes;
		this.figures = figures;
		this.units = units;
		this.plans = plans;
		this.agencies = agencies;
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
		Map<String, Map<Long, Map<String, Figure>>> byAnnex = new HashMap<>();
		for (AnnexFigures.Stored f : annexFigures.of(reportId)) {
			byAnnex.computeIfAbsent(f.annex(), k -> new HashMap<>()).computeIfAbsent(f.unitId(), k -> new HashMap<>())
				.put(f.code(), figure(f));
		}
		AdministrativeUnit unit = units.findById(obligation.reporterUnitId()).orElseThrow();
		List<AnnexTable> tables = new ArrayList<>();
		for (Annex annex : annexesOf(obligation)) {
			Map<String, FigureSource.Column> columns = figures.columns(annex.indicators());
			Map<Long, Map<String, Figure>> byUnit = byAnnex.getOrDefault(annex.code(), Map.of());
			List<Row> rows = new ArrayList<>();
			rows.add(row(unit, true, null, columns, byUnit));
			List<Long> others = byUnit.keySet().stream().filter(u -> u != unit.id()).toList();
			Map<Long, ReportStatus> subReports = stored.statusesOf(others, obligation.period());
			units.findAllById(others).forEach(sub -> rows.add(row(sub, false,
					subReports.getOrDefault(sub.id(), ReportStatus.NOT_STARTED), columns, byUnit)));
			tables.add(new AnnexTable(annex, List.copyOf(columns.values()), rows));
		}
		return tables;
	}

	/** A stored small count the reader may not see is shown hidden, whoever drafted the report. */
	private Figure figure(AnnexFigures.Stored f) {
		if (f.value() != null && figures.hidden(f.code(), f.value())) {
			return new Figure(f.code(), null, Origin.SUPPRESSED);
		}
		return new Figure(f.code(), f.value(), f.origin());
	}

	private static Row row(AdministrativeUnit unit, boolean reporting, ReportStatus report,
			Map<String, FigureSource.Column> columns, Map<Long, Map<String, Figure>> byUnit) {
		Map<String, Figure> stored = byUnit.getOrDefault(unit.id(), Map.of());
		List<Figure> values = columns.keySet().stream()
			.map(code -> stored.getOrDefault(code, new Figure(code, null, Origin.MISSING))).toList();
		return new Row(unit.id(), unit.code(), unit.fullName(), reporting, report, values);
	}

	// --- the tasks the reporting body owns ---

	/**
	 * The tasks the reporting body leads, with how far it has reported them: of the plan an obligation comes from, or
	 * for a standing report, of the plans in force in its period issued by its unit or a unit above it. A committee
	 * owns the tasks given to it and to the group it belongs to ("UBND các xã, thị trấn" for a commune); an agency
	 * those given to it or to the agency whose duties it took over. Plans the reader may not see are left out.
	 */
	private List<ReportView.TaskLine> tasks(Obligation obligation) {
		List<AdministrativeUnit> line = units.lineOf(obligation.reporterUnitId());
		Set<Long> lineIds = line.stream().map(AdministrativeUnit::id).collect(Collectors.toSet());
		List<PlanDetail> sources = new ArrayList<>();
		if (obligation.planId() != null) {
			visiblePlan(obligation.planId()).ifPresent(sources::add);
		}
		else {
			Set<String> lineCodes = line.stream().map(AdministrativeUnit::code).collect(Collectors.toSet());
			int year = obligation.periodEnd().getYear();
			for (PlanSummary plan : plans.list(null, null, 0, 200)) {
				boolean inForce = plan.yearFrom() <= year && (plan.yearTo() == null || plan.yearTo() >= year);
				if (inForce && lineCodes.contains(plan.issuerUnitCode())) {
					visiblePlan(plan.id()).ifPresent(sources::add);
				}
			}
		}
		Map<Long, Optional<Agency>> leads = new HashMap<>();
		List<ReportView.TaskLine> lines = new ArrayList<>();
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
		return lines;
	}

	private Optional<PlanDetail> visiblePlan(long planId) {
		try {
			return Optional.of(plans.get(planId));
		}
		catch (UserFacingException e) {
			if (e.status() != 404) {
				throw e;
			}
			return Optional.empty();
		}
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
