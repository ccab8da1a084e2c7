package vn.vongtay.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** How long is left before a deadline, as the work queue writes it (issue 17: "còn 11 giờ 50 phút"). */
class TimeLeftTests {

	private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 8, 0, 32);

	private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

	{
		messages.setBasename("i18n/home");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
	}

	private String vietnamese(LocalDateTime due) {
		TimeLeft left = TimeLeft.between(NOW, due);
		return messages.getMessage(left.key(), left.arguments(), Locale.forLanguageTag("vi"));
	}

	@Test
	void hoursAndMinutesLeftOnTheDay() {
		assertThat(vietnamese(LocalDateTime.of(2026, 12, 8, 12, 22))).isEqualTo("còn 11 giờ 50 phút");
	}

	@Test
	void minutesAreCutNotRoundedSoTheLastMinuteIsNotReadAsMissed() {
		assertThat(vietnamese(NOW.plusSeconds(59))).isEqualTo("còn 0 phút");
		assertThat(vietnamese(NOW.plusMinutes(42).plusSeconds(59))).isEqualTo("còn 42 phút");
		assertThat(TimeLeft.between(NOW, NOW.plusSeconds(59)).late()).isFalse();
	}

	@Test
	void daysAndHoursBeyondADay() {
		assertThat(vietnamese(NOW.plusDays(3).plusHours(4).plusMinutes(10))).isEqualTo("còn 3 ngày 4 giờ");
	}

	@Test
	void aDeadlinePastSaysByHowMuch() {
		TimeLeft left = TimeLeft.between(NOW, NOW.minusHours(2).minusMinutes(5));
		assertThat(left.late()).isTrue();
		assertThat(vietnamese(NOW.minusHours(2).minusMinutes(5))).isEqualTo("quá hạn 2 giờ 5 phút");
		assertThat(vietnamese(NOW.minusDays(1).minusHours(1))).isEqualTo("quá hạn 1 ngày 1 giờ");
	}

	@Test
	void inEnglish() {
		TimeLeft left = TimeLeft.between(NOW, LocalDateTime.of(2026, 12, 8, 12, 22));
		assertThat(messages.getMessage(left.key(), left.arguments(), Locale.ENGLISH)).isEqualTo("11 h 50 min left");
	}
}
