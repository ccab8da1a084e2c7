package vn.vongtay.identity.web;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

import vn.vongtay.audit.AuditLog;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.web.ProblemDetails;
import vn.vongtay.geography.Units;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.SignedInUser;
import vn.vongtay.identity.internal.AccountSessions;
import vn.vongtay.identity.internal.ApiTokens;
import vn.vongtay.identity.internal.KnownDevices;
import vn.vongtay.identity.internal.PasswordChanges;
import vn.vongtay.identity.internal.SignInClient;

/**
 * "Tài khoản của tôi": who the signed-in person is in the system (roles, units), their password, where else they are
 * signed in, and their API tokens. Every signed-in user, whatever their role, and only for their own account.
 */
@Controller
@RequestMapping("/account")
class MyAccount {

	private final PasswordChanges passwords;
	private final ApiTokens tokens;
	private final AccountSessions sessions;
	private final KnownDevices devices;
	private final Units units;
	private final AuditLog audit;
	private final ProblemDetails problems;

	MyAccount(PasswordChanges passwords, ApiTokens tokens, AccountSessions sessions, KnownDevices devices, Units units,
			AuditLog audit, ProblemDetails problems) {
		this.passwords = passwords;
		this.tokens = tokens;
		this.sessions = sessions;
		this.devices = devices;
		this.units = units;
		this.audit = audit;
		this.problems = problems;
	}

	@GetMapping
	String show(HttpSession session, Model model) {
		describe(Jurisdictions.requireUser(), session, model);
		return "identity/account";
	}

	@PostMapping("/password")
	ModelAndView changePassword(@RequestParam(required = false) String currentPassword,
			@RequestParam(required = false) String newPassword,
			@RequestParam(required = false) String newPasswordConfirmation, HttpServletRequest request,
			HttpSession session, RedirectAttributes redirect) {
		SignedInUser user = Jurisdictions.requireUser();
		try {
			passwords.change(user, currentPassword, newPassword,
					newPasswordConfirmation == null ? "" : newPasswordConfirmation,
					new SignInClient(request.getRemoteAddr(), devices.recognises(request, user.getUsername())),
					Set.of(session.getId()));
		}
		catch (UserFacingException e) {
			ModelAndView page = new ModelAndView("identity/account", HttpStatus.valueOf(e.status()));
			describe(user, session, page.getModelMap());
			page.addObject("passwordProblems", e.problems().stream().map(problems::describe).toList());
			if (e.problems().isEmpty()) {
				page.addObject("passwordRefusal", problems.message(e.messageKey(), e.arguments(),
						RequestContextUtils.getLocale(request), e.messageKey()));
			}
			return page;
		}
		redirect.addFlashAttribute("passwordChanged", true);
		return new ModelAndView("redirect:/account");
	}

	@PostMapping("/tokens")
	String issueToken(@RequestParam(required = false) String label, HttpSession session, Model model) {
		SignedInUser user = Jurisdictions.requireUser();
		ApiTokens.IssuedToken issued = tokens.issue(user, label);
		audit.record("TOKEN_ISSUED", "ApiToken", issued.id(), null, label);
		// shown once, in this answer only: never kept anywhere it could be read again
		model.addAttribute("issuedToken", issued);
		describe(user, session, model);
		return "identity/account";
	}

	@PostMapping("/tokens/{id}/revoke")
	String revokeToken(@PathVariable long id, RedirectAttributes redirect) {
		if (!tokens.revoke(Jurisdictions.requireUser(), id)) {
			throw UserFacingException.notFound("error.token.not-found", id);
		}
		audit.record("TOKEN_REVOKED", "ApiToken", id, null, null);
		redirect.addFlashAttribute("tokenRevoked", true);
		return "redirect:/account";
	}

	@PostMapping("/sessions/end-others")
	String endOtherSessions(HttpSession session, RedirectAttributes redirect) {
		SignedInUser user = Jurisdictions.requireUser();
		sessions.endAllBut(user.getUsername(), Set.of(session.getId()));
		audit.record("SESSIONS_ENDED", "User", user.id(), null, "every other session, by its owner");
		redirect.addFlashAttribute("sessionsEnded", true);
		return "redirect:/account";
	}

	private void describe(SignedInUser user, HttpSession session, Model model) {
		describe(user, session, model.asMap());
	}

	private void describe(SignedInUser user, HttpSession session, java.util.Map<String, Object> model) {
		model.put("me", user);
		model.put("units", units.findAllById(user.unitIds()));
		model.put("roleList", user.roles().stream().sorted().toList());
		model.put("tokens", tokens.of(user));
		model.put("tokenCount", tokens.countOf(user));
		model.put("tokensListed", ApiTokens.LISTED);
		model.put("otherSessions", sessions.countBut(user.getUsername(), Set.of(session.getId())));
	}
}
