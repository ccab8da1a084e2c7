package vn.vongtay.children;

/** A child's record was corrected (name, birth date, sex, ethnicity, ...); the commune is unchanged (a move is ChildMoved). */
public record ChildCorrected(long childId, long unitId) {
}
