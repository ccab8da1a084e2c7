package vn.vongtay.casework;

/** The case was linked to the child's record in the register, whose sex and date of birth it then takes. */
public record ChildLinked(long caseId, long unitId, long childId) {
}
