package vn.vongtay.core.replica;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.json.JsonMapper;
import vn.vongtay.Await;
import vn.vongtay.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a replica configured that cannot serve (here the primary itself, which replays no WAL), the reporting reads go
 * to the primary, every page still answers, and health and the Prometheus endpoint say so. The replica serving reads
 * while it keeps up, and falling back when it lags or stops, is checked against a real streaming replica by
 * {@code tools/cluster-test.sh}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "vongtay.replica.check-interval=200ms" })
@ActiveProfiles("demo")
class ReplicaFallbackAndMonitoringTests {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	Replica replica;

	@Autowired
	JsonMapper json;

	/**
	 * The replica signs in as the primary's role, the documented default (deploy.md, section 3): the tests' server
	 * asks every connection for a password (decision 0010), and the application's role is the one whose password the
	 * tests know.
	 */
	@DynamicPropertySource
	static void replica(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.replica.url", () -> TestDatabase.jdbcUrl() + "?ApplicationName=vongtay-replica");
	}

	@Test
	void aServerThatIsNotAReplicaServesNoReadAndHealthSaysTheReadsGoToThePrimary() throws Exception {
		Await.until(() -> replica.status().state() != Replica.State.STARTING, Duration.ofSeconds(30));
		assertThat(replica.status().state()).isEqualTo(Replica.State.NOT_A_REPLICA);

		HttpResponse<String> health = get(managementPort, "/actuator/health", null);
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(json.readTree(health.body()).get("status").asString()).isEqualTo("DEGRADED");

		long fallbacks = replica.servedByPrimary();
		String token = token("tinh.dienbien");
		HttpResponse<String> figure = get(port, "/api/v1/indicators/CHILDREN_SPECIAL_RATE/values?unit=11&period=2025",
				token);
		assertThat(figure.statusCode()).isEqualTo(200);
		assertThat(replica.servedByPrimary()).isGreaterThan(fallbacks);
		assertThat(replica.servedByReplica()).isZero();

		// a read outside the reporting paths is no reporting read at all
		long before = replica.servedByPrimary();
		assertThat(get(port, "/api/v1/indicators/entries?unit=11&period=2025", token).statusCode()).isEqualTo(200);
		assertThat(replica.servedByPrimary()).isEqualTo(before);
	}

	@Test
	void prometheusReadsTheMetricsOnTheManagementPortOnlyAndTheyIncludeTheReplicaAndTheEvents() throws Exception {
		HttpResponse<String> metrics = get(managementPort, "/actuator/prometheus", null);
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("vongtay_replica_in_use 0.0", "vongtay_replica_reads_total{served_by=\"primary\"}",
				"vongtay_events_undelivered", "hikaricp_connections_active", "jvm_memory_used_bytes");

		HttpResponse<String> outside = get(port, "/actuator/prometheus", null);
		assertThat(outside.statusCode()).isEqualTo(302);
		assertThat(outside.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
	}

	private String token(String username) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/tokens"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"Demo@2026\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		return json.readTree(response.body()).get("token").asString();
	}

	private HttpResponse<String> get(int onPort, String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + onPort + path)).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}
}
