package vn.vongtay.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.vongtay.core.InputProblem;
import vn.vongtay.core.UserFacingException;

/** A periodic report from draft to acceptance, without Spring (decision 0008). */
class PeriodicReportTests {

	private static final Instant DRAFTED = Instant.parse("2026-12-01T02:00:00Z");
	private static final Instant FIRST_SENT = Instant.parse("2026-12-10T02:00:00Z");
	private static final Instant SENT_AGAIN = Instant.parse("2026-12-28T02:00:00Z");

	private final PeriodicReport report = PeriodicReport.draft(7, "CHỦ TỊCH", "xa.a", "Cán bộ xã", DRAFTED);

	@Test
	void aDraftIsWrittenAndSubmittedAndRecordsEachStep() {
		report.write(new PeriodicReport.Sections("  Kết quả  ", null, "", null), " 07/BC-UBND ", "Lò Văn Thành", "Cán bộ xã",
				DRAFTED);
		report.submit(List.of(), "xa.a", "Cán bộ xã", FIRST_SENT);
		assertThat(report.status()).isEqualTo(ReportStatus.SUBMITTED);
		assertThat(report.sections().results()).isEqualTo("Kết quả");
		assertThat(report.sections().causes()).isNull();
		assertThat(report.number()).isEqualTo("07/BC-UBND");
		assertThat(report.newSteps()).extracting(PeriodicReport.Step::action).containsExactly("CREATED", "SAVED",
				"SUBMITTED");
	}

	@Test
	void aReportIsNotSubmittedWithoutItsResultsNorWithARequiredFigureMissing() {
		InputProblem vaccination = InputProblem.field("figure.FULL_VACCINATION_U1", "reporting.error.required-figure");
		assertThatThrownBy(() -> report.submit(List.of(vaccination), "xa.a", "Cán bộ xã", FIRST_SENT))
			.isInstanceOfSatisfying(UserFacingException.class, e -> {
				assertThat(e.status()).isEqualTo(422);
				assertThat(e.problems()).extracting(InputProblem::column).containsExactly("figure.FULL_VACCINATION_U1",
						"results");
			});
		assertThat(report.status()).isEqualTo(ReportStatus.DRAFT);
	}

	/** Decision 0008: a report returned and submitted again keeps the day it first came. */
	@Test
	void aReturnedReportIsCorrectedAndKeepsTheDayItFirstCame() {
		report.write(new PeriodicReport.Sections("Kết quả", null, null, null), null, null, "Cán bộ xã", DRAFTED);
		report.submit(List.of(), "xa.a", "Cán bộ xã", FIRST_SENT);
		assertThatThrownBy(() -> report.returnForCorrection("  ", "tinh", "Sở Y tế", FIRST_SENT))
			.isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.status()).isEqualTo(422));
		report.returnForCorrection("Bổ sung số trẻ em được hỗ trợ", "tinh", "Sở Y tế", FIRST_SENT);
		assertThat(report.status()).isEqualTo(ReportStatus.RETURNED);
		report.write(new PeriodicReport.Sections("Kết quả đã bổ sung", null, null, null), null, null, "Cán bộ xã",
				SENT_AGAIN);
		report.submit(List.of(), "xa.a", "Cán bộ xã", SENT_AGAIN);
		assertThat(report.firstSubmittedAt()).isEqualTo(FIRST_SENT);
		assertThat(report.submittedAt()).isEqualTo(SENT_AGAIN);
	}

	@Test
	void anAcceptedReportIsLocked() {
		assertThatThrownBy(() -> report.accept("tinh", "Sở Y tế", FIRST_SENT))
			.as("only a submitted report is accepted")
			.isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.status()).isEqualTo(409));
		report.write(new PeriodicReport.Sections("Kết quả", null, null, null), null, null, "Cán bộ xã", DRAFTED);
		report.submit(List.of(), "xa.a", "Cán bộ xã", FIRST_SENT);
		report.accept("tinh", "Sở Y tế", FIRST_SENT);
		assertThat(report.takesFigures()).isFalse();
		assertThatThrownBy(() -> report.write(new PeriodicReport.Sections("Sửa", null, null, null), null, null, "x",
				SENT_AGAIN)).isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.status()).isEqualTo(409));
		assertThatThrownBy(() -> report.returnForCorrection("Sửa", "tinh", "Sở Y tế", SENT_AGAIN))
			.isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.status()).isEqualTo(409));
	}

	/** Issue 19: the report's table has one writer, so its rules cannot be bypassed by another SQL statement. */
	@Test
	void onlyTheStoreOfReportsWritesTheirTable() throws Exception {
		try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
			List<String> writers = files.filter(f -> f.toString().endsWith(".java"))
				.filter(f -> {
					try {
						String text = java.nio.file.Files.readString(f);
						return java.util.regex.Pattern.compile(
								"(INSERT INTO|UPDATE|DELETE FROM)\\s+reporting\\.(report|report_event)\\b").matcher(text).find();
					}
					catch (java.io.IOException e) {
						throw new java.io.UncheckedIOException(e);
					}
				})
				.map(f -> f.getFileName().toString()).toList();
			assertThat(writers).containsExactly("StoredReports.java");
		}
	}

	/**
	 * Issue 19: no statement of the reporting module is assembled with {@code %s} ({@code formatted},
	 * {@code String.format}): values are bound, and the obligations' rules decide in Java, not in spliced SQL templates.
	 */
	@Test
	void noStatementOfReportingIsSplicedWithFormat() throws Exception {
		try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java/vn/vongtay/reporting"))) {
			List<String> splicing = files.filter(f -> f.toString().endsWith(".java"))
				.filter(f -> {
					try {
						return java.util.regex.Pattern.compile("%s|String\\.format\\(")
							.matcher(java.nio.file.Files.readString(f)).find();
					}
					catch (java.io.IOException e) {
						throw new java.io.UncheckedIOException(e);
					}
				})
				.map(f -> f.getFileName().toString()).toList();
			assertThat(splicing).isEmpty();
		}
	}
}
