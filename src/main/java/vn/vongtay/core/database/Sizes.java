package vn.vongtay.core.database;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Sizes of files and disks as an official reads them: 1,5 GB, 640 MB (Vietnamese decimal comma). */
public final class Sizes {

	private static final String[] UNITS = { "B", "KB", "MB", "GB", "TB" };

	private Sizes() {
	}

	public static String readable(long bytes) {
		double value = bytes;
		int unit = 0;
		while (value >= 1024 && unit < UNITS.length - 1) {
			value /= 1024;
			unit++;
		}
		DecimalFormat format = new DecimalFormat(unit == 0 || value >= 100 ? "#,##0" : "#,##0.#",
				DecimalFormatSymbols.getInstance(Locale.forLanguageTag("vi-VN")));
		return format.format(value) + " " + UNITS[unit];
	}
}
