package vn.vongtay.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.vongtay.IntegrationTest;

/**
 * The public report form's limit of 5 reports an hour per client ({@code vongtay.casework.public-reports-per-hour})
 * holds against a client that names itself in {@code X-Forwarded-For} (only a configured proxy may; the tests of
 * {@code PublicReportProxyTests} prove that on the real server) and against reports sent all at once: the count and
 * the record are one step in the database, so several instances share it too.
 */
@IntegrationTest
class PublicReportLimitTests extends CaseworkTestSupport {

	@Autowired
	PublicIntake intake;

	@Test
	void aClientNamingOtherAddressesInXForwardedForStillGetsFiveReportsAnHourAndIsAuditedByItsOwnAddress()
			throws Exception {
		String address = randomAddress();
		List<String> tokens = freshTokens(6);
		List<String> children = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			String child = "Lò Thị " + unique();
			children.add(child);
			int status = submit(address, tokens.get(i), child, "203.0.113." + (i + 1)).andReturn().getResponse()
				.getStatus();
			assertThat(status).as("report %d", i + 1).isEqualTo(i < 5 ? 200 : 429);
		}
		assertThat(jdbc.sql("""
				SELECT DISTINCT a.client_address FROM audit.entry a JOIN casework.report r ON r.id::text = a.subject_id
				WHERE a.action = 'REPORT_RECEIVED' AND r.child_name IN (:children)""").param("children", children)
			.query(String.class).list()).containsExactly(address);
	}

	@Test
	void eightReportsSentAtOnceFromOneClientAreFiveRecordedAndThreeRefused() throws Exception {
		String address = randomAddress();
		List<String> tokens = freshTokens(8);
		List<String> children = new ArrayList<>();
		List<Callable<Integer>> sends = new ArrayList<>();
		for (String token : tokens) {
			String child = "Lò Văn " + unique();
			children.add(child);
			sends.add(() -> submit(address, token, child, null).andReturn().getResponse().getStatus());
		}
		ExecutorService clients = Executors.newFixedThreadPool(8);
		List<Integer> answers = new ArrayList<>();
		try {
			for (Future<Integer> answer : clients.invokeAll(sends)) {
				answers.add(answer.get());
			}
		}
		finally {
			clients.shutdown();
		}
		assertThat(answers).filteredOn(s -> s == 200).hasSize(5);
		assertThat(answers).filteredOn(s -> s == 429).hasSize(3);
		assertThat(jdbc.sql("SELECT count(*) FROM casework.report WHERE child_name IN (:children)")
			.param("children", children).query(Long.class).single()).isEqualTo(5);
	}

	/** Tokens of forms shown more than the few seconds a person needs to fill one in. */
	private List<String> freshTokens(int count) throws InterruptedException {
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			tokens.add(intake.formToken());
		}
		Thread.sleep(3_100);
		return tokens;
	}

	private org.springframework.test.web.servlet.ResultActions submit(String address, String token, String child,
			String forwardedFor) throws Exception {
		MockHttpServletRequestBuilder request = post("/report").with(csrf()).with(r -> {
			r.setRemoteAddr(address);
			return r;
		})
			.param("token", token)
			.param("province", "11")
			.param("commune", QUAI_TO)
			.param("childName", child)
			.param("childAgeYears", "10")
			.param("condition", "Em bé hàng xóm thường bị bỏ đói.");
		if (forwardedFor != null) {
			request.header("X-Forwarded-For", forwardedFor);
		}
		return mvc.perform(request);
	}

	private static String randomAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "10." + random.nextInt(1, 255) + "." + random.nextInt(1, 255) + "." + random.nextInt(1, 255);
	}
}
