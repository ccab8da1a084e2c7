package vn.vongtay.geography;

/** The tiers of Vietnamese local government. Districts existed until 30/06/2025. */
public enum UnitLevel {
	NATION, PROVINCE, DISTRICT, COMMUNE
}
