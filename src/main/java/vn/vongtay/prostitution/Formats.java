package vn.vongtay.prostitution;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Dates and amounts as they appear inside messages: 15/12/2025, 1.000.000. */
final class Formats {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private Formats() {
	}

	static String date(LocalDate date) {
		return date == null ? "" : DATE.format(date);
	}

	static String amount(long value) {
		DecimalFormatSymbols symbols = new DecimalFormatSymbols();
		symbols.setGroupingSeparator('.');
		symbols.setDecimalSeparator(',');
		return new DecimalFormat("#,##0", symbols).format(value);
	}
}
