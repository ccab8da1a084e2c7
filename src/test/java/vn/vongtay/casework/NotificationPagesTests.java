package vn.vongtay.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import vn.vongtay.IntegrationTest;

/**
 * The notifications a case sends, as their recipient reads them: listed in Vietnamese (or English) with their time,
 * counted on the badge while unread, opened to what they are about and then read; nobody else can open them.
 */
@IntegrationTest
class NotificationPagesTests extends CaseworkTestSupport {

	private static final Pattern BADGE = Pattern.compile("<span class=\"badge[^\"]*\">(\\d+)</span>");

	@Test
	void theInboxListsTheUsersNotificationsInVietnamese() throws Exception {
		long id = hotlineCase("Lò Văn " + unique(), null);
		String number = number(id);
		OffsetDateTime sent = jdbc.sql("""
				SELECT n.created_at FROM notifications.notification n JOIN identity.app_user a ON a.id = n.user_id
				WHERE a.username = 'cb.a' AND n.link = :link""").param("link", "/cases/" + id)
			.query(OffsetDateTime.class).single();

		String inbox = pageBody("cb.a", "/notifications");
		assertThat(inbox).contains("Thông báo của tôi",
				"Hồ sơ mới " + number + " chuyển tới Xã Tuần Giáo: cần xác minh và đánh giá ngay.", "Khẩn",
				sent.atZoneSameInstant(vn.vongtay.core.VietnamTime.ZONE)
					.format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")),
				"Đánh dấu đã đọc tất cả");
		assertThat(inbox).doesNotContain("casework.notify.");
		assertThat(pageBody("cb.a", "/notifications?lang=en")).contains("My notifications",
				"New case " + number + " sent to Xã Tuần Giáo: verify and assess it at once.");
		assertThat(pageBody("xa.b", "/notifications")).doesNotContain(number);
	}

	@Test
	void theBadgeCountsTheUnreadAndOpeningOneMarksItReadAndGoesToItsLinkForItsRecipientOnly() throws Exception {
		long id = hotlineCase("Lò Thị " + unique(), null);
		String link = "/cases/" + id;
		long notification = jdbc.sql("""
				SELECT n.id FROM notifications.notification n JOIN identity.app_user a ON a.id = n.user_id
				WHERE a.username = 'cb.a' AND n.link = :link""").param("link", link).query(Long.class).single();
		long unread = unread("cb.a");
		assertThat(unread).isPositive();
		assertThat(badge("cb.a")).isEqualTo(unread);

		form("xa.b", "/notifications/" + notification + "/open").andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/notifications"));
		assertThat(readAt(notification)).as("someone else's notification stays unread").isNull();
		assertThat(badge("cb.a")).isEqualTo(unread);

		form("cb.a", "/notifications/" + notification + "/open").andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl(link));
		OffsetDateTime read = readAt(notification);
		assertThat(read).isNotNull();
		assertThat(badge("cb.a")).isEqualTo(unread - 1);
		assertThat(pageBody("cb.a", link)).contains(number(id));

		form("cb.a", "/notifications/" + notification + "/open").andExpect(redirectedUrl(link));
		assertThat(readAt(notification)).as("opened again, it keeps the time it was first read").isEqualTo(read);

		form("xa.b", "/notifications/read").andExpect(redirectedUrl("/notifications"));
		assertThat(badge("xa.b")).isZero();
		assertThat(badge("cb.a")).as("reading all is one's own").isEqualTo(unread - 1);
	}

	private long badge(String username) throws Exception {
		Matcher count = BADGE.matcher(pageBody(username, "/notifications/badge"));
		assertThat(count.find()).as("the badge shows a count").isTrue();
		return Long.parseLong(count.group(1));
	}

	private long unread(String username) {
		return jdbc.sql("""
				SELECT count(*) FROM notifications.notification n JOIN identity.app_user a ON a.id = n.user_id
				WHERE a.username = :user AND n.read_at IS NULL""").param("user", username).query(Long.class).single();
	}

	private OffsetDateTime readAt(long notification) {
		return jdbc.sql("SELECT read_at FROM notifications.notification WHERE id = :id").param("id", notification)
			.query(OffsetDateTime.class).optional().orElse(null);
	}
}
