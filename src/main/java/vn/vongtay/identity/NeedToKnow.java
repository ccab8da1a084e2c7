package vn.vongtay.identity;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import vn.vongtay.core.UserFacingException;

/**
 * What each role may do with each kind of data, decided once (docs/decisions/0009-need-to-know.md) and asked by every
 * module before it reads, changes or exports personal data. The caller's jurisdiction then decides <em>whose</em> data:
 * this table says <em>which</em> data. Record-level rules sit on top of it (the case worker of a case, the agency a
 * referral is sent to, the villages of a collaborator), never instead of it.
 *
 * <p>A user holding several roles may do what any of them may. A kind of data no role of the caller lists is refused,
 * and a list, count or filter over it is refused too (filtering the register by a group is a read of the groups).
 */
public final class NeedToKnow {

	/** The kinds of data the table decides on. */
	public enum Data {
		/** A child's name, birth date, sex, ethnic group, identification number, commune and village. */
		CHILD_IDENTITY,
		/** The child's household: caregivers (with their phone numbers) and siblings. */
		CHILD_HOUSEHOLD,
		/** The groups of special circumstances (Luật Trẻ em Art. 10) and the at-risk flags, in any form: shown, filtered or counted. */
		CHILD_GROUPS,
		/** Supports and allowances a child received. */
		CHILD_SUPPORTS,
		/** Free-text notes of the register. */
		CHILD_NOTES,
		/** Reports (tip-offs of abuse) received: what was reported, about whom, and what became of them. */
		REPORTS,
		/** A case's number, stage, deadlines and outcome, without the child or the assessments. */
		CASE_SUMMARY,
		/** A case whole: the child, the assessments, the plan, the review (Nghị định 56/2017, Chapter III). */
		CASE_DETAILS,
		/** Who reported a concern (Luật Trẻ em Art. 33: the informant is protected). */
		INFORMANT,
		/** Requests for support sent to an agency, with what the case worker chose to share. */
		REFERRALS,
		/** Opinions children raised at forums and the answers to them. */
		OPINIONS,
		/** Communication and training activities and their materials. */
		OUTREACH,
		/** Plans, targets, tasks and their progress. */
		PLANS,
		/** Periodic reports and their annexes. */
		PERIODIC_REPORTS,
		/** Prone establishments, inspections, interagency teams and tip-offs of prostitution. */
		PREVENTION,
		/** Pseudonymous records of support to people who sell sex. */
		SUPPORT_RECORDS,
		/**
		 * Child-friendly commune assessments (QĐ 06/QĐ-TTg): a commune's self-assessment with its evidence, the review
		 * by the level above and the recognition decision. Commune data, not personal.
		 */
		CHILD_FRIENDLY,
		/** Aggregated figures with small counts hidden. */
		FIGURES,
		/** Aggregated figures with small counts shown: for those who already see the records behind them. */
		EXACT_FIGURES,
		/** Accounts of users, their roles and jurisdictions. */
		ACCOUNTS,
		/** The audit log: who read or changed what. */
		AUDIT_LOG
	}

	/** What is done with the data. */
	public enum Use {
		READ, WRITE, EXPORT
	}

	private static final Set<Use> R = EnumSet.of(Use.READ);
	private static final Set<Use> RW = EnumSet.of(Use.READ, Use.WRITE);
	private static final Set<Use> RE = EnumSet.of(Use.READ, Use.EXPORT);
	private static final Set<Use> RWE = EnumSet.allOf(Use.class);
	private static final Set<Use> W = EnumSet.of(Use.WRITE);

	private static final Map<Role, Map<Data, Set<Use>>> TABLE = new EnumMap<>(Role.class);

