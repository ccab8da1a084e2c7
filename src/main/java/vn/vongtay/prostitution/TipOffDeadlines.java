package vn.vongtay.prostitution;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Days allowed for each step of a tip-off, counted in calendar days from the previous step. The defaults follow the
 * practice of the 178 teams (verify within 3 days, classify within 2, handle within 20, the time the Criminal Procedure
 * Code gives to settle a report); a province changes them with {@code vongtay.prostitution.tip-off.*-days}.
 */
@Component
class TipOffDeadlines {

	private final int verifyDays;
	private final int classifyDays;
	private final int handleDays;

	TipOffDeadlines(@Value("${vongtay.prostitution.tip-off.verify-days:3}") int verifyDays,
			@Value("${vongtay.prostitution.tip-off.classify-days:2}") int classifyDays,
			@Value("${vongtay.prostitution.tip-off.handle-days:20}") int handleDays) {
		this.verifyDays = verifyDays;
		this.classifyDays = classifyDays;
		this.handleDays = handleDays;
	}

	/** Days allowed, from reaching {@code step}, to take the next one; 0 when nothing follows. */
	int daysAfter(TipOffStep step) {
		return switch (step) {
			case RECEIVED -> verifyDays;
			case VERIFIED -> classifyDays;
			case CLASSIFIED -> handleDays;
			case HANDLED, CLOSED_UNFOUNDED -> 0;
		};
	}
}
