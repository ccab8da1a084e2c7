package vn.vongtay.identity.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.vongtay.audit.AuditLog;
import vn.vongtay.core.InputProblem;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.VietnameseText;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.Units;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.Role;
import vn.vongtay.identity.SignedInUser;
import vn.vongtay.identity.UserAccount;
import vn.vongtay.identity.internal.UserAccounts;

/**
 * Users within the caller's jurisdiction. Everyone may look up colleagues; administrators and province officers create
 * and change accounts, only within their jurisdiction, and only a system administrator grants that role.
 */
@Controller
@RequestMapping("/admin/users")
class UserAdministration {

	private final UserAccounts accounts;
	private final Jurisdictions jurisdictions;
	private final Units units;
	private final PasswordEncoder encoder;
	private final AuditLog audit;

	UserAdministration(UserAccounts accounts, Jurisdictions jurisdictions, Units units, PasswordEncoder encoder,
			AuditLog audit) {
		this.accounts = accounts;
		this.jurisdictions = jurisdictions;
		this.units = units;
		this.encoder = encoder;
		this.audit = audit;
	}

	@ModelAttribute("roles")
	List<Role> roles() {
		return List.of(Role.values());
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
		int size = 50;
		List<UserAccount> users = accounts.list(jurisdictions.current(), q, Math.max(0, page), size + 1);
		model.addAttribute("users", users.size() > size ? users.subList(0, size) : users);
		model.addAttribute("hasNext", users.size() > size);
		model.addAttribute("page", Math.max(0, page));
		model.addAttribute("q", q);
		model.addAttribute("canAdminister", Jurisdictions.requireUser().administers());
		return "identity/users";
	}

	@GetMapping("/new")
	String create(Model model) {
		requireAdministrator();
		model.addAttribute("form", new UserForm(null, "", "", "", "", Set.of(), "", true, 0));
		return "identity/user-form";
	}

	@PostMapping
	String create(@ModelAttribute UserForm form, RedirectAttributes redirect) {
		SignedInUser admin = requireAdministrator();
		List<InputProblem> problems = new ArrayList<>();
		String username = form.username() == null ? "" : form.username().strip().toLowerCase();
		if (!username.matches("[a-z0-9._-]{3,60}")) {
			problems.add(InputProblem.field("username", "error.user.username-format"));
		}
		if (form.password() == null || form.password().length() < 12) {
			problems.add(InputProblem.field("password", "error.user.password-too-short", 12));
		}
		List<Long> unitIds = validate(form, admin, problems);
		if (!problems.isEmpty()) {
			throw UserFacingException.rejected(problems);
		}
		long id = accounts.create(username, VietnameseText.clean(form.displayName()), VietnameseText.clean(form.email()),
				encoder.encode(form.password()), roles(form), unitIds, null);
		audit.record("USER_CREATED", "User", id, unitIds.get(0), username);
		redirect.addFlashAttribute("saved", true);
		return "redirect:/admin/users/" + id;
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		UserAccount user = visible(id);
		model.addAttribute("user", user);
		model.addAttribute("units", units.findAllById(user.unitIds()));
		model.addAttribute("canAdminister", Jurisdictions.requireUser().administers());
		model.addAttribute("form", new UserForm(user.id(), user.username(), user.displayName(),
				user.email() == null ? "" : user.email(), "", user.roles(), String.join(", ", user.unitCodes()),
				user.enabled(), user.version()));
		return "identity/user";
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute UserForm form, RedirectAttributes redirect) {
		SignedInUser admin = requireAdministrator();
		visible(id);
		List<InputProblem> problems = new ArrayList<>();
		List<Long> unitIds = validate(form, admin, problems);
		if (!problems.isEmpty()) {
			throw UserFacingException.rejected(problems);
		}
		accounts.update(id, form.version(), VietnameseText.clean(form.displayName()), VietnameseText.clean(form.email()),
				form.enabled(), roles(form), unitIds, null);
		audit.record("USER_UPDATED", "User", id, unitIds.get(0), null);
		redirect.addFlashAttribute("saved", true);
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id}/unlock")
	String unlock(@PathVariable long id, RedirectAttributes redirect) {
		requireAdministrator();
		visible(id);
		accounts.unlock(id);
		audit.record("USER_UNLOCKED", "User", id, null, null);
		redirect.addFlashAttribute("saved", true);
		return "redirect:/admin/users/" + id;
	}

	private UserAccount visible(long id) {
		return accounts.find(id, jurisdictions.current())
			.orElseThrow(() -> UserFacingException.notFound("error.user.not-found", id));
	}

	private static SignedInUser requireAdministrator() {
		SignedInUser user = Jurisdictions.requireUser();
		if (!user.administers()) {
			throw new UserFacingException(403, "error.access-denied");
		}
		return user;
	}

	private List<Long> validate(UserForm form, SignedInUser admin, List<InputProblem> problems) {
		if (VietnameseText.clean(form.displayName()) == null) {
			problems.add(InputProblem.field("displayName", "error.field.required", "displayName"));
		}
		if (form.roles() == null || form.roles().isEmpty()) {
			problems.add(InputProblem.field("roles", "error.user.role-required"));
		}
		else if (form.roles().contains(Role.SYSTEM_ADMIN) && !admin.has(Role.SYSTEM_ADMIN)) {
			problems.add(InputProblem.field("roles", "error.user.cannot-grant-admin"));
		}
		List<Long> unitIds = new ArrayList<>();
		String codes = form.unitCodes() == null ? "" : form.unitCodes();
		for (String code : codes.split("[,;\\s]+")) {
			if (code.isBlank()) {
				continue;
			}
			var unit = units.findByCode(code, LocalDate.now()).map(AdministrativeUnit::id);
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

	record UserForm(Long id, String username, String displayName, String email, String password, Set<Role> roles,
			String unitCodes, boolean enabled, int version) {
	}
}
