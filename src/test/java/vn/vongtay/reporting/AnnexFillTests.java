package vn.vongtay.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.vongtay.reporting.ReportView.Origin;

/**
 * A report's annexes are filled with one read of the indicators per annex for all its units, not one per unit and
 * indicator (issue 19, bug 7: hundreds of calls for a province); a subdivision's accepted report gives its row; the
 * unit's count is the sum of its rows, its rate its own; a hidden small count stays hidden.
 */
class AnnexFillTests {

	private final List<Collection<Long>> reads = new ArrayList<>();

	private final FigureSource source = new FigureSource() {

		@Override
		public Map<String, Column> columns(Collection<String> codes) {
			Map<String, Column> columns = new LinkedHashMap<>();
			codes.forEach(c -> columns.put(c, new Column(c, c, c, c.endsWith("_RATE"), false)));
			return columns;
		}

		@Override
		public Map<Long, Map<String, Figure>> figures(Collection<Long> unitIds, String period, Collection<String> codes) {
			reads.add(List.copyOf(unitIds));
			Map<Long, Map<String, Figure>> figures = new LinkedHashMap<>();
			for (long unit : unitIds) {
				Map<String, Figure> ofUnit = new LinkedHashMap<>();
				codes.forEach(code -> ofUnit.put(code, unit == 4 && code.equals("ABUSED_CHILDREN")
						? new Figure(null, false, true) : new Figure(BigDecimal.valueOf(unit * 10), false, false)));
				figures.put(unit, ofUnit);
			}
			return figures;
		}

		@Override
		public Map<String, List<Part>> breakdowns(long unitId, String period, Collection<String> codes,
				Collection<String> dimensions) {
			return Map.of();
		}

		@Override
		public int smallCountThreshold() {
			return 5;
		}

		@Override
		public boolean hidden(String code, BigDecimal value) {
			return false;
		}

		@Override
		public void enter(String code, long unitId, String period, BigDecimal value) {
		}

		@Override
		public void lock(long unitId, String period, Collection<String> codes, String reference) {
		}
	};

	private final Annex children = new Annex("CHILDREN", "Phụ lục 1", "Annex 1",
			List.of("CHILDREN_UNDER_16", "CHILDREN_SPECIAL_RATE"), List.of());
	private final Annex abuse = new Annex("ABUSE", "Phụ lục 3", "Annex 3", List.of("ABUSED_CHILDREN"), List.of());

	@Test
	void eachAnnexIsReadOnceForTheUnitAndTheSubdivisionsWithoutAnAcceptedReport() {
		List<AnnexFill.Cell> cells = AnnexFill.fill(List.of(children, abuse), 1, List.of(2L, 3L, 4L), "2026-H1",
				annex -> annex.equals("CHILDREN") ? Map.of(3L, Map.of("CHILDREN_UNDER_16", BigDecimal.valueOf(7))) : Map.of(),
				source);
		assertThat(reads).containsExactly(List.of(1L, 2L, 4L), List.of(1L, 2L, 3L, 4L));
		assertThat(cell(cells, "CHILDREN", "CHILDREN_UNDER_16", 3)).extracting(AnnexFill.Cell::value, AnnexFill.Cell::origin)
			.containsExactly(BigDecimal.valueOf(7), Origin.REPORTED);
		assertThat(cell(cells, "CHILDREN", "CHILDREN_UNDER_16", 1)).extracting(AnnexFill.Cell::value, AnnexFill.Cell::origin)
			.containsExactly(BigDecimal.valueOf(20 + 7 + 40), Origin.SUMMED);
		assertThat(cell(cells, "CHILDREN", "CHILDREN_SPECIAL_RATE", 1)).extracting(AnnexFill.Cell::value)
			.as("a rate is the unit's own").isEqualTo(BigDecimal.valueOf(10));
		assertThat(cell(cells, "ABUSE", "ABUSED_CHILDREN", 4).origin()).isEqualTo(Origin.SUPPRESSED);
		assertThat(cell(cells, "ABUSE", "ABUSED_CHILDREN", 1)).extracting(AnnexFill.Cell::value, AnnexFill.Cell::origin)
			.as("a sum over a hidden cell would reveal it: the unit's own figure").containsExactly(BigDecimal.valueOf(10),
					Origin.COMPUTED);
	}

	private static AnnexFill.Cell cell(List<AnnexFill.Cell> cells, String annex, String code, long unit) {
		return cells.stream().filter(c -> c.annex().equals(annex) && c.code().equals(code) && c.unitId() == unit)
			.findFirst().orElseThrow();
	}

	/** A breakdown has a row per value any indicator has, and a value an indicator lacks is missing, not 0. */
	@Test
	void aBreakdownHasOneRowPerValueOfEachOfItsDimensions() {
		Annex byForm = new Annex("ABUSE_BREAKDOWN", Annex.Kind.BREAKDOWN, "Phụ lục 3b", "Annex 3b",
				List.of("ABUSED_CHILDREN", "ABUSED_CHILDREN_ASSISTED"), List.of("abuse_form", "sex"), List.of());
		Map<String, List<FigureSource.Part>> parts = new LinkedHashMap<>();
		parts.put("ABUSED_CHILDREN", List.of(
				new FigureSource.Part("abuse_form", "VIOLENCE", "Hình thức xâm hại: Bạo lực", BigDecimal.valueOf(6), false),
				new FigureSource.Part("sex", "FEMALE", "Giới tính: Nữ", null, true)));
		parts.put("ABUSED_CHILDREN_ASSISTED", List.of(
				new FigureSource.Part("abuse_form", "VIOLENCE", "Hình thức xâm hại: Bạo lực", BigDecimal.valueOf(5), false)));
		List<AnnexFill.Cell> cells = AnnexFill.breakdown(byForm, 9, parts);
		assertThat(cells).extracting(c -> c.rowKey() + " " + c.code() + " " + c.value() + " " + c.origin())
			.containsExactly("abuse_form:VIOLENCE ABUSED_CHILDREN 6 COMPUTED",
					"abuse_form:VIOLENCE ABUSED_CHILDREN_ASSISTED 5 COMPUTED", "sex:FEMALE ABUSED_CHILDREN null SUPPRESSED",
					"sex:FEMALE ABUSED_CHILDREN_ASSISTED null MISSING");
	}

	/** A target's value is the plan's; what was achieved is its indicator's, missing when none is bound. */
	@Test
	void aTableOfTargetsHasThePlansValueAndWhatItsIndicatorGives() {
		Annex targets = new Annex("TARGETS", Annex.Kind.TARGETS, "Phụ lục", "Annex", List.of(), List.of(), List.of());
		List<AnnexFill.Cell> cells = AnnexFill.targets(targets, 9, List.of(
				new AnnexFill.TargetLine("3.1-a", "3.1-a. 100% tin báo (%)", BigDecimal.valueOf(100), "TIP_OFFS_DEALT_WITH_RATE"),
				new AnnexFill.TargetLine("1.1-b", "1.1-b. Tăng cường thông tin (định tính)", null, null)),
				Map.of("TIP_OFFS_DEALT_WITH_RATE", new FigureSource.Figure(BigDecimal.valueOf(92.5), false, false)));
		assertThat(cells).extracting(c -> c.rowKey() + " " + c.code() + " " + c.value() + " " + c.origin())
			.containsExactly("3.1-a TARGET 100 PLANNED", "3.1-a ACHIEVED 92.5 COMPUTED", "1.1-b TARGET null MISSING",
					"1.1-b ACHIEVED null MISSING");
	}
}
