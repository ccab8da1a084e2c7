package vn.vongtay.core.monitoring;

import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * What a monitoring server reads: the actuator's Prometheus endpoint, open on the management port only
 * ({@code management.server.port}, bound to an internal address by {@code management.server.address}); on the
 * application's port it stays behind sign-in like every page. Besides the JVM, HTTP, Hikari and Tomcat metrics it
 * counts the event publications not delivered yet, which should stay near zero.
 */
@Configuration(proxyBeanMethods = false)
class MonitoringConfiguration {

	/** The port the management server listens on once started (it may be chosen at random); 0 without one. */
	private final AtomicInteger managementPort = new AtomicInteger();

	@EventListener
	void started(WebServerInitializedEvent event) {
		if ("management".equals(event.getApplicationContext().getServerNamespace())) {
			managementPort.set(event.getWebServer().getPort());
		}
	}

	/** The actuator on the management port, without sign-in; never a page of the application. */
	@Bean
	@Order(0)
	SecurityFilterChain managementPort(HttpSecurity http) throws Exception {
		return http.securityMatcher(request -> managementPort.get() > 0 && request.getLocalPort() == managementPort.get()
					&& request.getRequestURI().startsWith("/actuator/"))
			.authorizeHttpRequests(a -> a.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable())
			.build();
	}

	@Bean
	MeterBinder eventPublicationMetrics(JdbcClient jdbc) {
		return registry -> {
			Gauge.builder("vongtay.events.undelivered", jdbc, j -> j.sql("""
					SELECT count(*) FROM event_publication WHERE completion_date IS NULL""").query(Long.class).single())
				.description("event publications whose listener has not completed yet")
				.register(registry);
			Gauge.builder("vongtay.events.failed", jdbc, j -> j.sql("""
					SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND status = 'FAILED'""")
					.query(Long.class).single())
				.description("event publications whose listener failed or was abandoned, waiting to be delivered again")
				.register(registry);
		};
	}
}
