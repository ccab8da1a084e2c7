package vn.vongtay.access;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The decided answer of every route to every caller, read from {@code access/matrix.txt}: one line per route (and
 * per variant of it, such as a filter), one column per caller. See the file's head for what each cell means.
 */
final class AccessMatrix {

	/** A route as the dispatcher knows it: the method and the path pattern, variables named but not constrained. */
	record Route(String method, String path) implements Comparable<Route> {

		@Override
		public String toString() {
			return method + " " + path;
		}

		boolean api() {
			return path.startsWith("/api/");
		}

		boolean write() {
			return !method.equals("GET");
		}

		@Override
		public int compareTo(Route other) {
			int byPath = path.compareTo(other.path);
			return byPath != 0 ? byPath : method.compareTo(other.method);
		}
	}

	/** One line of the matrix: a route tried one way (the variant names the way when there are several). */
	record Row(Route route, String variant, Map<Caller, Expectation> cells, int line) {

		String key() {
			return route + (variant.equals("-") ? "" : " [" + variant + "]");
		}

		@Override
		public String toString() {
			return key() + " (matrix.txt line " + line + ")";
		}
	}

	/** What a caller sees: a status, where a redirect points, and the body as text. */
	record Answer(int status, String location, String body) {

		boolean toLogin() {
			return status / 100 == 3 && location != null && location.replaceFirst("^https?://[^/]+", "").startsWith("/login");
		}

		/** True when the text is in the body or in where a redirect points. */
		boolean shows(String text) {
			return body.contains(text) || (location != null && location.contains(text));
		}

		/** A full answer: what a caller allowed to see the whole of the route is given. */
		boolean given() {
			return status / 100 == 2 || (status / 100 == 3 && !toLogin());
		}

		/** The answer as a cell of the matrix would name it. */
		String token() {
			if (status == 0) {
				return "skip";
			}
			if (status / 100 == 2) {
				return "ok";
			}
			if (status / 100 == 3) {
				return toLogin() ? "login" : "moved";
			}
			return String.valueOf(status);
		}
	}

	/**
	 * A cell. {@code ok}: 2xx; {@code ok:VIEW}: 2xx without any of the view's secrets in the answer; {@code 401},
	 * {@code 403}, {@code 404}, any other status: exactly that; {@code no}: 403 or 404 (a role that may never use the
	 * route, which learns nothing from either); {@code login}: a redirect to the sign-in page; {@code moved}: a
	 * redirect elsewhere ({@code moved:VIEW}: not pointing at the view's secrets); {@code gate}: the request, invalid
	 * on purpose, was refused for its content (400, 409, 413, 415, 422), which proves the caller passed the access
	 * check; {@code skip}: not tried, because the only request the caller could send would do real work (the matrix
	 * says why).
	 */
	record Expectation(String token, String view) {

		static final Set<Integer> INPUT_REFUSED = Set.of(400, 409, 413, 415, 422);

		static Expectation parse(String cell) {
			if (cell.startsWith("ok:") || cell.startsWith("moved:")) {
				return new Expectation(cell.substring(0, cell.indexOf(':')), cell.substring(cell.indexOf(':') + 1));
			}
			if (!Set.of("ok", "no", "login", "moved", "gate", "skip").contains(cell) && !cell.matches("[1-5][0-9][0-9]")) {
				throw new IllegalArgumentException("unknown cell '" + cell + "'");
			}
			return new Expectation(cell, null);
		}

		/** A caller given the whole answer, whose answer proves that a reduced view's secrets are there to hide. */
		boolean full() {
			return (token.equals("ok") || token.equals("moved")) && view == null;
		}

		boolean refusal() {
			return Set.of("403", "404", "no").contains(token);
		}

		boolean accepts(Answer answer, List<String> secrets) {
			return switch (token) {
				case "ok" -> answer.status() / 100 == 2 && secrets.stream().noneMatch(answer::shows);
				case "no" -> answer.status() == 403 || answer.status() == 404;
				case "login" -> answer.toLogin();
				case "moved" -> answer.status() / 100 == 3 && !answer.toLogin() && secrets.stream().noneMatch(answer::shows);
				case "gate" -> INPUT_REFUSED.contains(answer.status());
				case "skip" -> true;
				default -> answer.status() == Integer.parseInt(token);
			};
		}

