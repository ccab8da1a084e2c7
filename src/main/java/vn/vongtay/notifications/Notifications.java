package vn.vongtay.notifications;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.core.VietnamTime;
import vn.vongtay.identity.Jurisdictions;

/**
 * What the application tells people: written in the same transaction as the change it reports, so nobody is told of
 * something that did not happen; shown in the application and, when SMTP is configured, sent by e-mail. A notification
 * carries a message key and arguments, never personal details beyond what its link opens for those allowed to see it.
 */
@Component
@Transactional
public class Notifications {

	private final JdbcClient jdbc;

	Notifications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Tells each of the users (once, however often they appear) the message, with a link to what it is about. */
	public void send(Collection<Long> userIds, boolean urgent, String link, String messageKey, String... arguments) {
		for (Long userId : new LinkedHashSet<>(userIds)) {
			jdbc.sql("""
					INSERT INTO notifications.notification (user_id, message_key, arguments, link, urgent)
					VALUES (:user, :key, :arguments, :link, :urgent)""")
				.param("user", userId)
				.param("key", messageKey)
				.param("arguments", arguments)
				.param("link", link)
				.param("urgent", urgent)
				.update();
		}
	}

	/** The caller's notifications, newest first. */
	@Transactional(readOnly = true)
	public List<Notification> inbox(int page, int size) {
		return jdbc.sql("""
				SELECT id, message_key, arguments, link, urgent, created_at, read_at FROM notifications.notification
				WHERE user_id = :user ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset""")
			.param("user", Jurisdictions.requireUser().id())
			.param("limit", size)
			.param("offset", (long) page * size)
			.query((rs, n) -> new Notification(rs.getLong("id"), rs.getString("message_key"),
					List.of((String[]) rs.getArray("arguments").getArray()), rs.getString("link"), rs.getBoolean("urgent"),
					local(rs.getObject("created_at", OffsetDateTime.class)),
					local(rs.getObject("read_at", OffsetDateTime.class))))
			.list();
	}

	@Transactional(readOnly = true)
	public long unread() {
		return jdbc.sql("SELECT count(*) FROM notifications.notification WHERE user_id = :user AND read_at IS NULL")
			.param("user", Jurisdictions.requireUser().id())
			.query(Long.class)
			.single();
	}

	/** Marks one of the caller's notifications read and answers its link (null when it is not theirs). */
	public String open(long id) {
		return jdbc.sql("""
				UPDATE notifications.notification SET read_at = COALESCE(read_at, now())
				WHERE id = :id AND user_id = :user RETURNING link""")
			.param("id", id)
			.param("user", Jurisdictions.requireUser().id())
			.query(String.class)
			.optional()
			.orElse(null);
	}

	public void markAllRead() {
		jdbc.sql("UPDATE notifications.notification SET read_at = now() WHERE user_id = :user AND read_at IS NULL")
			.param("user", Jurisdictions.requireUser().id())
			.update();
	}

	private static java.time.LocalDateTime local(OffsetDateTime at) {
		return at == null ? null : at.atZoneSameInstant(VietnamTime.ZONE).toLocalDateTime();
	}
}
