package vn.vongtay.indicators;

import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.vongtay.audit.AuditLog;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.Role;
import vn.vongtay.identity.SignedInUser;
import vn.vongtay.indicators.internal.Tallies;

/**
 * The full recount: every tally recomputed from the records of every source, with the same numbers as the events
 * keep. A system administrator runs it from the catalogue's administration page; the module runs it itself at start
 * when records were written in bulk without events, and after units are imported.
 */
@Component
public class IndicatorRecount {

	/** What a recount did. */
	public record Result(long records, long tallyRows, long tookMillis) implements java.io.Serializable {
	}

	private final Tallies tallies;
	private final AuditLog audit;

	IndicatorRecount(Tallies tallies, AuditLog audit) {
		this.tallies = tallies;
		this.audit = audit;
	}

	/** @throws UserFacingException 403 for anyone but a system administrator */
	public Result run() {
		SignedInUser user = Jurisdictions.requireUser();
		if (!user.has(Role.SYSTEM_ADMIN)) {
			throw new UserFacingException(403, "error.access-denied");
		}
		Tallies.RecountResult r = tallies.recount("requested", user.getUsername());
		audit.record("INDICATORS_RECOUNTED", "Indicators", null, null, r.records() + " records, " + r.tallyRows() + " rows");
		return new Result(r.records(), r.tallyRows(), r.tookMillis());
	}

	public Optional<Instant> last() {
		return tallies.lastRecount();
	}
}
