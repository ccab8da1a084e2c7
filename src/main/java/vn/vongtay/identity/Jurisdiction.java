package vn.vongtay.identity;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

import vn.vongtay.geography.Units;

/**
 * The units a user answers for: the root units given to them and everything those reach (their descendants at any date,
 * and the abolished units they fully continue). Every query of personal data restricts itself through
 * {@link #restrict(String)} and binds the roots with {@link #bind(StatementSpec)}.
 */
public record Jurisdiction(Set<Long> rootUnitIds) implements Serializable {

	public static final String PARAMETER = "jurisdictionRoots";

	/** A jurisdiction that reaches nothing: the safe default for anyone unknown. */
	public static final Jurisdiction NONE = new Jurisdiction(Set.of());

	public Jurisdiction {
		rootUnitIds = Set.copyOf(rootUnitIds);
	}

	/** An SQL condition true when the unit in {@code unitIdColumn} lies within this jurisdiction. */
	public String restrict(String unitIdColumn) {
		// an array computed once (an InitPlan) rather than a join: the planner can then combine the unit index with the
		// other indexes of the query (a commune's children with the trigram index of their names, say)
		return unitIdColumn + " = ANY (ARRAY(" + Units.REACH_OF_ROOTS + "))";
	}

	/**
	 * An SQL condition true when the unit lies within this jurisdiction or above it (the province and nation over a
	 * commune): for reference data such as agencies, never for personal data.
	 */
	public String restrictOrAbove(String unitIdColumn) {
		return "(" + restrict(unitIdColumn) + " OR " + unitIdColumn + " IN (" + Units.ANCESTORS_OF_ROOTS + "))";
	}

	public StatementSpec bind(StatementSpec statement) {
		return statement.param(PARAMETER, boundRoots());
	}

	/** The roots as bound to the query; an empty jurisdiction binds an id no unit has, so it matches nothing. */
	public List<Long> boundRoots() {
		return rootUnitIds.isEmpty() ? List.of(-1L) : List.copyOf(rootUnitIds);
	}
}
