package vn.vongtay.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.vongtay.planning.PlanDetail.Timeframe;
import vn.vongtay.planning.TimeframeKind;

/** When a plan's task is due, for the focal point's "due in 30 days" (issue 17, item 1), and how a long task is named. */
class DueDayTests {

	@Test
	void aTaskWithADeadlineIsDueThatDay() {
		assertThat(HomePage.dueOn(new Timeframe(TimeframeKind.DEADLINE, 2026, null, LocalDate.of(2026, 12, 20), "trước 20/12")))
			.isEqualTo(LocalDate.of(2026, 12, 20));
	}

	@Test
	void aTaskOfAQuarterOrAYearIsDueOnItsLastDay() {
		assertThat(HomePage.dueOn(new Timeframe(TimeframeKind.QUARTER, 2026, 4, null, "Quý IV/2026")))
			.isEqualTo(LocalDate.of(2026, 12, 31));
		assertThat(HomePage.dueOn(new Timeframe(TimeframeKind.QUARTER, 2027, 1, null, "Quý I/2027")))
			.isEqualTo(LocalDate.of(2027, 3, 31));
		assertThat(HomePage.dueOn(new Timeframe(TimeframeKind.YEAR, 2026, null, null, "Năm 2026")))
			.isEqualTo(LocalDate.of(2026, 12, 31));
	}

	@Test
	void aContinuousTaskIsNeverDue() {
		assertThat(HomePage.dueOn(new Timeframe(TimeframeKind.CONTINUOUS, 2026, null, null, "Thường xuyên"))).isNull();
		assertThat(HomePage.dueOn(new Timeframe(TimeframeKind.PLAN_PERIOD, null, null, null, "2021-2025"))).isNull();
	}

	@Test
	void aLongTaskIsNamedByItsFirstWords() {
		String task = "Kiện toàn Đoàn kiểm tra liên ngành về phòng, chống tệ nạn mại dâm; kinh doanh dịch vụ karaoke; "
				+ "dịch vụ vũ trường theo Nghị định số 178/2004/NĐCP ngày 15 tháng 10 năm 2004 của Chính phủ quy định chi tiết";
		String shown = HomePage.shortened(task);
		assertThat(shown).endsWith(" …").startsWith("Kiện toàn Đoàn kiểm tra liên ngành");
		assertThat(shown.length()).isLessThanOrEqualTo(HomePage.TITLE_LENGTH + 2);
		assertThat(task).startsWith(shown.substring(0, shown.length() - 2));
		assertThat(HomePage.shortened("Tổ chức tập huấn")).isEqualTo("Tổ chức tập huấn");
	}
}
