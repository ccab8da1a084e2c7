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
}
