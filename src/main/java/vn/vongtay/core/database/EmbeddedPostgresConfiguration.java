package vn.vongtay.core.database;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Starts PostgreSQL inside the application when no external server is configured, so that a machine with a JDK and Maven
 * runs the system without installing a database. Setting {@code SPRING_DATASOURCE_URL} (with user and password) switches
 * to that server and starts nothing.
 *
 * <p>The server is a bean the data source depends on, so Spring stops it after everything that uses it, also when the
 * application is stopped by a signal (Spring's shutdown hook closes the context on SIGTERM and Ctrl+C).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDatasourceUrl.class)
class EmbeddedPostgresConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedPostgresServer embeddedPostgresServer(EmbeddedPostgresProperties properties) {
		return EmbeddedPostgresServer.start(properties.options());
	}

	@Bean(destroyMethod = "close")
	DataSource dataSource(EmbeddedPostgresServer server, Environment environment) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(server.jdbcUrl() + "?reWriteBatchedInserts=true");
		dataSource.setUsername(server.username());
		dataSource.setPassword(server.password());
		dataSource.setMaximumPoolSize(environment.getProperty("spring.datasource.hikari.maximum-pool-size",
				Integer.class, 20));
		dataSource.setPoolName("vongtay-embedded");
		return dataSource;
	}

	static class NoDatasourceUrl implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			String url = context.getEnvironment().getProperty("spring.datasource.url");
			return url == null || url.isBlank();
		}
	}
}
