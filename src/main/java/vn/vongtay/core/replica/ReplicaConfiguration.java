package vn.vongtay.core.replica;

import java.time.Clock;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Reads of dashboards, indicator pages, exports and report annexes from a streaming-replication replica, when
 * {@code spring.datasource.replica.url} names one (user and password default to the primary's). Without it nothing
 * here exists and every read goes to the one database, as before.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("spring.datasource.replica.url")
class ReplicaConfiguration {

	/** Shown by {@code /actuator/health} while reporting reads go to the primary because the replica lags or is down. */
	static final Status DEGRADED = new Status("DEGRADED", "reporting reads go to the primary: the replica lags or is down");

	@Bean(destroyMethod = "close")
	Replica replica(Environment environment, ReplicaProperties properties, Clock clock) {
		HikariDataSource pool = new HikariDataSource();
		pool.setPoolName("vongtay-replica");
		pool.setJdbcUrl(environment.getRequiredProperty("spring.datasource.replica.url"));
		pool.setUsername(environment.getProperty("spring.datasource.replica.username",
				environment.getProperty("spring.datasource.username", "")));
		pool.setPassword(environment.getProperty("spring.datasource.replica.password",
				environment.getProperty("spring.datasource.password", "")));
		pool.setMaximumPoolSize(environment.getProperty("spring.datasource.replica.maximum-pool-size", Integer.class,
				environment.getProperty("spring.datasource.hikari.maximum-pool-size", Integer.class, 10)));
		pool.setReadOnly(true);
		// a replica that is down must not hold up a dashboard for long, nor stop the application from starting
		pool.setConnectionTimeout(2000);
		pool.setInitializationFailTimeout(-1);
		return new Replica(pool, properties.maxLag(), properties.checkInterval(), clock);
	}

	/** Wraps the primary's data source, whichever configuration made it (external or embedded). */
	@Bean
	static BeanPostProcessor replicaRouting(ObjectProvider<Replica> replica) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (bean instanceof DataSource primary && "dataSource".equals(name)) {
					return replica.getObject().route(primary);
				}
				return bean;
			}
		};
	}

	@Bean
	FilterRegistrationBean<ReplicaReads> replicaReads(ReplicaProperties properties) {
		FilterRegistrationBean<ReplicaReads> registration = new FilterRegistrationBean<>(
				new ReplicaReads(properties.paths()));
		// after Spring Security (-100): signing in and loading the user always read the primary
		registration.setOrder(0);
		return registration;
	}

	@Bean
	HealthIndicator replicaHealthIndicator(Replica replica) {
		return () -> {
			Replica.Status status = replica.status();
			Health.Builder health = status.inUse() ? Health.up() : Health.status(DEGRADED);
			health.withDetail("state", status.state().name())
				.withDetail("checkedAt", status.checkedAt().toString())
				.withDetail("maxLagSeconds", replica.maxLag().toSeconds());
			if (status.lag() != null) {
				health.withDetail("lagMillis", status.lag().toMillis());
			}
			if (status.reason() != null) {
				health.withDetail("reason", status.reason());
			}
			return health.build();
		};
	}

	@Bean
	MeterBinder replicaMetrics(Replica replica) {
		return registry -> {
			Gauge.builder("vongtay.replica.in.use", replica, r -> r.status().inUse() ? 1 : 0)
				.description("1 while reporting reads go to the replica, 0 while they go to the primary")
				.register(registry);
			Gauge.builder("vongtay.replica.lag", replica,
					r -> r.status().lag() == null ? Double.NaN : r.status().lag().toMillis() / 1000.0)
				.description("how far the replica is behind the primary (NaN while it does not answer)")
				.baseUnit("seconds")
				.register(registry);
			FunctionCounter.builder("vongtay.replica.reads", replica, Replica::servedByReplica)
				.tag("served.by", "replica")
				.description("reporting reads (read-only transactions) and where they were served")
				.register(registry);
			FunctionCounter.builder("vongtay.replica.reads", replica, Replica::servedByPrimary)
				.tag("served.by", "primary")
				.description("reporting reads (read-only transactions) and where they were served")
				.register(registry);
		};
	}
}
