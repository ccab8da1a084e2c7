package vn.vongtay.planning.internal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Component;

import vn.vongtay.core.UserFacingException;
import vn.vongtay.identity.Jurisdiction;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.Role;
import vn.vongtay.identity.SignedInUser;

/**
 * Who may see and track which plan, in one place. Plans are public documents of their unit: anyone whose jurisdiction
 * lies within or below the issuing unit sees them, and so does an agency named in one of their tasks (or the agency
 * that took over its duties). Progress on a task is recorded by its lead agency, contributions by its partners, and by
 * the officers of the issuing unit on anyone's behalf.
 */
@Component
public class PlanAccess {

	/** The caller's agency and every agency it replaced, bound to {@code :myAgency}. */
	public static final String MY_AGENCIES = """
			WITH RECURSIVE mine(id) AS (
			  SELECT CAST(:myAgency AS bigint) WHERE CAST(:myAgency AS bigint) IS NOT NULL
			  UNION
			  SELECT a.id FROM directory.agency a JOIN mine m ON a.replaced_by_id = m.id)
			SELECT id FROM mine""";

	private static final List<Role> OFFICERS = List.of(Role.SYSTEM_ADMIN, Role.PROVINCE_OFFICER, Role.DISTRICT_OFFICER,
			Role.COMMUNE_OFFICER);

	private final JdbcClient jdbc;
	private final Jurisdictions jurisdictions;

	PlanAccess(JdbcClient jdbc, Jurisdictions jurisdictions) {
		this.jdbc = jdbc;
		this.jurisdictions = jurisdictions;
	}

	/** An SQL condition true when the caller may see the plan whose id is in {@code planIdColumn}. */
	public String visible(String planAlias) {
		Jurisdiction jurisdiction = jurisdictions.current();
		return "(" + jurisdiction.restrictOrAbove(planAlias + ".issuer_unit_id") + """
				 OR EXISTS (SELECT 1 FROM planning.task vt LEFT JOIN planning.task_partner vp ON vp.task_id = vt.id
				            WHERE vt.plan_id = %s.id
				              AND (vt.lead_agency_id IN (%s) OR vp.agency_id IN (%s))))"""
			.formatted(planAlias, MY_AGENCIES, MY_AGENCIES);
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

	/** True when the caller is an officer whose jurisdiction covers the plan's issuing unit. */
	public boolean managesPlan(long issuerUnitId) {
		SignedInUser user = Jurisdictions.requireUser();
		return OFFICERS.stream().anyMatch(user::has) && jurisdictions.covers(issuerUnitId);
	}

	/** The agencies the caller's agency speaks for (itself and those it replaced). */
	public List<Long> myAgencies() {
		Long agency = myAgency();
		if (agency == null) {
			return List.of();
		}
		return jdbc.sql(MY_AGENCIES).param("myAgency", agency).query(Long.class).list();
	}
}
