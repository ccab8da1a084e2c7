package vn.vongtay.prostitution;

import java.util.Set;

/**
 * The steps a tip-off goes through (the plan's <i>tiếp nhận, xác minh, phân loại, xử lý</i>). It is verified before anything
 * else; only a verified tip-off may be closed as unfounded; only a classified one may be handled.
 */
public enum TipOffStep {
	RECEIVED, VERIFIED, CLASSIFIED, HANDLED, CLOSED_UNFOUNDED;

	public Set<TipOffStep> next() {
		return switch (this) {
			case RECEIVED -> Set.of(VERIFIED);
			case VERIFIED -> Set.of(CLASSIFIED, CLOSED_UNFOUNDED);
			case CLASSIFIED -> Set.of(HANDLED);
			case HANDLED, CLOSED_UNFOUNDED -> Set.of();
		};
	}

	public boolean canMoveTo(TipOffStep step) {
		return next().contains(step);
	}

	public boolean isFinal() {
		return next().isEmpty();
	}
}
