package vn.vongtay.planning;

import java.util.List;

import vn.vongtay.core.InputProblem;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.directory.AgencyKind;
import vn.vongtay.directory.AgencyMatch;

/**
 * A plan that is right in every other way names agencies the directory does not have under the same name: nothing is
 * stored until a person decides, for each, which directory agency it is or that it is new ({@link AgencyChoices}).
 * The problems name each agency with its line, the agencies like it and how to answer.
 */
public class AgenciesToConfirm extends UserFacingException {

	/** An agency of the document waiting for a person's decision, with the directory's agencies most like it. */
	public record Pending(String key, String name, AgencyKind kind, String unitCode, String unitName, Integer line,
			List<AgencyMatch.Candidate> candidates) {
	}

	private final transient List<Pending> pending;

	public AgenciesToConfirm(List<Pending> pending, List<InputProblem> problems) {
		super(422, "error.plan.agencies-to-confirm", problems, pending.size());
		this.pending = List.copyOf(pending);
	}

	public List<Pending> pending() {
		return pending;
	}
}
