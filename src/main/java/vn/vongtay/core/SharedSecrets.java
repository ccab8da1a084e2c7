package vn.vongtay.core;

import java.security.SecureRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signing keys every instance must hold the same: a form one instance showed is checked by another, a cookie one
 * signed is read by another, and both still after a restart. The first instance to need a key draws it (32 random
 * bytes) and stores it in {@code public.shared_secret}; every other one reads it there, once. A key configured by the
 * operator ({@code vongtay.casework.public-form-secret}, {@code vongtay.security.secret}) is used instead, as before.
 *
 * <p>Drawn at each start, as before this table, two instances behind a load balancer refused each other's forms and
 * counted one client's submissions under two names, and a restart forgot every known browser (docs/deploy.md,
 * section 1).
 */
@Component
public class SharedSecrets {

	private static final int BYTES = 32;

	private final JdbcClient jdbc;
	private final TransactionTemplate ownTransaction;
	private final SecureRandom random = new SecureRandom();
	private final ConcurrentMap<String, byte[]> keys = new ConcurrentHashMap<>();

	public SharedSecrets(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		// a writing transaction of its own: the first use may come inside a read-only one (or one sent to the replica)
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.ownTransaction.setReadOnly(false);
	}

	/**
	 * The key of that name shared by all instances, made now if none has one yet. Instances starting together agree:
	 * the one whose insert loses reads the winner's.
	 */
	public byte[] key(String name) {
		return keys.computeIfAbsent(name, this::load).clone();
	}

	private byte[] load(String name) {
		byte[] drawn = new byte[BYTES];
		random.nextBytes(drawn);
		return ownTransaction.execute(status -> {
			jdbc.sql("INSERT INTO public.shared_secret (name, value) VALUES (:name, :value) ON CONFLICT (name) DO NOTHING")
				.param("name", name)
				.param("value", drawn)
				.update();
			return jdbc.sql("SELECT value FROM public.shared_secret WHERE name = :name")
				.param("name", name)
				.query(byte[].class)
				.single();
		});
	}
}
