package vn.vongtay.geography.internal;

import java.time.Duration;
import java.util.List;

import vn.vongtay.core.InputProblem;

/**
 * What an import stored, and the lineage rows it skipped because they name a unit the catalogue does not hold (the
 * published lineage spans several versions of the lists, so a few of its rows name units that changed before 2025).
 */
public record UnitImportResult(int provinces, int districts, int communes, int successions,
		List<InputProblem> skipped, Duration took) {

	public UnitImportResult {
		skipped = List.copyOf(skipped);
	}

	public int units() {
		return provinces + districts + communes;
	}
}
