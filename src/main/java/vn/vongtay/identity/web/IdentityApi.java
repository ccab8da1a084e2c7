package vn.vongtay.identity.web;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.authentication.LockedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.vongtay.core.UserFacingException;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.Units;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.SignedInUser;
import vn.vongtay.identity.UserAccount;
import vn.vongtay.identity.internal.ApiTokens;
import vn.vongtay.identity.internal.UserAccounts;

@RestController
@Tag(name = "Người dùng / Users")
class IdentityApi {

	private final AuthenticationManager authentication;
	private final ApiTokens tokens;
	private final UserAccounts accounts;
	private final Jurisdictions jurisdictions;
	private final Units units;

	IdentityApi(AuthenticationManager authentication, ApiTokens tokens, UserAccounts accounts,
			Jurisdictions jurisdictions, Units units) {
		this.authentication = authentication;
		this.tokens = tokens;
		this.accounts = accounts;
		this.jurisdictions = jurisdictions;
		this.units = units;
	}

	@PostMapping("/api/v1/tokens")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Exchange a username and password for a personal access token (Authorization: Bearer)")
	TokenView token(@Valid @RequestBody TokenRequest request) {
		try {
			var result = authentication.authenticate(
					UsernamePasswordAuthenticationToken.unauthenticated(request.username(), request.password()));
			var issued = tokens.issue((SignedInUser) result.getPrincipal());
			return new TokenView(issued.token(), issued.expiresAt());
		}
		catch (LockedException e) {
			throw new UserFacingException(423, "error.login.locked");
		}
		catch (AuthenticationException e) {
			throw new UserFacingException(401, "error.login.bad-credentials");
		}
	}

	@GetMapping("/api/v1/me")
	@Operation(summary = "The caller: username, roles and the codes of the units they answer for")
	MeView me() {
		SignedInUser user = Jurisdictions.requireUser();
		List<String> codes = units.findAllById(user.unitIds()).stream().map(AdministrativeUnit::code).toList();
		return new MeView(user.getUsername(), user.displayName(),
				user.roles().stream().map(Enum::name).sorted().toList(), codes);
	}

	@GetMapping("/api/v1/users")
	@Operation(summary = "Users within the caller's jurisdiction")
	List<UserView> users(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page) {
		return accounts.list(jurisdictions.current(), q, Math.max(0, page), 50).stream().map(UserView::of).toList();
	}

	@GetMapping("/api/v1/users/{id}")
	UserView user(@PathVariable long id) {
		return accounts.find(id, jurisdictions.current())
			.map(UserView::of)
			.orElseThrow(() -> UserFacingException.notFound("error.user.not-found", id));
	}

	record TokenRequest(@NotBlank String username, @NotBlank String password) {
	}

	record TokenView(String token, Instant expiresAt) {
	}

	record MeView(String username, String displayName, List<String> roles, List<String> unitCodes) {
	}

	record UserView(long id, String username, String displayName, List<String> roles, List<String> unitCodes,
			boolean enabled, boolean locked) {

		static UserView of(UserAccount account) {
			return new UserView(account.id(), account.username(), account.displayName(),
					account.roles().stream().map(Enum::name).sorted().toList(),
					account.unitCodes().stream().sorted().toList(), account.enabled(), account.isLocked());
		}
	}
}
