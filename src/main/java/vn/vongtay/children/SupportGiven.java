package vn.vongtay.children;

import java.time.LocalDate;

/** A child received a support (an allowance, a scholarship, a card, ...). */
public record SupportGiven(long childId, long unitId, SupportKind kind, Long amountVnd, LocalDate givenOn) {
}
