package vn.vongtay.operations.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.vongtay.operations.Backups;

/** Sao lưu dữ liệu: the backups of the embedded database, for system administrators ({@link Backups} checks). */
@Controller
class BackupPage {

	private final Backups backups;

	BackupPage(Backups backups) {
		this.backups = backups;
	}

	@GetMapping("/admin/backups")
	String show(Model model) {
		model.addAttribute("status", backups.status());
		return "operations/backups";
	}

	@PostMapping("/admin/backups")
	String start(RedirectAttributes redirect) {
		redirect.addFlashAttribute("started", backups.startNow());
		return "redirect:/admin/backups";
	}
}