	static {
		allow(Role.SYSTEM_ADMIN, RWE, Data.CHILD_IDENTITY, Data.CHILD_HOUSEHOLD, Data.CHILD_GROUPS, Data.CHILD_SUPPORTS,
				Data.CHILD_NOTES, Data.PLANS, Data.PERIODIC_REPORTS, Data.PREVENTION, Data.OUTREACH, Data.OPINIONS);
		// the administrator corrects the criteria of child-friendly communes (decision 0014), and scores nothing
		allow(Role.SYSTEM_ADMIN, RW, Data.CHILD_FRIENDLY);
		// No reports and no case summaries: nothing in an administrator's work routes a report or a case (the hotline
		// and the commune do, district and province officers escalate), and a national account that reads every
		// case's summary would be the largest single window onto the children under protection (0009).
		allow(Role.SYSTEM_ADMIN, RE, Data.FIGURES, Data.EXACT_FIGURES, Data.AUDIT_LOG);
		allow(Role.SYSTEM_ADMIN, RW, Data.ACCOUNTS);

		for (Role officer : new Role[] { Role.PROVINCE_OFFICER, Role.DISTRICT_OFFICER }) {
			allow(officer, RWE, Data.CHILD_IDENTITY, Data.CHILD_HOUSEHOLD, Data.CHILD_GROUPS, Data.CHILD_SUPPORTS,
					Data.CHILD_NOTES, Data.PLANS, Data.PERIODIC_REPORTS, Data.PREVENTION, Data.OUTREACH, Data.OPINIONS,
					Data.SUPPORT_RECORDS);
			// the level above reviews the communes' assessments and records the recognition (decision 0014)
			allow(officer, RW, Data.CHILD_FRIENDLY);
			allow(officer, RW, Data.REPORTS, Data.CASE_SUMMARY, Data.REFERRALS);
			// who reported: only on the reports the officer received themself (Reports)
			allow(officer, RW, Data.INFORMANT);
			// the details of a case only when it is escalated to them or the glass is broken (CaseAccess)
			allow(officer, RW, Data.CASE_DETAILS);
			allow(officer, RE, Data.FIGURES, Data.EXACT_FIGURES);
		}
		allow(Role.PROVINCE_OFFICER, RW, Data.ACCOUNTS);
		// the staff of a commune, and the district over it, look up the colleagues they work a case with; accounts are
		// changed only by administrators, within the order of Role.administrativeLevel (AdministrationRules)
		for (Role staff : new Role[] { Role.DISTRICT_OFFICER, Role.COMMUNE_OFFICER, Role.CASE_WORKER,
				Role.COMMUNE_CHAIRMAN }) {
			allow(staff, R, Data.ACCOUNTS);
		}

		allow(Role.COMMUNE_OFFICER, RWE, Data.CHILD_IDENTITY, Data.CHILD_HOUSEHOLD, Data.CHILD_GROUPS,
				Data.CHILD_SUPPORTS, Data.CHILD_NOTES, Data.PERIODIC_REPORTS, Data.OUTREACH, Data.OPINIONS);
		allow(Role.COMMUNE_OFFICER, RW, Data.CHILD_FRIENDLY);
		allow(Role.COMMUNE_OFFICER, RW, Data.REPORTS, Data.CASE_SUMMARY, Data.CASE_DETAILS, Data.REFERRALS, Data.PLANS,
				Data.PREVENTION, Data.SUPPORT_RECORDS);
		allow(Role.COMMUNE_OFFICER, RE, Data.FIGURES, Data.EXACT_FIGURES);
		// who reported: only on the reports the officer received themself (Reports)
		allow(Role.COMMUNE_OFFICER, RW, Data.INFORMANT);

		allow(Role.CASE_WORKER, RWE, Data.CHILD_IDENTITY, Data.CHILD_HOUSEHOLD, Data.CHILD_GROUPS, Data.CHILD_SUPPORTS,
				Data.CHILD_NOTES);
		allow(Role.CASE_WORKER, RW, Data.REPORTS, Data.CASE_SUMMARY, Data.CASE_DETAILS, Data.INFORMANT, Data.REFERRALS,
				Data.SUPPORT_RECORDS);
		allow(Role.CASE_WORKER, R, Data.PLANS, Data.PERIODIC_REPORTS, Data.OUTREACH, Data.OPINIONS,
				Data.CHILD_FRIENDLY);
		allow(Role.CASE_WORKER, RE, Data.FIGURES, Data.EXACT_FIGURES);

		// the chairman decides (emergency measures, plans, the periodic report) and so reads what they decide on
		allow(Role.COMMUNE_CHAIRMAN, R, Data.CHILD_IDENTITY, Data.CHILD_HOUSEHOLD, Data.CHILD_GROUPS,
				Data.CHILD_SUPPORTS, Data.CHILD_NOTES, Data.OUTREACH, Data.OPINIONS);
		allow(Role.COMMUNE_CHAIRMAN, RW, Data.REPORTS, Data.CASE_SUMMARY, Data.CASE_DETAILS, Data.PLANS,
				Data.PERIODIC_REPORTS, Data.PREVENTION, Data.CHILD_FRIENDLY);
		allow(Role.COMMUNE_CHAIRMAN, RE, Data.FIGURES, Data.EXACT_FIGURES);
		// who reported: only on the reports the chairman received themself (Reports)
		allow(Role.COMMUNE_CHAIRMAN, RW, Data.INFORMANT);

		// registration of the children of their villages, and reporting a concern: nothing more
		allow(Role.VILLAGE_COLLABORATOR, RW, Data.CHILD_IDENTITY, Data.CHILD_HOUSEHOLD);
		allow(Role.VILLAGE_COLLABORATOR, W, Data.REPORTS, Data.INFORMANT);

		// the 111 operator locates a child and the commune a report belongs to, and follows the reports it made
		allow(Role.HOTLINE_OPERATOR, R, Data.CHILD_IDENTITY);
		allow(Role.HOTLINE_OPERATOR, RW, Data.REPORTS, Data.INFORMANT);
		allow(Role.HOTLINE_OPERATOR, R, Data.CASE_SUMMARY, Data.FIGURES);

		// an agency works on what is addressed to it or organised by it (the record-level rule is the module's)
		allow(Role.AGENCY_FOCAL_POINT, RW, Data.REFERRALS, Data.PLANS, Data.OPINIONS, Data.OUTREACH);
		allow(Role.AGENCY_FOCAL_POINT, R, Data.PERIODIC_REPORTS, Data.CHILD_FRIENDLY);
		allow(Role.AGENCY_FOCAL_POINT, RE, Data.FIGURES);

		allow(Role.INSPECTOR, RWE, Data.PREVENTION);
		// the district's prostitution-prevention plan gives the inspection teams their tasks (Thọ Xuân 2024, II.3)
		allow(Role.INSPECTOR, R, Data.PLANS);
		allow(Role.INSPECTOR, RE, Data.FIGURES);

		allow(Role.VIEWER, RE, Data.FIGURES);
		allow(Role.VIEWER, R, Data.PLANS, Data.PERIODIC_REPORTS, Data.CHILD_FRIENDLY);
	}

