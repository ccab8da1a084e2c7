package vn.vongtay.notifications;

import java.time.LocalDateTime;
import java.util.List;

/** Something a person was told, resolved in their language when shown ({@code messageKey} with its arguments). */
public record Notification(long id, String messageKey, List<String> arguments, String link, boolean urgent,
		LocalDateTime createdAt, LocalDateTime readAt) {

	public Object[] messageArguments() {
		return arguments.toArray();
	}
}
