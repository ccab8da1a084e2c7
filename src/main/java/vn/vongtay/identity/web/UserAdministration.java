package vn.vongtay.identity.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.vongtay.audit.AuditLog;
import vn.vongtay.core.InputProblem;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.VietnameseText;
import vn.vongtay.core.web.Forms;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.Units;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.NeedToKnow;
import vn.vongtay.identity.NeedToKnow.Data;
import vn.vongtay.identity.NeedToKnow.Use;
import vn.vongtay.identity.Role;
import vn.vongtay.identity.SignedInUser;
import vn.vongtay.identity.UserAccount;
import vn.vongtay.identity.internal.AdministrationRules;
import vn.vongtay.identity.internal.PasswordPolicy;
import vn.vongtay.identity.internal.SignInThrottle;
import vn.vongtay.identity.internal.UserAccounts;

/**
 * Users within the caller's jurisdiction, for those who may read accounts ({@link Data#ACCOUNTS}: administrators and
 * the staff of communes and districts, who look up colleagues). Administrators create and change accounts within the
 * rules of {@link AdministrationRules}: wholly within their jurisdiction, never above their own role, never their own.
 * Every change ends the account's sessions ({@link UserAccounts}).
 */
@Controller
@RequestMapping("/admin/users")
class UserAdministration {

	private final UserAccounts accounts;
	private final Jurisdictions jurisdictions;
	private final Units units;
	private final PasswordEncoder encoder;
	private final PasswordPolicy passwords;
	private final SignInThrottle throttle;
	private final AuditLog audit;
	private final Forms forms;
	private final Clock clock;

	UserAdministration(UserAccounts accounts, Jurisdictions jurisdictions, Units units, PasswordEncoder encoder,
			PasswordPolicy passwords, SignInThrottle throttle, AuditLog audit, Forms forms,
			Clock clock) {
		this.accounts = accounts;
		this.jurisdictions = jurisdictions;
		this.units = units;
		this.encoder = encoder;
		this.passwords = passwords;
		this.throttle = throttle;
		this.audit = audit;
		this.forms = forms;
		this.clock = clock;
	}

	@ModelAttribute("roles")
	List<Role> roles() {
		return List.of(Role.values());
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
		SignedInUser caller = Jurisdictions.requireUser();
		NeedToKnow.require(caller, Data.ACCOUNTS, Use.READ);
		int size = 50;
		List<UserAccount> users = accounts.list(jurisdictions.current(), q, Math.max(0, page), size + 1);
		model.addAttribute("users", users.size() > size ? users.subList(0, size) : users);
		model.addAttribute("hasNext", users.size() > size);
		model.addAttribute("page", Math.max(0, page));
		model.addAttribute("q", q);
		model.addAttribute("canAdminister", caller.may(Data.ACCOUNTS, Use.WRITE));
		return "identity/users";
	}

	@GetMapping("/new")
	String create(Model model) {
		requireAdministrator();
		model.addAttribute("form", new UserForm(null, "", "", "", "", Set.of(), "", true, 0));
		return "identity/user-form";
	}

	@PostMapping
	ModelAndView create(@ModelAttribute("form") UserForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		SignedInUser admin = requireAdministrator();
		return forms.submit("user", model).binding(binding).then(() -> {
			List<InputProblem> problems = new ArrayList<>();
			String username = form.username() == null ? "" : form.username().strip().toLowerCase();
			if (!username.matches("[a-z0-9._-]{3,60}")) {
				problems.add(InputProblem.field("username", "error.user.username-format"));
			}
			else if (accounts.exists(username)) {
				problems.add(InputProblem.field("username", "error.user.username-taken", username));
			}
			passwords.problem("password", form.password(), username, form.displayName()).ifPresent(problems::add);
			List<Long> unitIds = validate(form, admin, problems);
			if (!problems.isEmpty()) {
				throw UserFacingException.rejected(problems);
			}
			long id = accounts.create(username, VietnameseText.clean(form.displayName()),
					VietnameseText.clean(form.email()), encoder.encode(form.password()), roles(form), unitIds, null);
			audit.record("USER_CREATED", "User", id, unitIds.get(0), username);
			redirect.addFlashAttribute("saved", true);
			return "redirect:/admin/users/" + id;
		}).orShow(() -> "identity/user-form");
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		NeedToKnow.require(Jurisdictions.requireUser(), Data.ACCOUNTS, Use.READ);
		UserAccount user = visible(id);
		describe(user, model);
		model.addAttribute("form", new UserForm(user.id(), user.username(), user.displayName(),
				user.email() == null ? "" : user.email(), "", user.roles(), String.join(", ", user.unitCodes()),
				user.enabled(), user.version()));
		return "identity/user";
	}

