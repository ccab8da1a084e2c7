package vn.vongtay.childfriendly;

/**
 * The kind of commune, which sets the total it must reach (QĐ 06/QĐ-TTg): the wards of the districts, towns and cities
 * of a centrally-run city; the communes and townships of mountain and island areas and the extremely disadvantaged
 * communes; all others.
 */
public enum CommuneCategory {
	CENTRAL_CITY_WARD, MOUNTAIN_ISLAND_DISADVANTAGED, OTHER
}
