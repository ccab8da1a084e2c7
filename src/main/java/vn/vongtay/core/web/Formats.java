package vn.vongtay.core.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Numbers and dates as the reader's locale writes them, for templates ({@code ${@formats.number(x)}}): in Vietnamese
 * 15.988 and 2,5 and 29/03/2022; in English 15,988 and 2.5 (dates stay dd/MM/yyyy, the form on every document).
 */
@Component("formats")
public class Formats {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

	public String number(Number value) {
		if (value == null) {
			return "";
		}
		boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
		DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
		symbols.setGroupingSeparator(english ? ',' : '.');
		symbols.setDecimalSeparator(english ? '.' : ',');
		DecimalFormat format = new DecimalFormat("#,##0.####", symbols);
		return format.format(value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString()));
	}

	/** An instant as the clock on a wall in Vietnam showed it. */
	public String dateTime(java.time.Instant instant) {
		return instant == null ? "" : DATE_TIME.format(instant.atZone(vn.vongtay.core.VietnamTime.ZONE));
	}

	public String date(LocalDate date) {
		return date == null ? "" : DATE.format(date);
	}
}
