package vn.vongtay.casework.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.vongtay.casework.CaseAction;
import vn.vongtay.casework.Referral;
import vn.vongtay.casework.Referrals;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.Role;
import vn.vongtay.identity.SignedInUser;

/** The referrals an agency received: what each asks and shares, and the answer the focal point gives. */
@Controller
class ReferralPages {

	private final Referrals referrals;

	ReferralPages(Referrals referrals) {
		this.referrals = referrals;
	}

	@GetMapping("/referrals")
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		int shown = Math.max(0, page);
		List<Referral> found = referrals.forMyAgency(shown, CasePages.SIZE + 1);
		model.addAttribute("referrals", found.size() > CasePages.SIZE ? found.subList(0, CasePages.SIZE) : found);
		model.addAttribute("hasNext", found.size() > CasePages.SIZE);
		model.addAttribute("page", shown);
		return "casework/referrals";
	}

	@GetMapping("/referrals/{id}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("r", referrals.get(id));
		SignedInUser user = Jurisdictions.requireUser();
		// the agency answers; the case worker and the commune officer record an answer given by phone
		model.addAttribute("mayAnswer",
				user.has(Role.AGENCY_FOCAL_POINT) || CaseAction.REFER.mayBeTakenBy(user.roles()));
		return "casework/referral";
	}

	@PostMapping("/referrals/{id}/{answer}")
	String answer(@PathVariable long id, @PathVariable String answer, @RequestParam int version,
			@RequestParam(required = false) String text) {
		answer(referrals, id, answer, version, text);
		return "redirect:/referrals/" + id + "?saved";
	}

	static void answer(Referrals referrals, long id, String answer, int version, String text) {
		switch (answer) {
			case "accept" -> referrals.accept(id, version, text);
			case "decline" -> referrals.decline(id, version, text);
			case "complete" -> referrals.complete(id, version, text);
			default -> throw UserFacingException.notFound("error.not-found");
		}
	}
}
