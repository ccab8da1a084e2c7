package vn.vongtay.core;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates and numbers as Vietnamese documents write them (29/03/2022, 15.988, 2,5), for messages, pages and exports;
 * English keeps the date form of the documents and writes numbers 15,988 and 2.5.
 */
public final class VietnameseFormats {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private VietnameseFormats() {
	}

	public static String date(LocalDate date) {
		return date == null ? "" : DATE.format(date);
	}

	/** In Vietnamese unless the locale is English. */
	public static String number(Number value, Locale locale) {
		if (value == null) {
			return "";
		}
		boolean english = locale != null && "en".equals(locale.getLanguage());
		DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
		symbols.setGroupingSeparator(english ? ',' : '.');
		symbols.setDecimalSeparator(english ? '.' : ',');
		return new DecimalFormat("#,##0.####", symbols)
			.format(value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString()));
	}

	public static String number(Number value) {
		return number(value, VietnameseText.VIETNAMESE);
	}
}
