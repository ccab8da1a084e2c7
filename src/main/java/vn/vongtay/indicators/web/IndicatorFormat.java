package vn.vongtay.indicators.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import vn.vongtay.core.VietnameseFormats;
import vn.vongtay.indicators.Indicator;
import vn.vongtay.indicators.IndicatorValue;
import vn.vongtay.indicators.IndicatorValue.Status;

/**
 * Values as pages show them ({@code ${@indicatorFormat.text(value, indicator)}}): 15.988, 4,5 %, 12 ‰, "&lt; 5" for a
 * hidden small count, "chưa báo cáo" for a figure nobody entered (never 0), "chưa có nguồn dữ liệu" for records not
 * kept yet.
 */
@Component("indicatorFormat")
public class IndicatorFormat {

	private final MessageSource messages;

	IndicatorFormat(MessageSource messages) {
		this.messages = messages;
	}

	public String text(IndicatorValue value, Indicator indicator, int threshold) {
		Locale locale = LocaleContextHolder.getLocale();
		if (value == null) {
			return message("indicators.value.NOT_REPORTED", locale);
		}
		if (value.suppressed()) {
			return "< " + threshold;
		}
		if (value.value() == null) {
			return message("indicators.value." + value.status().name(), locale);
		}
		return number(value.value(), indicator, locale);
	}

	public String cell(IndicatorValue.Cell cell, Indicator indicator, int threshold) {
		Locale locale = LocaleContextHolder.getLocale();
		if (cell.suppressed()) {
			return "< " + threshold;
		}
		if (cell.value() == null) {
			return message("indicators.value." + (cell.status() == Status.VALUE ? "UNDEFINED" : cell.status().name()),
					locale);
		}
		return number(cell.value(), indicator, locale);
	}

	public String number(BigDecimal value, Indicator indicator, Locale locale) {
		if (value == null) {
			return "";
		}
		String n = VietnameseFormats.number(value.setScale(Math.min(Math.max(value.scale(), 0), 2), RoundingMode.HALF_UP),
				locale);
		return switch (indicator.unit()) {
			case PERCENT -> n + " %";
			case PER_1000 -> n + " ‰";
			case PER_100000 -> n + " /100.000";
			case VND -> n + " đ";
			default -> n;
		};
	}

	/**
	 * Where the indicator stands in Thông tư 13/2021/TT-BLĐTBXH, in words an official reads: "Phụ lục II, mã số 0101:
	 * «Số trẻ em bị xâm hại»"; a code not checked against the circular's text says so; an indicator that is not the
	 * circular's says that too.
	 */
	public String circular(Indicator indicator) {
		Locale locale = LocaleContextHolder.getLocale();
		Indicator.Circular c = indicator.circular();
		if (c == null) {
			return message("indicators.circular.none", locale);
		}
		String name = c.name() == null ? messages.getMessage("indicators.circular.name-unchecked", null, locale)
				: "«" + c.name() + "»";
		String group = c.group() == null ? "" : ", " + messages.getMessage("indicators.circular.group",
				new Object[] { c.group() }, locale);
		return c.codeChecked()
				? messages.getMessage("indicators.circular.checked", new Object[] { c.annex(), c.code(), name }, locale)
				: messages.getMessage("indicators.circular.unchecked", new Object[] { c.annex(), group, name }, locale);
	}

	/** The unit's symbol for a table heading, empty for counts. */
	public String unitSymbol(Indicator indicator) {
		return message("indicators.unit." + indicator.unit().name(), LocaleContextHolder.getLocale());
	}

	private String message(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}
}
