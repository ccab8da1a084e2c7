package vn.vongtay.identity.internal;

import java.io.Serial;
import java.io.Serializable;

/**
 * Where a sign-in comes from, as the throttle needs it: the client's address, and whether the browser carries the
 * cookie of an earlier sign-in to the same account ({@link KnownDevices}). Kept with the authentication (in the
 * session), so it is serialisable.
 */
public record SignInClient(String address, boolean knownDevice) implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	public SignInClient {
		address = address == null || address.isBlank() ? "unknown" : address;
	}
}
