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
		// --- item 6: an agency focal point reaches opinions and activities not its agency's ---
		String focalPoint = "16.6 a focal point works on what is addressed to or organised by its own agency";
		known(focalPoint, "GET /outreach/activities/{id}", "congan");
		known(focalPoint, "GET /api/v1/outreach/activities/{id}/opinions", "congan");
		known(focalPoint, "GET /outreach/opinions", "congan");
		known(focalPoint, "GET /api/v1/outreach/opinions", "congan");
		known(focalPoint, "POST /outreach/opinions/{id}/answer", "congan");
		known(focalPoint, "POST /api/v1/outreach/opinions/{id}/answer", "congan");
		known(focalPoint, "POST /outreach/activities/{id}", "congan");
		known(focalPoint, "POST /outreach/activities/{id}/opinions", "congan");
		known(focalPoint, "POST /api/v1/outreach/activities/{id}/opinions", "congan");
		known(focalPoint + " (the commune's headcount of officials is not the police's)",
				"POST /outreach/coverage/headcount", "congan");

		// --- item 7: importing a plan through the API has no role check ---
		String planImport = "16.7 only officers import plans, whichever door (the document is read before any check)";
		for (String variant : new String[] { "yaml", "file" }) {
			known(planImport, "POST /api/v1/plans [" + variant + "]", "chutich", "cb", "ctv", "111", "lanhdao", "thanhtra",
					"ldtbxh", "congan", "soyte");
		}

		// --- not in issue 16: the commune chairman ---
		String chairmanReferrals = "new: the chairman sends and answers no referral (REFERRALS not granted to "
				+ "COMMUNE_CHAIRMAN); CASE_STAFF in Referrals lets him";
		for (String route : new String[] { "POST /cases/{id}/referrals", "POST /api/v1/cases/{id}/referrals",
				"POST /referrals/{id}/{answer}", "POST /cases/{id}/referrals/{referral}/{answer}",
				"POST /api/v1/referrals/{id}/accept", "POST /api/v1/referrals/{id}/decline",
				"POST /api/v1/referrals/{id}/complete" }) {
			known(chairmanReferrals, route, "chutich");
		}

		// --- not in issue 16: reports ---
		known("new (form only): the staff report form for a role that may not record a report (REPORTS W)",
				"GET /reports/new", "admin", "lanhdao", "thanhtra", "ldtbxh", "congan", "soyte");
		String agencyReports = "new, decide: NeedToKnow gives agency focal points no REPORTS, Reports.RECEIVERS lets them "
				+ "record one";
		known(agencyReports, "POST /reports", "ldtbxh", "congan", "soyte");
		known(agencyReports, "POST /api/v1/reports", "ldtbxh", "congan", "soyte");
		String receivedReports = "new (empty answer): a role that may not read reports is answered an empty list, not refused";
		known(receivedReports, "GET /reports", "ctv", "lanhdao", "thanhtra", "ldtbxh", "congan", "soyte");
		known(receivedReports, "GET /api/v1/reports", "ctv", "lanhdao", "thanhtra", "ldtbxh", "congan", "soyte");
		String administrator = "new, decide: NeedToKnow gives the system administrator REPORTS and CASE_SUMMARY (0009: "
				+ "\"reads case summaries and reports to route work\"); CaseAccess gives it no case";
		known(administrator, "GET /reports/{id}", "admin");
		known(administrator, "GET /api/v1/reports/{id}", "admin");
		known(administrator, "GET /cases", "admin");
		known(administrator, "GET /api/v1/cases", "admin");
		known(administrator, "GET /cases/{id}", "admin");
		known(administrator, "GET /cases/{id} [xa.b]", "admin");
		known(administrator, "GET /api/v1/cases/{id}/summary", "admin");

		// --- not in issue 16: plans ---
		String plans = "new: PLANS are not granted to the collaborator, the hotline or the inspector";
		for (String route : new String[] { "GET /plans", "GET /api/v1/plans", "GET /my-tasks", "GET /api/v1/tasks/mine" }) {
			known(plans, route, "ctv", "111", "thanhtra");
		}
		for (String route : new String[] { "GET /plans/{id}", "GET /api/v1/plans/{id}", "GET /plans/{id}/export",
				"GET /api/v1/plans/{id}/document", "GET /plans/tasks/{id}", "GET /api/v1/tasks/{id}/progress",
				"GET /plans/evidence/{id}" }) {
			known(plans + " (the hotline reaches every plan of the country, and the evidence files of its tasks)", route,
					"111", "thanhtra");
		}

		// --- not in issue 16: outreach ---
		String outreachReaders = "new: the chairman and the case worker read outreach and opinions (R), and write none";
		for (String route : new String[] { "GET /outreach/activities/new", "POST /outreach/activities",
				"POST /api/v1/outreach/activities", "POST /outreach/activities/{id}", "POST /outreach/activities/{id}/opinions",
				"POST /api/v1/outreach/activities/{id}/opinions", "POST /outreach/opinions/{id}/answer",
				"POST /api/v1/outreach/opinions/{id}/answer", "POST /outreach/coverage/headcount" }) {
			known(outreachReaders, route, "chutich", "cb");
		}
		String collaboratorFigures = "new: no FIGURES for the collaborator (indicator values include counts by group, "
				+ "see 16.1)";
		for (String route : new String[] { "GET /outreach/coverage", "GET /api/v1/outreach/figures", "GET /indicators",
				"GET /api/v1/indicators", "GET /api/v1/indicators/{code}", "GET /indicators/{code}",
				"GET /api/v1/indicators/{code}/values", "GET /api/v1/indicators/{code}/dashboard", "GET /indicators/entry",
				"GET /api/v1/indicators/entries" }) {
			known(collaboratorFigures, route, "ctv");
		}

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
