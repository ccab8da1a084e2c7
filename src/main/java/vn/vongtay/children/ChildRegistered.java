package vn.vongtay.children;

/** A child was entered in the register of a commune (by hand or by an import). */
public record ChildRegistered(long childId, long unitId, String provinceCode) {
}
