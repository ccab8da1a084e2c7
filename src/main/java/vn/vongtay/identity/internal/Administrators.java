package vn.vongtay.identity.internal;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import vn.vongtay.audit.AuditLog;
import vn.vongtay.geography.Units;
import vn.vongtay.identity.Role;

/**
 * Creates the first system administrator from {@code VONGTAY_ADMIN_USERNAME} and {@code VONGTAY_ADMIN_PASSWORD} when
 * there is none yet. There are no built-in credentials: outside the demo profile nobody can sign in until these are set.
 */
@Component
@Order(5)
class Administrators implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(Administrators.class);

	private final UserAccounts accounts;
	private final PasswordEncoder encoder;
	private final Units units;
	private final Environment environment;
	private final AuditLog audit;
	private final PasswordPolicy passwords;

	Administrators(UserAccounts accounts, PasswordEncoder encoder, Units units, Environment environment,
			AuditLog audit, PasswordPolicy passwords) {
		this.passwords = passwords;
		this.accounts = accounts;
		this.encoder = encoder;
		this.units = units;
		this.environment = environment;
		this.audit = audit;
	}

	@Override
	public void run(ApplicationArguments args) {
		String username = environment.getProperty("VONGTAY_ADMIN_USERNAME");
		String password = environment.getProperty("VONGTAY_ADMIN_PASSWORD");
		if (username == null || password == null || accounts.anyAdministrator()) {
			if (!accounts.anyAdministrator() && !environment.matchesProfiles("demo")) {
				log.warn("No administrator exists. Set VONGTAY_ADMIN_USERNAME and VONGTAY_ADMIN_PASSWORD and restart.");
			}
			return;
		}
		var problem = passwords.problem("VONGTAY_ADMIN_PASSWORD", password, username, null);
		if (problem.isPresent()) {
			log.error("VONGTAY_ADMIN_PASSWORD will not do ({}): at least {} characters, not a common password, not the "
					+ "username, not a run of repeated keys; no administrator created.", problem.get().messageKey(),
					PasswordPolicy.MIN_LENGTH);
			return;
		}
		long id = accounts.create(username, "Quản trị hệ thống", null, encoder.encode(password),
				Set.of(Role.SYSTEM_ADMIN), Set.of(units.nation().id()), null);
		audit.recordAs("system", "USER_CREATED", "User", id, null, "first administrator from environment");
		log.info("First administrator '{}' created", username);
	}
}
