package vn.vongtay.notifications.internal;

import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends by e-mail the notifications of people who have an address, when SMTP is configured ({@code spring.mail.host});
 * without it, notifications stay in the application only. One instance sends at a time (an advisory lock); a
 * notification is marked mailed when sent, so none is sent twice. The mail says what happened and links to the
 * application, where the details are behind sign-in.
 */
@Component
class MailDelivery {

	private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
	private static final long LOCK = 0x76740010L;
	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private final ObjectProvider<JavaMailSender> mail;
	private final JdbcClient jdbc;
	private final TransactionTemplate transaction;
	private final MessageSource messages;
	private final String baseUrl;
	private final String from;

	MailDelivery(ObjectProvider<JavaMailSender> mail, JdbcClient jdbc, TransactionTemplate transaction,
			MessageSource messages, @Value("${vongtay.base-url:http://localhost:8080}") String baseUrl,
			@Value("${vongtay.notifications.mail-from:vongtay@localhost}") String from) {
		this.mail = mail;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.messages = messages;
		this.baseUrl = baseUrl;
		this.from = from;
	}

	private record Pending(long id, String email, String key, String[] arguments, String link) {
	}

	@Scheduled(fixedDelayString = "${vongtay.notifications.mail-interval:PT1M}")
	void send() {
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null) {
			return;
		}
		transaction.executeWithoutResult(status -> {
			if (!jdbc.sql("SELECT pg_try_advisory_xact_lock(:lock)").param("lock", LOCK).query(Boolean.class).single()) {
				return;
			}
			List<Pending> pending = jdbc.sql("""
					SELECT n.id, a.email, n.message_key, n.arguments, n.link FROM notifications.notification n
					JOIN identity.app_user a ON a.id = n.user_id
					WHERE n.mailed_at IS NULL AND a.email IS NOT NULL AND n.created_at > now() - INTERVAL '1 day'
					ORDER BY n.created_at LIMIT 200""")
				.query((rs, i) -> new Pending(rs.getLong("id"), rs.getString("email"), rs.getString("message_key"),
						(String[]) rs.getArray("arguments").getArray(), rs.getString("link")))
				.list();
			for (Pending p : pending) {
				SimpleMailMessage message = new SimpleMailMessage();
				message.setFrom(from);
				message.setTo(p.email());
				String text = messages.getMessage(p.key(), p.arguments(), p.key(), VIETNAMESE);
				message.setSubject("[Vòng Tay] " + text);
				message.setText(text + (p.link() == null ? "" : "\n\n" + baseUrl + p.link()));
				try {
					sender.send(message);
					jdbc.sql("UPDATE notifications.notification SET mailed_at = now() WHERE id = :id")
						.param("id", p.id()).update();
				}
				catch (MailException e) {
					log.warn("Could not send notification {} by e-mail: {}", p.id(), e.getMessage());
					return;
				}
			}
		});
	}
}
