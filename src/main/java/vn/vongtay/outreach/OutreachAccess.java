package vn.vongtay.outreach;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Component;

import vn.vongtay.core.UserFacingException;
import vn.vongtay.directory.Agencies;
import vn.vongtay.identity.Jurisdiction;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.NeedToKnow;
import vn.vongtay.identity.NeedToKnow.Data;
import vn.vongtay.identity.NeedToKnow.Use;
import vn.vongtay.identity.Role;
import vn.vongtay.identity.SignedInUser;

/**
 * Who may do what in outreach, in one place. Whether a role may read or write activities ({@code Data.OUTREACH}),
 * children's opinions ({@code Data.OPINIONS}) and figures at all is the need-to-know table's (decision 0009); on top
 * of it, whose:
 * <ul>
 * <li>the staff of units work on the activities that took place within their jurisdiction (changing one needs every
 * place of it within) and on the opinions raised there;</li>
 * <li>an agency's focal point works on what is addressed to or organised by its own agency, or by the agencies it took
 * over: the activities it organised and the opinions children addressed to it, not the rest of its commune's.</li>
 * </ul>
 * Coverage figures hold no names: whoever may read figures sees them.
 */
@Component
public class OutreachAccess {

	private final Jurisdictions jurisdictions;
	private final Agencies agencies;

	OutreachAccess(Jurisdictions jurisdictions, Agencies agencies) {
		this.jurisdictions = jurisdictions;
		this.agencies = agencies;
	}

	/**
	 * What the caller may work on for a kind of data and use: the units of their jurisdiction, the agencies they speak
	 * for, both, or nothing.
	 */
	record Scope(boolean units, List<Long> agencies) {

		boolean none() {
			return !units && agencies.isEmpty();
		}
	}

	Scope scope(Data kind, Use use) {
		SignedInUser user = Jurisdictions.requireUser();
		boolean forUnits = user.roles().stream()
			.anyMatch(role -> role != Role.AGENCY_FOCAL_POINT && NeedToKnow.of(role, kind).contains(use));
		boolean forAgency = user.agencyId() != null && user.has(Role.AGENCY_FOCAL_POINT)
				&& NeedToKnow.of(Role.AGENCY_FOCAL_POINT, kind).contains(use);
		return new Scope(forUnits, forAgency ? agencies.withPredecessors(user.agencyId()) : List.of());
	}

	/** @throws UserFacingException 403 when the caller may not use the kind of data so at all */
	Scope require(Data kind, Use use) {
		Scope scope = scope(kind, use);
		if (scope.none()) {
			throw new UserFacingException(403, "error.access-denied");
		}
		return scope;
	}

	/** Whether the caller works with activities (the log, the forms), rather than only with the coverage figures. */
	public boolean readsActivities() {
		return !scope(Data.OUTREACH, Use.READ).none();
	}

	/** @throws UserFacingException 403 when the caller may not read figures */
	void requireFigures() {
		NeedToKnow.require(Jurisdictions.requireUser(), Data.FIGURES, Use.READ);
	}

	/**
	 * An SQL condition true for the rows the scope reaches, binding {@code :scopeAgencies}: a unit within the
	 * jurisdiction (the condition {@code withinJurisdiction} of the caller's jurisdiction), or an agency of the scope
	 * in {@code agencyColumn}.
	 */
	static String condition(Scope scope, String withinJurisdiction, String agencyColumn) {
		String units = scope.units() ? withinJurisdiction : "FALSE";
		String agency = scope.agencies().isEmpty() ? "FALSE" : agencyColumn + " IN (:scopeAgencies)";
		return "((" + units + ") OR " + agency + ")";
	}

	/** Binds what {@link #condition} and the jurisdiction's condition need. */
	static StatementSpec bind(StatementSpec statement, Scope scope, Jurisdiction jurisdiction) {
		StatementSpec bound = jurisdiction.bind(statement);
		return scope.agencies().isEmpty() ? bound : bound.param("scopeAgencies", scope.agencies());
	}
}
