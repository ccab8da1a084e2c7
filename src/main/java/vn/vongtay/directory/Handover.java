package vn.vongtay.directory;

import java.time.LocalDate;

/**
 * Duties passing from one agency to its successor on a day, by legal texts (in 2025: child affairs from the labour
 * offices to health on 01/03/2025, then from the bodies of the former tree to those of the tree of 01/07/2025).
 */
public record Handover(Agency from, Agency to, LocalDate on, String duties, String basis) {
}
