package vn.vongtay.casework;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** What the tests of the public report page share: forms shown long enough ago, and clients of their own. */
final class PublicForms {

	private PublicForms() {
	}

	/** Tokens of forms shown more than the few seconds a person needs to fill one in. */
	static List<String> filledIn(PublicIntake intake, int count) throws InterruptedException {
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			tokens.add(intake.formToken());
		}
		Thread.sleep(3_100);
		return tokens;
	}

	/** An address in the network given ("10.", "198.51.100.") that no other test uses. */
	static String clientIn(String network) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		StringBuilder address = new StringBuilder(network);
		for (int parts = network.split("\\.").length; parts < 4; parts++) {
			address.append(random.nextInt(1, 255)).append(parts < 3 ? "." : "");
		}
		return address.toString();
	}
}
