package vn.vongtay.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.bean.override.convention.TestBean;

import vn.vongtay.DemoAccountTestSupport;
import vn.vongtay.IntegrationTest;
import vn.vongtay.core.VietnamTime;

/**
 * "Today" is Vietnam's day wherever the server runs (issue 17 §1: between 00:00 and 07:00 in Vietnam the home page
 * showed the day before, the server's UTC date). Every "as of now" is read from the application's clock.
 */
@IntegrationTest
class VietnamsDayTests extends DemoAccountTestSupport {

	/** 01:30 on 08/12/2026 in Hà Nội: still 07/12 in UTC. */
	static final Instant EARLY_MORNING = Instant.parse("2026-12-07T18:30:00Z");

	@TestBean
	Clock clock;

	static Clock clock() {
		return Clock.fixed(EARLY_MORNING, VietnamTime.ZONE);
	}

	@Test
	void theHomePageShowsVietnamsDateBeforeSevenInTheMorning() throws Exception {
		String page = mvc.perform(get("/").with(user(users.loadUserByUsername("xa.a")))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		// the work queue lists deadlines of other days (one missed on 07/12): "today" is the one to read
		assertThat(page).contains("Hôm nay 08/12/2026").doesNotContain("Hôm nay 07/12/2026");
	}

	@Test
	void unitsAsOfTodayAreThoseOfVietnamsDay() {
		assertThat(units.today()).isEqualTo(LocalDate.of(2026, 12, 8));
	}
}