	private NeedToKnow() {
	}

	private static void allow(Role role, Set<Use> uses, Data... kinds) {
		Map<Data, Set<Use>> row = TABLE.computeIfAbsent(role, r -> new EnumMap<>(Data.class));
		for (Data kind : kinds) {
			row.computeIfAbsent(kind, k -> EnumSet.noneOf(Use.class)).addAll(uses);
		}
	}

	/** What the role may do with the kind of data: empty when nothing. */
	public static Set<Use> of(Role role, Data kind) {
		return Collections.unmodifiableSet(TABLE.getOrDefault(role, Map.of()).getOrDefault(kind, Set.of()));
	}

	/** True when any of the user's roles may use the kind of data so. */
	public static boolean may(SignedInUser user, Data kind, Use use) {
		return user.roles().stream().anyMatch(role -> of(role, kind).contains(use));
	}

	/** @throws UserFacingException 403 when none of the user's roles may use the kind of data so */
	public static void require(SignedInUser user, Data kind, Use use) {
		if (!may(user, kind, use)) {
			throw new UserFacingException(403, "error.access-denied");
		}
	}

	/**
	 * The table as Markdown (roles as rows, kinds of data as columns, R/W/E in each cell), as
	 * docs/decisions/0009-need-to-know.md holds it: a test keeps the two equal.
	 */
	public static String markdown() {
		StringBuilder out = new StringBuilder("| role | ");
		out.append(Arrays.stream(Data.values()).map(Enum::name).map(n -> "`" + n + "`").collect(Collectors.joining(" | ")));
		out.append(" |\n|---|").append("---|".repeat(Data.values().length)).append('\n');
		for (Role role : Role.values()) {
			out.append("| `").append(role.name()).append("` | ");
			out.append(Arrays.stream(Data.values()).map(kind -> cell(of(role, kind))).collect(Collectors.joining(" | ")));
			out.append(" |\n");
		}
		return out.toString();
	}

	private static String cell(Set<Use> uses) {
		if (uses.isEmpty()) {
			return "·";
		}
		return (uses.contains(Use.READ) ? "R" : "") + (uses.contains(Use.WRITE) ? "W" : "")
				+ (uses.contains(Use.EXPORT) ? "E" : "");
	}
}
