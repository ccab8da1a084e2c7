package vn.vongtay.casework;

import java.time.Duration;

/**
 * How long before a deadline the case worker is told it draws near: emergency measures 3 hours before, a plan or a
 * review a day before, by default ({@code vongtay.casework.notice.emergency}, {@code .plan}).
 */
record DeadlineNotice(Duration emergency, Duration plan) {

	Duration before(DeadlineKind kind) {
		return kind == DeadlineKind.EMERGENCY ? emergency : plan;
	}
}
