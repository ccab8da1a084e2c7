package vn.vongtay.planning;

/**
 * An agency as a plan names it, with the agency that carries its duties today when it was replaced (the labour offices
 * whose child affairs went to health in 2025): a task follows its agency through the renaming. {@code currentEndedOn}
 * is the last day of the agency carrying its duties today, when it has ended.
 */
public record AgencyRef(long id, String name, String unitCode, Long currentId, String currentName,
		java.time.LocalDate currentEndedOn) {

	public boolean replaced() {
		return currentId != null && currentId != id;
	}
}
