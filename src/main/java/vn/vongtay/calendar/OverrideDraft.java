package vn.vongtay.calendar;

/**
 * An administrator's change of one day, as typed.
 *
 * @param day the day, {@code dd/MM/yyyy} or {@code yyyy-MM-dd}
 * @param kind day off or working day
 * @param name its name in Vietnamese (required for a day off; a working day defaults to Làm bù)
 * @param nameEn its name in English, optional
 * @param source the decision it comes from, e.g. Công văn 12729/VPCP-KGVX ngày 25/12/2025
 * @param yearVersion the version of the year's calendar the administrator saw; {@code null} skips the check (API)
 */
public record OverrideDraft(String day, OverrideKind kind, String name, String nameEn, String source,
		Integer yearVersion) {
}
