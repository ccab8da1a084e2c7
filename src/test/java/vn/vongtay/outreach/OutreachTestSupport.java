package vn.vongtay.outreach;

import org.springframework.beans.factory.annotation.Autowired;

import vn.vongtay.DemoAccountTestSupport;

/** What the outreach tests share: signing in as a demo account or an ad-hoc user, pages, API calls with tokens. */
abstract class OutreachTestSupport extends DemoAccountTestSupport {

	@Autowired
	Activities activities;

	@Autowired
	Opinions opinions;

	@Autowired
	OutreachFigures figures;

	/** The id of the first agency with this name. */
	long agency(String name) {
		return jdbc.sql("SELECT id FROM directory.agency WHERE name = :name ORDER BY id LIMIT 1").param("name", name)
			.query(Long.class).single();
	}

	long unitId(String code, java.time.LocalDate asOf) {
		return units.byCode(code, asOf).id();
	}

	/** An activity with the essentials filled in, to vary in a test. */
	static ActivityDraft draft(ActivityKind kind, String title, long organiser, java.util.List<String> unitCodes,
			java.time.LocalDate on, java.util.Set<Topic> topics) {
		return new ActivityDraft(kind, title, null, organiser, unitCodes, on, on, topics, null, java.util.Map.of(),
				java.util.List.of());
	}
}
