package vn.vongtay.access;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cells of the matrix the application does not answer as decided yet, each with the item of issue 16 that fixes
 * it (or "new" for a hole no item names). The matrix test passes over these, and fails as soon as one of them is
 * answered as decided: delete the entry then, so that the list only ever shrinks. Keys are a line of the matrix
 * ({@code METHOD PATH [variant]}) and a caller's column.
 */
final class KnownFailures {

	private final Map<String, String> cells = new LinkedHashMap<>();

	KnownFailures() {
	}

	/** Why the cell is answered otherwise today, or null when it is not a known failure. */
	String of(String rowKey, Caller caller) {
		return cells.get(rowKey + " " + caller.column);
	}

	Map<String, String> all() {
		return cells;
	}

	private void known(String item, String rowKey, String... columns) {
		for (String column : columns) {
			if (cells.put(rowKey + " " + Caller.ofColumn(column).column, item) != null) {
				throw new IllegalStateException("known twice: " + rowKey + " " + column);
			}
		}
	}
}
