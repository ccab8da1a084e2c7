package vn.vongtay.prostitution;

import java.time.LocalDateTime;

/** What the receiving officer records; the informant is deliberately absent. */
public record TipOffDraft(TipOffChannel channel, TipOffKind kind, LocalDateTime receivedAt, String content,
		String unitCode, Long establishmentId) {
}