	@PostMapping("/{id}")
	ModelAndView update(@PathVariable long id, @ModelAttribute("form") UserForm form, BindingResult binding,
			Model model, RedirectAttributes redirect) {
		SignedInUser admin = requireAdministrator();
		UserAccount user = changeable(id, admin);
		return forms.submit("user", model).binding(binding).then(() -> {
			List<InputProblem> problems = new ArrayList<>();
			List<Long> unitIds = validate(form, admin, problems);
			boolean newPassword = form.password() != null && !form.password().isEmpty();
			if (newPassword) {
				passwords.problem("password", form.password(), user.username(), form.displayName())
					.ifPresent(problems::add);
			}
			if (!problems.isEmpty()) {
				throw UserFacingException.rejected(problems);
			}
			accounts.update(id, form.version(), VietnameseText.clean(form.displayName()),
					VietnameseText.clean(form.email()), form.enabled(), roles(form), unitIds, user.agencyId());
			audit.record("USER_UPDATED", "User", id, unitIds.get(0),
					"roles " + roles(form) + (form.enabled() ? "" : ", disabled"));
			if (newPassword) {
				accounts.changePassword(id, encoder.encode(form.password()), Set.of());
				audit.record("PASSWORD_RESET", "User", id, unitIds.get(0), "set by an administrator");
			}
			redirect.addFlashAttribute("saved", true);
			return "redirect:/admin/users/" + id;
		}).orShow(() -> {
			describe(user, model);
			return "identity/user";
		});
	}

	@PostMapping("/{id}/unlock")
	String unlock(@PathVariable long id, RedirectAttributes redirect) {
		SignedInUser admin = requireAdministrator();
		UserAccount user = changeable(id, admin);
		throttle.unlock(user.username());
		audit.record("USER_UNLOCKED", "User", id, null, null);
		redirect.addFlashAttribute("saved", true);
		return "redirect:/admin/users/" + id;
	}

	private void describe(UserAccount user, java.util.Map<String, Object> model) {
		SignedInUser caller = Jurisdictions.requireUser();
		model.put("user", user);
		model.put("units", units.findAllById(user.unitIds()));
		Optional<String> refusal = AdministrationRules.refusal(caller, user, whollyWithin(user));
		model.put("canAdminister", refusal.isEmpty());
		model.put("refusal", caller.may(Data.ACCOUNTS, Use.WRITE) ? refusal.orElse(null) : null);
	}

	private void describe(UserAccount user, Model model) {
		describe(user, model.asMap());
	}

	private UserAccount visible(long id) {
		return accounts.find(id, jurisdictions.current())
			.orElseThrow(() -> UserFacingException.notFound("error.user.not-found", id));
	}

	/** The account, when the administrator may change it: 404 when they cannot see it, 403 with the reason otherwise. */
	private UserAccount changeable(long id, SignedInUser admin) {
		UserAccount user = visible(id);
		AdministrationRules.refusal(admin, user, whollyWithin(user)).ifPresent(key -> {
			throw new UserFacingException(403, key);
		});
		return user;
	}

	private boolean whollyWithin(UserAccount user) {
		return user.unitIds().stream().allMatch(jurisdictions::covers);
	}

	private static SignedInUser requireAdministrator() {
		SignedInUser user = Jurisdictions.requireUser();
		NeedToKnow.require(user, Data.ACCOUNTS, Use.WRITE);
		return user;
	}

	private List<Long> validate(UserForm form, SignedInUser admin, List<InputProblem> problems) {
		if (VietnameseText.clean(form.displayName()) == null) {
			problems.add(InputProblem.field("displayName", "error.field.required", "displayName"));
		}
		if (form.roles() == null || form.roles().isEmpty()) {
			problems.add(InputProblem.field("roles", "error.user.role-required"));
		}
		else {
			AdministrationRules.firstAbove(admin, form.roles())
				.ifPresent(role -> problems.add(InputProblem.field("roles", "error.user.cannot-grant-role", role)));
		}
		List<Long> unitIds = new ArrayList<>();
		String codes = form.unitCodes() == null ? "" : form.unitCodes();
		LocalDate today = LocalDate.now(clock);
		for (String code : codes.split("[,;\\s]+")) {
			if (code.isBlank()) {
				continue;
			}
			var unit = units.findByCode(code, today).map(AdministrativeUnit::id);
			if (unit.isEmpty() || !jurisdictions.covers(unit.get())) {
				problems.add(InputProblem.field("unitCodes", "error.unit.outside-jurisdiction", code));
			}
			else {
				unitIds.add(unit.get());
			}
		}
		if (unitIds.isEmpty() && problems.stream().noneMatch(p -> "unitCodes".equals(p.column()))) {
			problems.add(InputProblem.field("unitCodes", "error.user.unit-required"));
		}
		return unitIds;
	}

	private static Set<Role> roles(UserForm form) {
		return form.roles() == null || form.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(form.roles());
	}

	/** @param enabled null when the box is unticked: a browser sends nothing for an unticked box */
	record UserForm(Long id, String username, String displayName, String email, String password, Set<Role> roles,
			String unitCodes, Boolean enabled, int version) {

		UserForm {
			roles = roles == null ? Set.of() : roles;
			enabled = Boolean.TRUE.equals(enabled);
		}
	}
}
