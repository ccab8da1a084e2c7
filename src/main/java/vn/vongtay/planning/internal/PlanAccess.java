package vn.vongtay.planning.internal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
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
 * Who may see and track which plan, in one place. What a role may do with plans at all is the need-to-know table's
 * ({@link NeedToKnow}, {@code Data.PLANS}, decision 0009); on top of it, plans are documents of their unit: a reader
 * whose jurisdiction lies within or below the issuing unit sees them, and so does an agency named in one of their tasks
 * (or the agency that took over its duties). Plans are imported, and targets' results recorded, by those who write
 * plans for the units of their jurisdiction; an agency's focal point writes only on the tasks of its agency (the
 * record-level rule of 0009: "works on what is addressed to or organised by its own agency"). Progress on a task is
 * recorded by its lead agency, contributions by its partners, and by the managers of the issuing unit on anyone's
 * behalf.
 */
@Component
public class PlanAccess {

	/** The caller's agency and every agency it replaced, bound to {@code :myAgency}. */
	private static final String MY_AGENCIES = """
			WITH RECURSIVE mine(id) AS (
			  SELECT CAST(:myAgency AS bigint) WHERE CAST(:myAgency AS bigint) IS NOT NULL
			  UNION
			  SELECT a.id FROM directory.agency a JOIN mine m ON a.replaced_by_id = m.id)
			SELECT id FROM mine""";

	private final JdbcClient jdbc;
	private final Jurisdictions jurisdictions;
	private final Agencies agencies;

	PlanAccess(JdbcClient jdbc, Jurisdictions jurisdictions, Agencies agencies) {
		this.jdbc = jdbc;
		this.jurisdictions = jurisdictions;
		this.agencies = agencies;
	}

	/** An SQL condition true when the caller may see the plan whose id is in {@code planIdColumn}. */
	public String visible(String planAlias) {
		if (!Jurisdictions.requireUser().may(Data.PLANS, Use.READ)) {
			return "FALSE";
		}
		Jurisdiction jurisdiction = jurisdictions.current();
		return "(" + jurisdiction.restrictOrAbove(planAlias + ".issuer_unit_id") + """
				 OR EXISTS (SELECT 1 FROM planning.task vt LEFT JOIN planning.task_partner vp ON vp.task_id = vt.id
				            WHERE vt.plan_id = %s.id
				              AND (vt.lead_agency_id IN (%s) OR vt.carried_by_agency_id IN (%s)
				                   OR vp.agency_id IN (%s))))"""
			.formatted(planAlias, MY_AGENCIES, MY_AGENCIES, MY_AGENCIES);
	}

	/** Binds what {@link #visible(String)} and {@link #MY_AGENCIES} need. */
	public StatementSpec bind(StatementSpec statement) {
		return jurisdictions.current().bind(statement).param("myAgency", myAgency());
	}

	public Long myAgency() {
		return Jurisdictions.currentUser().map(SignedInUser::agencyId).orElse(null);
	}

	/** @throws UserFacingException 404 when the plan does not exist or is not visible to the caller */
	public void requireVisible(long planId) {
		boolean visible = bind(jdbc.sql("SELECT EXISTS (SELECT 1 FROM planning.plan p WHERE p.id = :id AND "
				+ visible("p") + ")"))
			.param("id", planId)
			.query(Boolean.class)
			.single();
		if (!visible) {
			throw UserFacingException.notFound("error.plan.not-found", planId);
		}
	}

	/** @throws UserFacingException 403 when none of the caller's roles may read plans */
	public void requireReader() {
		NeedToKnow.require(Jurisdictions.requireUser(), Data.PLANS, Use.READ);
	}

	/**
	 * Whether the caller writes plans for the units of their jurisdiction, rather than only on the tasks of their
	 * agency.
	 */
	public boolean writesForUnits() {
		SignedInUser user = Jurisdictions.requireUser();
		return user.roles().stream()
			.anyMatch(role -> role != Role.AGENCY_FOCAL_POINT && NeedToKnow.of(role, Data.PLANS).contains(Use.WRITE));
	}

	/** True when the caller writes plans for units and their jurisdiction covers the plan's issuing unit. */
	public boolean managesPlan(long issuerUnitId) {
		return writesForUnits() && jurisdictions.covers(issuerUnitId);
	}

	/** @throws UserFacingException 403 when the caller may not import plans (the issuing unit is checked by the import) */
	public void requireImporter() {
		NeedToKnow.require(Jurisdictions.requireUser(), Data.PLANS, Use.WRITE);
		if (!writesForUnits()) {
			throw new UserFacingException(403, "error.access-denied");
		}
	}

	/** The agencies the caller's agency speaks for (itself and those it replaced). */
	public List<Long> myAgencies() {
		Long agency = myAgency();
		return agency == null ? List.of() : agencies.withPredecessors(agency);
	}
}
