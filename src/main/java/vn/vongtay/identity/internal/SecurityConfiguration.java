package vn.vongtay.identity.internal;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.context.ApplicationEventPublisher;

import tools.jackson.databind.json.JsonMapper;
import vn.vongtay.audit.AuditLog;
import vn.vongtay.core.web.ProblemDetails;

/**
 * Two doors: people sign in with a form and a session kept in the database; machines call {@code /api/**} with a
 * bearer token and no session. Every password is checked by {@link SignInGate} (throttle, password, account state);
 * nobody who is not signed in gets a session (docs/decisions/0011-authentication.md).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		return new ComposedUnicodePasswords(PasswordEncoderFactories.createDelegatingPasswordEncoder());
	}

	@Bean
	AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
		return new DefaultAuthenticationEventPublisher(publisher);
	}

	@Bean
	AuthenticationManager authenticationManager(SignInGate gate, AuthenticationEventPublisher events) {
		ProviderManager manager = new ProviderManager(gate);
		manager.setAuthenticationEventPublisher(events);
		return manager;
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, AuthenticationManager authenticationManager, ApiTokens tokens,
			AuditLog audit, ProblemDetails problems, JsonMapper json) throws Exception {
		return http.securityMatcher("/api/**")
			.authenticationManager(authenticationManager)
			.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.POST, "/api/v1/tokens").permitAll()
				.requestMatchers("/api/docs/**").permitAll()
				.anyRequest().authenticated())
			.addFilterBefore(new BearerTokenFilter(tokens, audit), UsernamePasswordAuthenticationFilter.class)
			.exceptionHandling(e -> e
				.authenticationEntryPoint((request, response, ex) -> problem(response, request, problems, json, 401,
						"error.unauthenticated"))
				.accessDeniedHandler((request, response, ex) -> problem(response, request, problems, json, 403,
						"error.access-denied")))
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain web(HttpSecurity http, AuthenticationManager authenticationManager, KnownDevices devices,
			Clock clock) throws Exception {
		return http.authenticationManager(authenticationManager)
			.csrf(c -> c.csrfTokenRepository(new SessionOrCookieCsrfTokens()))
			// signing in always lands on the home page, so nothing needs remembering of where an anonymous visit went;
			// remembering it would store a session for every anonymous request of a page
			.requestCache(r -> r.requestCache(new NullRequestCache()))
			.authorizeHttpRequests(a -> a
				.requestMatchers("/login", "/report", "/report/communes", "/css/**", "/js/**", "/webjars/**", "/schemas/**", "/favicon.ico", "/favicon.svg", "/error",
						"/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/api/docs/**")
				.permitAll()
				.requestMatchers("/admin/audit/**", "/admin/units/import/**").hasRole("SYSTEM_ADMIN")
				.anyRequest().authenticated())
			.formLogin(f -> f.loginPage("/login")
				.authenticationDetailsSource(request -> new SignInClient(request.getRemoteAddr(),
						devices.recognises(request, request.getParameter("username"))))
				.successHandler((request, response, authentication) -> {
					devices.remember(request, response, authentication.getName());
					response.sendRedirect(request.getContextPath() + "/");
				})
				.failureHandler((request, response, ex) -> response
					.sendRedirect(request.getContextPath() + failurePage(ex, clock))))
			.logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
					"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'")))
			.build();
	}

	/** The sign-in page again, saying why: the same for an unknown name as for a known one. */
	private static String failurePage(Exception refusal, Clock clock) {
		if (refusal instanceof SignInGate.Throttled throttled) {
			return "/login?wait=" + throttled.minutesLeft(clock.instant());
		}
		return refusal instanceof DisabledException ? "/login?disabled" : "/login?error";
	}

	private static void problem(HttpServletResponse response, HttpServletRequest request, ProblemDetails problems,
			JsonMapper json, int status, String key) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(),
				problems.of(status, key, new Object[0], java.util.List.of(), request));
	}
}
