package vn.vongtay.core.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import vn.vongtay.core.VietnamTime;
import vn.vongtay.core.VietnameseFormats;

/**
 * Numbers and dates in the reader's locale, for templates ({@code ${@formats.number(x)}}): see
 * {@link VietnameseFormats}.
 */
@Component("formats")
public class Formats {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

	public String number(Number value) {
		return VietnameseFormats.number(value, LocaleContextHolder.getLocale());
	}

	public String date(LocalDate date) {
		return VietnameseFormats.date(date);
	}

	/** An instant as the clock on a wall in Vietnam showed it. */
	public String dateTime(Instant instant) {
		return instant == null ? "" : DATE_TIME.format(instant.atZone(VietnamTime.ZONE));
	}
}
