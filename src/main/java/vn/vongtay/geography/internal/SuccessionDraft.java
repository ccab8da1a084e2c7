package vn.vongtay.geography.internal;

import vn.vongtay.geography.SuccessionKind;

/** "Old unit {@code predecessorCode} went (wholly or partly) into new unit {@code successorCode}". */
public record SuccessionDraft(String predecessorCode, String successorCode, SuccessionKind kind, String path) {
}
