package vn.vongtay.core;

import java.util.List;

/**
 * A refusal the user can act on: it carries a message key (resolved in Vietnamese and English) and an HTTP status, and
 * is shown as a problem detail or an error page instead of a stack trace.
 */
public class UserFacingException extends RuntimeException {

	private final int status;
	private final String messageKey;
	private final transient Object[] arguments;
	private final List<InputProblem> problems;

	public UserFacingException(int status, String messageKey, Object... arguments) {
		this(status, messageKey, List.of(), arguments);
	}

	public UserFacingException(int status, String messageKey, List<InputProblem> problems, Object... arguments) {
		super(messageKey);
		this.status = status;
		this.messageKey = messageKey;
		this.arguments = arguments;
		this.problems = List.copyOf(problems);
	}

	public static UserFacingException notFound(String messageKey, Object... arguments) {
		return new UserFacingException(404, messageKey, arguments);
	}

	public static UserFacingException invalid(String messageKey, Object... arguments) {
		return new UserFacingException(400, messageKey, arguments);
	}

	public static UserFacingException conflict(String messageKey, Object... arguments) {
		return new UserFacingException(409, messageKey, arguments);
	}

	public static UserFacingException rejected(List<InputProblem> problems) {
		return new UserFacingException(422, "error.input-rejected", problems, problems.size());
	}

	public int status() {
		return status;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments == null ? new Object[0] : arguments.clone();
	}

	public List<InputProblem> problems() {
		return problems;
	}
}
