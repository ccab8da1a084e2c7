package vn.vongtay.home;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * How long until a deadline, or how long past it, as an official reads it: "còn 11 giờ 50 phút", "còn 3 ngày 4 giờ",
 * "quá hạn 25 phút". Minutes are cut, not rounded: "còn 0 phút" while a minute is left would be read as missed. Gives
 * the message key and its arguments; the page's locale writes the words.
 */
record TimeLeft(String key, Object[] arguments) {

	static TimeLeft between(LocalDateTime now, LocalDateTime due) {
		Duration left = Duration.between(now, due);
		boolean late = left.isNegative();
		Duration span = left.abs();
		String prefix = late ? "home.late." : "home.left.";
		long days = span.toDays();
		if (days > 0) {
			return new TimeLeft(prefix + "days", new Object[] { days, span.toHoursPart() });
		}
		if (span.toHours() > 0) {
			return new TimeLeft(prefix + "hours", new Object[] { span.toHours(), span.toMinutesPart() });
		}
		return new TimeLeft(prefix + "minutes", new Object[] { span.toMinutes() });
	}

	boolean late() {
		return key.startsWith("home.late.");
	}
}
