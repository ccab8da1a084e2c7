package vn.vongtay.geography;

/**
 * Units or their lineage were stored from an official list, and what every unit reaches was recomputed: figures rolled
 * up along {@code geography.unit_reach} must be recounted.
 */
public record UnitsImported(int units, int successions) {
}
