package vn.vongtay.access;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cells of the matrix the application does not answer as decided yet, each with the item of issue 16 that fixes
 * it (or "new" for a hole no item names). The matrix test passes over these, and fails as soon as one of them is
 * answered as decided: delete the entry then, so that the list only ever shrinks. Keys are a line of the matrix
 * ({@code METHOD PATH [variant]}) and a caller's column.
 */
final class KnownFailures {

	private final Map<String, String> cells = new LinkedHashMap<>();

	KnownFailures() {

		// --- not in issue 16: periodic reports ---
		String periodicReports = "new: PERIODIC_REPORTS are not granted to the collaborator, the hotline or the inspector";
		known(periodicReports, "GET /reporting", "ctv", "111", "thanhtra");
		known(periodicReports, "GET /api/v1/reporting/obligations", "ctv", "111", "thanhtra");
		known(periodicReports, "GET /reporting/obligations/{id}", "ctv", "111");
		known(periodicReports, "GET /api/v1/reporting/obligations/{id}", "ctv", "111");
		String reportReaders = "new, decide: viewers and agencies read periodic reports (R) in NeedToKnow, the module "
				+ "refuses them";
		known(reportReaders, "GET /reporting/completeness", "lanhdao", "ldtbxh", "congan", "soyte");
		known(reportReaders, "GET /api/v1/reporting/completeness", "lanhdao", "ldtbxh", "congan", "soyte");
		known(reportReaders, "GET /reporting/reports/{id}", "lanhdao", "congan");
		known(reportReaders, "GET /api/v1/reporting/reports/{id}", "lanhdao", "congan");
		String reportExport = "new, decide: PERIODIC_REPORTS gives the chairman and the case worker no E, the module lets "
				+ "them export the report";
		known(reportExport, "GET /reporting/reports/{id}/export.{format}", "chutich", "cb");
		known(reportExport, "GET /api/v1/reporting/reports/{id}/export.{format}", "chutich", "cb");

	}

	/** Why the cell is answered otherwise today, or null when it is not a known failure. */
	String of(String rowKey, Caller caller) {
		return cells.get(rowKey + " " + caller.column);
	}

	Map<String, String> all() {
		return cells;
	}

	private void known(String item, String rowKey, String... columns) {
		for (String column : columns) {
			if (cells.put(rowKey + " " + Caller.ofColumn(column).column, item) != null) {
				throw new IllegalStateException("known twice: " + rowKey + " " + column);
			}
		}
	}
}
