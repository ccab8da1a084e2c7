package vn.vongtay.notifications.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.vongtay.notifications.Notification;
import vn.vongtay.notifications.Notifications;

/** The caller's notifications, and the badge the layout polls. */
@Controller
class NotificationPages {

	private static final int SIZE = 50;

	private final Notifications notifications;

	NotificationPages(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/notifications")
	String inbox(@RequestParam(defaultValue = "0") int page, Model model) {
		int shown = Math.max(0, page);
		java.util.List<Notification> found = notifications.inbox(shown, SIZE + 1);
		model.addAttribute("notifications", found.size() > SIZE ? found.subList(0, SIZE) : found);
		model.addAttribute("hasNext", found.size() > SIZE);
		model.addAttribute("page", shown);
		return "notifications/inbox";
	}

	@GetMapping("/notifications/badge")
	String badge(Model model) {
		model.addAttribute("unread", notifications.unread());
		return "notifications/inbox :: badge";
	}

	/** Opens what a notification is about, marking it read. */
	@PostMapping("/notifications/{id}/open")
	String open(@PathVariable long id) {
		String link = notifications.open(id);
		return "redirect:" + (link == null || !link.startsWith("/") ? "/notifications" : link);
	}

	@PostMapping("/notifications/read")
	String readAll() {
		notifications.markAllRead();
		return "redirect:/notifications";
	}
}