		@Override
		public String toString() {
			return view == null ? token : token + ":" + view;
		}
	}

	final List<Caller> columns;
	final List<Row> rows;
	/** Each view: the names of the secrets it must not show. */
	final Map<String, List<String>> views;

	private AccessMatrix(List<Caller> columns, List<Row> rows, Map<String, List<String>> views) {
		this.columns = columns;
		this.rows = rows;
		this.views = views;
	}

	static AccessMatrix load(String resource) {
		try (InputStream in = AccessMatrix.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(resource + " missing");
			}
			return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	static AccessMatrix parse(String text) {
		List<Caller> columns = null;
		List<Row> rows = new ArrayList<>();
		Map<String, List<String>> views = new LinkedHashMap<>();
		String[] lines = text.split("\n");
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			String[] words = line.split("\\s+");
			int number = i + 1;
			switch (words[0]) {
				case "callers" -> columns = Arrays.stream(words).skip(1).map(Caller::ofColumn).toList();
				case "view" -> {
					if (words.length < 3 || !words[1].endsWith(":")) {
						throw new IllegalArgumentException("line " + number + ": view NAME: SECRET...");
					}
					views.put(words[1].substring(0, words[1].length() - 1), List.of(words).subList(2, words.length));
				}
				default -> {
					if (columns == null) {
						throw new IllegalArgumentException("line " + number + ": the callers line must come first");
					}
					if (words.length != 3 + columns.size()) {
						throw new IllegalArgumentException("line " + number + ": METHOD PATH VARIANT and "
								+ columns.size() + " cells expected, found " + words.length + " words");
					}
					Map<Caller, Expectation> cells = new EnumMap<>(Caller.class);
					for (int c = 0; c < columns.size(); c++) {
						try {
							cells.put(columns.get(c), Expectation.parse(words[3 + c]));
						}
						catch (IllegalArgumentException e) {
							throw new IllegalArgumentException("line " + number + ", column " + columns.get(c).column
									+ ": " + e.getMessage());
						}
					}
					rows.add(new Row(new Route(words[0], words[1]), words[2], cells, number));
				}
			}
		}
		if (columns == null || columns.size() != Caller.values().length
				|| !Set.copyOf(columns).equals(Set.of(Caller.values()))) {
			throw new IllegalArgumentException("the callers line must name every caller once: " + columns);
		}
		return new AccessMatrix(columns, rows, views);
	}

	/** What is wrong with the table itself, whatever the application answers. */
	List<String> inconsistencies() {
		List<String> problems = new ArrayList<>();
		Map<String, Row> seen = new LinkedHashMap<>();
		for (Row row : rows) {
			if (seen.put(row.key(), row) != null) {
				problems.add(row + ": listed twice");
			}
			boolean gate = row.cells().values().stream().anyMatch(e -> e.token().equals("gate"));
			if (gate && !row.route().write()) {
				problems.add(row + ": 'gate' is for writes tried with an invalid request");
			}
			// an invalid request refused for its content proves a caller passed the access check only when another
			// signed-in caller, sending the very same request, is refused for who they are
			boolean witness = row.cells().entrySet().stream()
				.anyMatch(e -> e.getKey().signedIn() && e.getValue().refusal());
			if (gate && !witness) {
				problems.add(row + ": 'gate' needs a signed-in caller refused (403/404/no) with the same request");
			}
			row.cells().forEach((caller, expectation) -> {
				if (expectation.view() != null && !views.containsKey(expectation.view())) {
					problems.add(row + ": no view named " + expectation.view());
				}
			});
			boolean viewed = row.cells().values().stream().anyMatch(e -> e.view() != null);
			boolean full = row.cells().values().stream().anyMatch(Expectation::full);
			if (viewed && !full) {
				problems.add(row + ": a reduced view needs a caller who sees the whole answer, to prove its secrets are there");
			}
		}
		return problems;
	}
}
