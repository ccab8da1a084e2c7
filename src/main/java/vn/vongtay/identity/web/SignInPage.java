package vn.vongtay.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page: open to anyone, and storing nothing for a visit (no session until someone signs in). */
@Controller
class SignInPage {

	@GetMapping("/login")
	String login(@RequestParam(required = false) String wait, Model model) {
		model.addAttribute("waitMinutes", minutes(wait));
		return "identity/login";
	}

	/** The minutes to wait, as the sign-in gate put them in the address; anything else typed there is ignored. */
	private static Integer minutes(String wait) {
		if (wait == null || !wait.matches("\\d{1,4}")) {
			return null;
		}
		int minutes = Integer.parseInt(wait);
		return minutes >= 1 && minutes <= 24 * 60 ? minutes : null;
	}
}
