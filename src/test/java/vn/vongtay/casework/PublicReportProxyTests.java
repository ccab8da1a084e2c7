package vn.vongtay.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.CookieManager;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * On the real server (Tomcat, as the browser tests use it): the address of a public report's sender is the
 * connection's, unless the connection comes from a trusted reverse proxy (by default one on the same machine), which
 * then names the client as the last address of {@code X-Forwarded-For}; what the client itself wrote there before the
 * proxy is ignored. The limit of 5 reports an hour and the audit log both use that address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class PublicReportProxyTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	PublicIntake intake;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aProxyOnTheSameMachineNamesTheClientWhoseReportsAreCountedAndAuditedUnderItsAddress() throws Exception {
		Form form = new Form("localhost");
		String client = PublicForms.clientIn("198.51.100.");
		List<String> tokens = PublicForms.filledIn(intake, 7);
		for (int i = 0; i < 5; i++) {
			// the client wrote an address of its own choosing; the proxy appended the one it saw
			assertThat(form.submit(tokens.get(i), "203.0.113." + (i + 1) + ", " + client).statusCode())
				.as("report %d", i + 1).isEqualTo(200);
		}
		Sent limited = form.submit(tokens.get(5), "203.0.113.99, " + client);
		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(form.submit(tokens.get(6), PublicForms.clientIn("198.51.100.")).statusCode())
			.as("another client behind the same proxy").isEqualTo(200);
		assertThat(auditedAddresses(form.children.subList(0, 5))).containsExactly(client);
	}

	@Test
	void aConnectionFromAnotherMachineIsItsOwnClientWhateverItWritesInXForwardedFor() throws Exception {
		String own = networkAddress();
		assumeTrue(own != null, "this machine has no network address besides the loopback");
		Form form = new Form(own);
		List<String> tokens = PublicForms.filledIn(intake, 6);
		for (int i = 0; i < 5; i++) {
			form.submit(tokens.get(i), PublicForms.clientIn("198.51.100."));
		}
		assertThat(form.submit(tokens.get(5), PublicForms.clientIn("198.51.100.")).statusCode())
			.as("a sixth report, however the client names itself").isEqualTo(429);
		assertThat(auditedAddresses(form.children)).containsExactly(own);
	}

	private record Sent(int statusCode, String body) {
	}

	/** The public page as a browser keeps it: its session, its CSRF token, the children it reported about. */
	private final class Form {

		private final String host;
		private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		private final String csrf;
		final List<String> children = new ArrayList<>();

		Form(String host) throws Exception {
			this.host = host;
			String page = http.send(HttpRequest.newBuilder(uri("/report")).build(),
					HttpResponse.BodyHandlers.ofString()).body();
			Matcher token = CSRF.matcher(page);
			assertThat(token.find()).as("the page carries its CSRF token").isTrue();
			this.csrf = token.group(1);
		}

		Sent submit(String token, String forwardedFor) throws Exception {
			String child = "Lò Thị " + CaseworkTestSupport.unique();
			children.add(child);
			Map<String, String> fields = new LinkedHashMap<>();
			fields.put("_csrf", csrf);
			fields.put("token", token);
			fields.put("province", "11");
			fields.put("commune", CaseworkTestSupport.QUAI_TO);
			fields.put("childName", child);
			fields.put("childAgeYears", "10");
			fields.put("condition", "Em bé hàng xóm thường bị bỏ đói.");
			String body = fields.entrySet().stream()
				.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri("/report"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("X-Forwarded-For", forwardedFor)
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			return new Sent(answer.statusCode(), answer.body());
		}

		private URI uri(String path) {
			return URI.create("http://" + host + ":" + port + path);
		}
	}

	private List<String> auditedAddresses(List<String> children) {
		return jdbc.sql("""
				SELECT DISTINCT a.client_address FROM audit.entry a JOIN casework.report r ON r.id::text = a.subject_id
				WHERE a.action = 'REPORT_RECEIVED' AND r.child_name IN (:children)""").param("children", children)
			.query(String.class).list();
	}

	/** An IPv4 address of this machine other than the loopback, at which the server also listens. */
	private static String networkAddress() throws SocketException {
		for (NetworkInterface net : Collections.list(NetworkInterface.getNetworkInterfaces())) {
			if (!net.isUp() || net.isLoopback()) {
				continue;
			}
			for (InetAddress address : Collections.list(net.getInetAddresses())) {
				if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
					return address.getHostAddress();
				}
			}
		}
		return null;
	}
}
