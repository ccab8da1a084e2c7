package vn.vongtay.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.PlatformTransactionManager;

import vn.vongtay.DemoAccountTestSupport;
import vn.vongtay.IntegrationTest;
import vn.vongtay.core.SharedSecrets;

/**
 * A browser known to an account (decision 0011) is known to every instance behind the load balancer (docs/deploy.md,
 * section 1), and after a restart, with no key configured: while the account is locked against guessing, its owner
 * signs in on whichever instance the proxy picks.
 */
@IntegrationTest
class KnownDevicesAcrossInstancesTests extends DemoAccountTestSupport {

	@Autowired
	SecurityProperties properties;

	@Autowired
	Clock clock;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aBrowserKnownToOneInstanceIsKnownToAnotherWithoutAConfiguredKey() {
		assertThat(properties.secret()).as("no key configured, as on a first deployment").isBlank();
		KnownDevices first = anotherInstance();
		MockHttpServletRequest signIn = new MockHttpServletRequest("POST", "/login");
		MockHttpServletResponse answer = new MockHttpServletResponse();
		first.remember(signIn, answer, "xa.a");
		Cookie device = answer.getCookie(KnownDevices.COOKIE);
		assertThat(device).isNotNull();

		MockHttpServletRequest later = new MockHttpServletRequest("POST", "/login");
		later.setCookies(device);
		assertThat(first.recognises(later, "xa.a")).isTrue();
		KnownDevices second = anotherInstance();
		assertThat(second.recognises(later, "xa.a")).as("the other instance knows the browser").isTrue();
		assertThat(second.recognises(later, "xa.b")).as("only for the account that signed in").isFalse();
	}

	/** Another JVM (or this one restarted): its own bean, with the configuration every instance has. */
	private KnownDevices anotherInstance() {
		return new KnownDevices(properties, clock, new SharedSecrets(jdbc, transactions));
	}
}
