package vn.vongtay.core;

import java.time.ZoneId;

/** Vietnam's time zone, in which every date of the system (a deadline, a report's day, an "as of" date) is read. */
public final class VietnamTime {

	public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private VietnamTime() {
	}
}
