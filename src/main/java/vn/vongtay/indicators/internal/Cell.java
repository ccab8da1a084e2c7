package vn.vongtay.indicators.internal;

/**
 * One cell of a breakdown: a dimension and one of its values ({@code sex = FEMALE}), or the total (both empty). Figures
 * are kept by one dimension at a time, never by combinations of them.
 */
public record Cell(String dimension, String value) implements Comparable<Cell> {

	public static final Cell TOTAL = new Cell("", "");

	public Cell {
		dimension = dimension == null ? "" : dimension;
		value = value == null ? "" : value;
	}

	public static Cell of(String dimension, String value) {
		return new Cell(dimension, value == null || value.isBlank() ? "UNKNOWN" : value);
	}

	public boolean isTotal() {
		return dimension.isEmpty();
	}

	@Override
	public int compareTo(Cell other) {
		int d = dimension.compareTo(other.dimension);
		return d != 0 ? d : value.compareTo(other.value);
	}
}
