package vn.vongtay.prostitution;

import org.springframework.beans.factory.annotation.Autowired;

import vn.vongtay.DemoAccountTestSupport;

/** What the prostitution tests share: signing in as a demo account or an ad-hoc user, pages, API calls with tokens. */
abstract class ProstitutionTestSupport extends DemoAccountTestSupport {

	@Autowired
	ProneEstablishments establishments;

	@Autowired
	InspectionTeams teams;

	@Autowired
	Inspections inspections;

	@Autowired
	SanctionsDecrees decrees;

	@Autowired
	TipOffs tipOffs;

	@Autowired
	SupportRecords support;

	@Autowired
	ProstitutionFigures figures;
}
