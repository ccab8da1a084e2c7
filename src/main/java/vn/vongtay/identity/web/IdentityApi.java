package vn.vongtay.identity.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.vongtay.audit.AuditLog;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.Units;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.NeedToKnow;
import vn.vongtay.identity.NeedToKnow.Data;
import vn.vongtay.identity.NeedToKnow.Use;
import vn.vongtay.identity.SignedInUser;
import vn.vongtay.identity.UserAccount;
import vn.vongtay.identity.internal.ApiTokens;
import vn.vongtay.identity.internal.BearerTokenAuthentication;
import vn.vongtay.identity.internal.KnownDevices;
import vn.vongtay.identity.internal.PasswordChanges;
import vn.vongtay.identity.internal.SignInClient;
import vn.vongtay.identity.internal.SignInGate;
import vn.vongtay.identity.internal.UserAccounts;

/**
 * The caller's own account (tokens, password) for everyone signed in, and the accounts within the caller's
 * jurisdiction for those who may read accounts ({@link Data#ACCOUNTS}).
 */
@RestController
@Tag(name = "Người dùng / Users")
class IdentityApi {

	private final AuthenticationManager authentication;
	private final ApiTokens tokens;
	private final UserAccounts accounts;
	private final PasswordChanges passwords;
	private final KnownDevices devices;
	private final Jurisdictions jurisdictions;
	private final Units units;
	private final AuditLog audit;
	private final Clock clock;

	IdentityApi(AuthenticationManager authentication, ApiTokens tokens, UserAccounts accounts,
			PasswordChanges passwords, KnownDevices devices, Jurisdictions jurisdictions, Units units, AuditLog audit,
			Clock clock) {
		this.authentication = authentication;
		this.tokens = tokens;
		this.accounts = accounts;
		this.passwords = passwords;
		this.devices = devices;
		this.jurisdictions = jurisdictions;
		this.units = units;
		this.audit = audit;
		this.clock = clock;
	}

	@PostMapping("/api/v1/tokens")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Exchange a username and password for a personal access token (Authorization: Bearer); "
			+ "429 with Retry-After after too many failed attempts from the caller's address")
	TokenView token(@Valid @RequestBody TokenRequest request, HttpServletRequest http, HttpServletResponse response) {
		UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken
			.unauthenticated(request.username(), request.password());
		attempt.setDetails(new SignInClient(http.getRemoteAddr(), devices.recognises(http, request.username())));
		try {
			SignedInUser user = (SignedInUser) authentication.authenticate(attempt).getPrincipal();
			var issued = tokens.issue(user, request.label());
			audit.recordAs(user.getUsername(), "TOKEN_ISSUED", "ApiToken", issued.id(), null, request.label());
			return new TokenView(issued.id(), issued.token(), issued.expiresAt());
		}
		catch (SignInGate.Throttled e) {
			long minutes = e.minutesLeft(clock.instant());
			response.setHeader("Retry-After", String.valueOf(minutes * 60));
			throw new UserFacingException(429, "error.login.throttled", minutes);
		}
		catch (DisabledException e) {
			throw new UserFacingException(403, "error.login.disabled");
		}
		catch (AuthenticationException e) {
			throw new UserFacingException(401, "error.login.bad-credentials");
		}
	}

	@GetMapping("/api/v1/tokens")
	@Operation(summary = "The caller's valid tokens, newest first (never the tokens themselves): any signed-in user")
	List<TokenListing> tokens() {
		SignedInUser user = Jurisdictions.requireUser();
		Long current = currentToken();
		return tokens.of(user).stream().map(t -> new TokenListing(t.id(), t.label(), t.createdAt(), t.lastUsedAt(),
				t.expiresAt(), current != null && current == t.id())).toList();
	}

	@DeleteMapping("/api/v1/tokens/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke one of the caller's tokens (404 for any other): any signed-in user")
	void revoke(@PathVariable long id) {
		SignedInUser user = Jurisdictions.requireUser();
		if (!tokens.revoke(user, id)) {
			throw UserFacingException.notFound("error.token.not-found", id);
		}
		audit.record("TOKEN_REVOKED", "ApiToken", id, null, null);
	}

	@PostMapping("/api/v1/me/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Change the caller's password, giving the current one; every web session of the account ends")
	void changePassword(@RequestBody PasswordChange change, HttpServletRequest http) {
		SignedInUser user = Jurisdictions.requireUser();
		passwords.change(user, change.currentPassword(), change.newPassword(), null,
				new SignInClient(http.getRemoteAddr(), devices.recognises(http, user.getUsername())), Set.of());
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
	@Operation(summary = "Users within the caller's jurisdiction: administrators and the staff of communes and districts")
	List<UserView> users(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page) {
		NeedToKnow.require(Jurisdictions.requireUser(), Data.ACCOUNTS, Use.READ);
		return accounts.list(jurisdictions.current(), q, Math.max(0, page), 50).stream().map(a -> UserView.of(a, clock.instant())).toList();
	}

	@GetMapping("/api/v1/users/{id}")
	@Operation(summary = "One user within the caller's jurisdiction (404 for any other)")
	UserView user(@PathVariable long id) {
		NeedToKnow.require(Jurisdictions.requireUser(), Data.ACCOUNTS, Use.READ);
		return accounts.find(id, jurisdictions.current())
			.map(a -> UserView.of(a, clock.instant()))
			.orElseThrow(() -> UserFacingException.notFound("error.user.not-found", id));
	}

	private static Long currentToken() {
		return SecurityContextHolder.getContext().getAuthentication() instanceof BearerTokenAuthentication bearer
				? bearer.tokenId() : null;
	}

	/** @param label what the token is for, to tell it apart in the list (optional) */
	record TokenRequest(@NotBlank String username, @NotBlank String password, String label) {
	}

	record TokenView(long id, String token, Instant expiresAt) {
	}

	record TokenListing(long id, String label, Instant createdAt, Instant lastUsedAt, Instant expiresAt,
			boolean current) {
	}

	record PasswordChange(String currentPassword, String newPassword) {
	}

	record MeView(String username, String displayName, List<String> roles, List<String> unitCodes) {
	}

	record UserView(long id, String username, String displayName, List<String> roles, List<String> unitCodes,
			boolean enabled, boolean locked) {

		static UserView of(UserAccount account, java.time.Instant now) {
			return new UserView(account.id(), account.username(), account.displayName(),
					account.roles().stream().map(Enum::name).sorted().toList(),
					account.unitCodes().stream().sorted().toList(), account.enabled(), account.isLockedAt(now));
		}
	}
}
