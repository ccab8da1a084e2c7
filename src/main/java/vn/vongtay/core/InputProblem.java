package vn.vongtay.core;

/**
 * One thing wrong with submitted input: where (row and column of a file, or a field or path) and why, as a message key
 * with its arguments.
 *
 * @param row 1-based row of the file as a spreadsheet shows it, or {@code null}
 * @param column the column heading or field name, or {@code null}
 */
public record InputProblem(Integer row, String column, String messageKey, Object... arguments) {

	public static InputProblem at(int row, String column, String messageKey, Object... arguments) {
		return new InputProblem(row, column, messageKey, arguments);
	}

	public static InputProblem field(String field, String messageKey, Object... arguments) {
		return new InputProblem(null, field, messageKey, arguments);
	}
}
