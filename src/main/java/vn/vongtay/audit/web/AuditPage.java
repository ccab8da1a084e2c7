package vn.vongtay.audit.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.vongtay.audit.AuditLog;

/** The audit log for system administrators (the URL is restricted to them in the security configuration). */
@Controller
class AuditPage {

	private final AuditLog audit;

	AuditPage(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/admin/audit")
	String show(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("result", audit.search(new AuditLog.AuditQuery(actor, action, from, to, page, 50)));
		model.addAttribute("actor", actor);
		model.addAttribute("action", action);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		return "audit/log";
	}
}
