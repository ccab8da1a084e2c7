package vn.vongtay.core;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock every deadline and "as of" date is read from, in Vietnam's time zone (a report received at 23:30 in Hà
 * Nội belongs to that day, whatever the server's zone), replaceable in tests.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	@Bean
	Clock clock() {
		return Clock.system(VietnamTime.ZONE);
	}
}
