package vn.vongtay.planning.internal;

import java.io.StringReader;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import vn.vongtay.core.InputProblem;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.VietnameseText;
import vn.vongtay.directory.AgencyKind;
import vn.vongtay.planning.AllowanceBasis;
import vn.vongtay.planning.AllowancePeriod;
import vn.vongtay.planning.Direction;
import vn.vongtay.planning.Measure;
import vn.vongtay.planning.PlanKind;
import vn.vongtay.planning.PlanStatus;
import vn.vongtay.planning.ReportKind;
import vn.vongtay.planning.TimeframeKind;
import vn.vongtay.planning.internal.PlanDocument.AgencyEntry;
import vn.vongtay.planning.internal.PlanDocument.AllowanceEntry;
import vn.vongtay.planning.internal.PlanDocument.FigureEntry;
import vn.vongtay.planning.internal.PlanDocument.Answer;
import vn.vongtay.planning.internal.PlanDocument.Header;
import vn.vongtay.planning.internal.PlanDocument.ObjectiveEntry;
import vn.vongtay.planning.internal.PlanDocument.ObjectiveKind;
import vn.vongtay.planning.internal.PlanDocument.Place;
import vn.vongtay.planning.internal.PlanDocument.Reference;
import vn.vongtay.planning.internal.PlanDocument.ReportingEntry;
import vn.vongtay.planning.internal.PlanDocument.Submission;
import vn.vongtay.planning.internal.PlanDocument.TargetEntry;
import vn.vongtay.planning.internal.PlanDocument.TaskEntry;
import vn.vongtay.planning.internal.PlanDocument.Timeframe;

/**
 * Reads a plan written in YAML (or JSON, which the YAML parser reads too) and checks everything that can be checked
 * without the database: required fields, dates, numbers, codes, and that every agency a task names is declared. Every
 * problem is reported with its line and path, and nothing is returned unless the whole document is right.
 */
final class PlanDocumentReader {

	private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}[a-z0-9]");

	private final List<InputProblem> problems = new ArrayList<>();
	private final Set<String> declaredAgencies = new HashSet<>();
	/** What the document declares itself as: the fields format 2 added are refused in a format 1 document. */
	private String format = PlanDocument.FORMAT;

	private PlanDocumentReader() {
	}

	/** @throws UserFacingException 422 listing every problem of the document */
	static PlanDocument read(String text) {
		PlanDocumentReader reader = new PlanDocumentReader();
		PlanDocument document = reader.document(text);
		if (!reader.problems.isEmpty()) {
			throw UserFacingException.rejected(reader.problems);
		}
		return document;
	}

	private PlanDocument document(String text) {
		Node root;
		try {
			LoaderOptions options = new LoaderOptions();
			options.setAllowDuplicateKeys(false);
			options.setMaxAliasesForCollections(10);
			root = new Yaml(options).compose(new StringReader(text == null ? "" : text));
		}
		catch (MarkedYAMLException e) {
			Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
			problems.add(new InputProblem(mark == null ? null : mark.getLine() + 1, null, "error.plan.syntax",
					String.valueOf(e.getProblem())));
			return null;
		}
		catch (YAMLException e) {
			problems.add(new InputProblem(null, null, "error.plan.syntax", String.valueOf(e.getMessage())));
			return null;
		}
		MappingNode document = mapping(root, "", true);
		if (document == null) {
			return null;
		}
		allowOnly(document, "", "format", "plan", "agencies", "objectives", "figures", "allowances", "tasks",
				"reporting");
		String declared = text(document, "format", "", true);
		if (declared != null && !PlanDocument.FORMAT.equals(declared) && !PlanDocument.FORMAT_1.equals(declared)) {
			problem(value(document, "format"), "format", "error.plan.format", declared, PlanDocument.FORMAT);
		}
		else if (declared != null) {
			format = declared;
		}
		List<AgencyEntry> agencies = agencies(document);
		Header header = header(mapping(value(document, "plan"), "plan", true));
		List<ObjectiveEntry> objectives = objectives(document);
		List<FigureEntry> figures = figures(document);
		List<AllowanceEntry> allowances = allowances(document);
		List<TaskEntry> tasks = tasks(document, header);
		List<ReportingEntry> reporting = reporting(document);
		return new PlanDocument(header, agencies, objectives, figures, allowances, tasks, reporting);
	}

	private Header header(MappingNode plan) {
		if (plan == null) {
			return null;
		}
		allowOnly(plan, "plan", "key", "kind", "number", "issuedOn", "title", "years", "status", "issuer", "submission",
				"sourceFile", "summary", "basedOn", "originalText");
		String key = text(plan, "key", "plan", true);
		if (key != null && !KEY.matcher(key).matches()) {
			problem(value(plan, "key"), "plan.key", "error.plan.key-format", key);
		}
		PlanKind kind = enumeration(plan, "kind", "plan", PlanKind.class, true);
		String number = text(plan, "number", "plan", false);
		LocalDate issuedOn = date(plan, "issuedOn", "plan", false);
		String title = text(plan, "title", "plan", true);
		MappingNode years = mapping(value(plan, "years"), "plan.years", true);
		Integer from = years == null ? null : integer(years, "from", "plan.years", true);
		Integer to = years == null ? null : integer(years, "to", "plan.years", false);
		if (from != null && to != null && to < from) {
			problem(years, "plan.years", "error.plan.years-reversed", from, to);
		}
		PlanStatus status = enumeration(plan, "status", "plan", PlanStatus.class, true);
		boolean dateWritten = value(plan, "issuedOn") != null && !isNull(value(plan, "issuedOn"));
		if (status != null && status != PlanStatus.DRAFT && (number == null || (issuedOn == null && !dateWritten))) {
			problem(value(plan, "status"), "plan.status", "error.plan.issued-without-number");
		}
		MappingNode issuer = mapping(value(plan, "issuer"), "plan.issuer", true);
		String unitCode = null;
		String issuerAgency = null;
		if (issuer != null) {
			allowOnly(issuer, "plan.issuer", "unitCode", "agency");
			unitCode = text(issuer, "unitCode", "plan.issuer", true);
			issuerAgency = agencyKey(issuer, "agency", "plan.issuer");
		}
		Submission submission = null;
		MappingNode submitted = mapping(value(plan, "submission"), "plan.submission", false);
		if (submitted != null) {
			allowOnly(submitted, "plan.submission", "number", "issuedOn", "title");
			submission = new Submission(text(submitted, "number", "plan.submission", false),
					date(submitted, "issuedOn", "plan.submission", false), text(submitted, "title", "plan.submission", false));
		}
		List<Reference> basedOn = new ArrayList<>();
		each(plan, "basedOn", "plan", (entry, path) -> {
			allowOnly(entry, path, "kind", "number", "date", "issuer", "title", "implements");
			String referenceKind = text(entry, "kind", path, true);
			Boolean implementsIt = bool(entry, "implements", path);
			basedOn.add(new Reference(referenceKind, text(entry, "number", path, false), date(entry, "date", path, false),
					text(entry, "issuer", path, false), text(entry, "title", path, false),
					Boolean.TRUE.equals(implementsIt)));
		});
		Node original = value(plan, "originalText");
		String originalText = original instanceof ScalarNode s && !isNull(s)
				? Normalizer.normalize(s.getValue(), Normalizer.Form.NFC) : null;
		return new Header(key, kind, number, issuedOn, title, from == null ? 0 : from, to, status, unitCode,
				issuerAgency, submission, text(plan, "sourceFile", "plan", false), text(plan, "summary", "plan", false),
				List.copyOf(basedOn), originalText, place(value(plan, "key"), "plan.key"),
				place(issuer, "plan.issuer.unitCode"));
	}

	private List<AgencyEntry> agencies(MappingNode document) {
		List<AgencyEntry> agencies = new ArrayList<>();
		each(document, "agencies", "", (entry, path) -> {
			allowOnly(entry, path, "key", "kind", "name", "unitCode");
			String key = text(entry, "key", path, true);
			if (key != null && !declaredAgencies.add(key)) {
				problem(value(entry, "key"), path + ".key", "error.plan.agency-duplicate", key);
			}
			agencies.add(new AgencyEntry(key, enumeration(entry, "kind", path, AgencyKind.class, true),
					text(entry, "name", path, true), text(entry, "unitCode", path, true), place(entry, path)));
		});
		return agencies;
	}

	private List<ObjectiveEntry> objectives(MappingNode document) {
		List<ObjectiveEntry> objectives = new ArrayList<>();
		Map<String, String> codes = new HashMap<>();
		each(document, "objectives", "", (entry, path) -> {
			allowOnly(entry, path, "number", "kind", "statement", "targets");
			List<TargetEntry> targets = new ArrayList<>();
			each(entry, "targets", path, (target, targetPath) -> targets.add(target(target, targetPath, codes, true)));
			objectives.add(new ObjectiveEntry(text(entry, "number", path, false),
					enumeration(entry, "kind", path, ObjectiveKind.class, true), text(entry, "statement", path, true),
					List.copyOf(targets)));
		});
		return objectives;
	}

	private TargetEntry target(MappingNode target, String path, Map<String, String> codes, boolean mayHaveParts) {
		allowOnly(target, path, "code", "statement", "unit", "direction", "baseline", "baseYear", "values", "unitCode",
				"indicator", "parts");
		String code = text(target, "code", path, true);
		if (code != null && codes.putIfAbsent(code, path) != null) {
			problem(value(target, "code"), path + ".code", "error.plan.target-duplicate", code, codes.get(code));
		}
		Measure unit = enumeration(target, "unit", path, Measure.class, true);
		boolean quantitative = unit == null || unit.quantitative();
		Direction direction = enumeration(target, "direction", path, Direction.class, quantitative);
		BigDecimal baselineValue = null;
		Integer baselineYear = null;
		MappingNode baseline = mapping(value(target, "baseline"), path + ".baseline", false);
		if (baseline != null) {
			allowOnly(baseline, path + ".baseline", "value", "year");
			baselineValue = decimal(baseline, "value", path + ".baseline", true);
			baselineYear = integer(baseline, "year", path + ".baseline", true);
		}
		Integer baseYear = sinceFormat2(target, "baseYear", path) ? year(target, "baseYear", path) : null;
		SortedMap<Integer, BigDecimal> values = new TreeMap<>();
		SortedMap<Integer, BigDecimal> upTo = new TreeMap<>();
		Node valuesNode = value(target, "values");
		MappingNode valueMap = mapping(valuesNode, path + ".values", false);
		if (valueMap != null) {
			for (NodeTuple tuple : valueMap.getValue()) {
				String yearText = scalar(tuple.getKeyNode());
				String valuePath = path + ".values." + yearText;
				Integer year = parseInteger(yearText);
				if (year == null || year < 1990 || year > 2100) {
					problem(tuple.getKeyNode(), valuePath, "error.plan.year-invalid", String.valueOf(yearText));
					continue;
				}
				BigDecimal value;
				if (tuple.getValueNode() instanceof MappingNode range) {
					// a range: "tăng 5-8%" is {from: 5, to: 8}
					value = null;
					if (sinceFormat2(range, valuePath)) {
						allowOnly(range, valuePath, "from", "to");
						value = decimal(range, "from", valuePath, true);
						BigDecimal upper = decimal(range, "to", valuePath, true);
						if (value != null && upper != null && upper.compareTo(value) < 0) {
							problem(range, valuePath, "error.plan.range-reversed", value, upper);
						}
						else if (value != null && upper != null) {
							upTo.put(year, upper);
						}
					}
				}
				else {
					value = parseDecimal(tuple.getValueNode(), valuePath);
					if (value == null && isNull(tuple.getValueNode())) {
						problem(tuple.getValueNode(), valuePath, "error.plan.target-value-missing", code, yearText);
					}
				}
				if (value != null) {
					values.put(year, value);
				}
			}
		}
		if (quantitative && values.isEmpty() && (valueMap == null || valueMap.getValue().isEmpty())) {
			problem(valuesNode == null ? target : valuesNode, path + ".values", "error.plan.target-without-value", code);
		}
		if (!quantitative && valueMap != null && !valueMap.getValue().isEmpty()) {
			problem(valuesNode, path + ".values", "error.plan.qualitative-with-values", code);
		}
		List<TargetEntry> parts = new ArrayList<>();
		if (mayHaveParts) {
			each(target, "parts", path, (part, partPath) -> parts.add(target(part, partPath, codes, false)));
		}
		else if (value(target, "parts") instanceof SequenceNode nested && !nested.getValue().isEmpty()) {
			problem(nested, path + ".parts", "error.plan.nested-parts");
		}
		return new TargetEntry(code, text(target, "statement", path, true), unit, direction, baselineValue,
				baselineYear, values, upTo, baseYear, text(target, "unitCode", path, false),
				text(target, "indicator", path, false), List.copyOf(parts), place(target, path));
	}

	private List<FigureEntry> figures(MappingNode document) {
		List<FigureEntry> figures = new ArrayList<>();
		if (!sinceFormat2(document, "figures", "")) {
			return figures;
		}
		each(document, "figures", "", (entry, path) -> {
			allowOnly(entry, path, "statement", "value", "unit", "year", "years", "unitCode", "indicator", "note");
			Measure unit = enumeration(entry, "unit", path, Measure.class, true);
			if (unit == Measure.QUALITATIVE) {
				problem(value(entry, "unit"), path + ".unit", "error.plan.figure-qualitative");
			}
			Integer from = null;
			Integer to = year(entry, "year", path);
			MappingNode years = mapping(value(entry, "years"), path + ".years", false);
			if (years != null) {
				allowOnly(years, path + ".years", "from", "to");
				from = year(years, "from", path + ".years");
				to = year(years, "to", path + ".years");
				if (from != null && to != null && to < from) {
					problem(years, path + ".years", "error.plan.years-reversed", from, to);
				}
			}
			if ((value(entry, "year") == null) == (years == null)) {
				problem(entry, path, "error.plan.figure-year");
			}
			figures.add(new FigureEntry(text(entry, "statement", path, true), decimal(entry, "value", path, true), unit,
					from, to, text(entry, "unitCode", path, false), text(entry, "indicator", path, false),
					text(entry, "note", path, false), place(entry, path)));
		});
		return figures;
	}

	private List<AllowanceEntry> allowances(MappingNode document) {
		List<AllowanceEntry> allowances = new ArrayList<>();
		if (!sinceFormat2(document, "allowances", "")) {
			return allowances;
		}
		each(document, "allowances", "", (entry, path) -> {
			allowOnly(entry, path, "recipient", "coefficient", "basis", "amount", "period", "text");
			BigDecimal coefficient = decimal(entry, "coefficient", path, false);
			AllowanceBasis basis = enumeration(entry, "basis", path, AllowanceBasis.class, false);
			BigDecimal amount = decimal(entry, "amount", path, false);
			boolean ofABasis = coefficient != null && basis != null && amount == null;
			boolean fixed = coefficient == null && basis == null && amount != null;
			if (!ofABasis && !fixed) {
				problem(entry, path, "error.plan.allowance-amount");
			}
			allowances.add(new AllowanceEntry(text(entry, "recipient", path, true), coefficient, basis, amount,
					enumeration(entry, "period", path, AllowancePeriod.class, true), text(entry, "text", path, false)));
		});
		return allowances;
	}

	/** False, with a problem, when a format 1 document uses what format 2 added. */
	private boolean sinceFormat2(MappingNode parent, String key, String parentPath) {
		Node node = value(parent, key);
		return node == null || isNull(node) || sinceFormat2(node, join(parentPath, key));
	}

	private boolean sinceFormat2(Node node, String path) {
		if (PlanDocument.FORMAT_1.equals(format)) {
			problem(node, path, "error.plan.needs-format", path, PlanDocument.FORMAT);
			return false;
		}
		return true;
	}

	private Integer year(MappingNode parent, String key, String parentPath) {
		Integer year = integer(parent, key, parentPath, false);
		if (year != null && (year < 1990 || year > 2100)) {
			problem(value(parent, key), join(parentPath, key), "error.plan.year-invalid", String.valueOf(year));
			return null;
		}
		return year;
	}

	private List<TaskEntry> tasks(MappingNode document, Header header) {
		Set<String> implemented = new HashSet<>();
		if (header != null) {
			header.basedOn().stream().filter(Reference::implementsIt).map(Reference::number).forEach(implemented::add);
		}
		List<TaskEntry> tasks = new ArrayList<>();
		each(document, "tasks", "", (entry, path) -> {
			allowOnly(entry, path, "number", "section", "statement", "lead", "partners", "timeframe", "expectedResult",
					"answers");
			String lead = agencyKey(entry, "lead", path);
			List<String> partners = new ArrayList<>();
			eachItem(entry, "partners", path, (node, partnerPath) -> {
				String partner = agencyKeyAt(node, partnerPath);
				if (partner != null) {
					partners.add(partner);
				}
			});
			List<Answer> answers = new ArrayList<>();
			each(entry, "answers", path, (answer, answerPath) -> {
				allowOnly(answer, answerPath, "plan", "task");
				String plan = text(answer, "plan", answerPath, true);
				String task = text(answer, "task", answerPath, true);
				if (plan != null && !implemented.contains(plan)) {
					problem(value(answer, "plan"), answerPath + ".plan", "error.plan.answer-not-implemented", plan);
				}
				answers.add(new Answer(plan, task));
			});
			tasks.add(new TaskEntry(text(entry, "number", path, false), text(entry, "section", path, false),
					text(entry, "statement", path, true), lead, List.copyOf(partners),
					timeframe(mapping(value(entry, "timeframe"), path + ".timeframe", true), path + ".timeframe"),
					text(entry, "expectedResult", path, false), List.copyOf(answers)));
		});
		return tasks;
	}

	private Timeframe timeframe(MappingNode timeframe, String path) {
		if (timeframe == null) {
			return null;
		}
		allowOnly(timeframe, path, "kind", "year", "quarter", "dueOn", "text");
		TimeframeKind kind = enumeration(timeframe, "kind", path, TimeframeKind.class, true);
		Integer year = integer(timeframe, "year", path, kind == TimeframeKind.YEAR || kind == TimeframeKind.QUARTER);
		Integer quarter = integer(timeframe, "quarter", path, kind == TimeframeKind.QUARTER);
		if (quarter != null && (quarter < 1 || quarter > 4)) {
			problem(value(timeframe, "quarter"), path + ".quarter", "error.plan.quarter-invalid", quarter);
		}
		LocalDate dueOn = date(timeframe, "dueOn", path, kind == TimeframeKind.DEADLINE);
		return new Timeframe(kind, year, quarter, dueOn, text(timeframe, "text", path, false));
	}

	private List<ReportingEntry> reporting(MappingNode document) {
		List<ReportingEntry> reporting = new ArrayList<>();
		each(document, "reporting", "", (entry, path) -> {
			allowOnly(entry, path, "kind", "reporter", "reporters", "recipient", "period", "dueOn", "annexes", "text");
			List<String> reporters = new ArrayList<>();
			eachItem(entry, "reporters", path, (node, reporterPath) -> {
				String reporter = agencyKeyAt(node, reporterPath);
				if (reporter != null) {
					reporters.add(reporter);
				}
			});
			MappingNode period = mapping(value(entry, "period"), path + ".period", false);
			Integer from = null;
			Integer to = null;
			Integer half = null;
			Integer quarter = null;
			Integer month = null;
			if (period != null) {
				String periodPath = path + ".period";
				allowOnly(period, periodPath, "year", "from", "to", "half", "quarter", "month");
				Integer year = integer(period, "year", periodPath, false);
				from = year != null ? year : integer(period, "from", periodPath, true);
				to = year != null ? year : integer(period, "to", periodPath, false);
				half = integer(period, "half", periodPath, false);
				quarter = integer(period, "quarter", periodPath, false);
				month = integer(period, "month", periodPath, false);
				if ((half != null && (half < 1 || half > 2)) || (quarter != null && (quarter < 1 || quarter > 4))
						|| (month != null && (month < 1 || month > 12))) {
					problem(period, periodPath, "error.plan.period-invalid");
				}
			}
			List<String> annexes = new ArrayList<>();
			eachItem(entry, "annexes", path, (node, annexPath) -> {
				String annex = VietnameseText.clean(scalar(node));
				if (annex != null) {
					annexes.add(annex);
				}
			});
			reporting.add(new ReportingEntry(enumeration(entry, "kind", path, ReportKind.class, true),
					agencyKey(entry, "reporter", path), List.copyOf(reporters), agencyKey(entry, "recipient", path), from,
					to, half, quarter,
					month, date(entry, "dueOn", path, false), List.copyOf(annexes), text(entry, "text", path, false)));
		});
		return reporting;
	}

	// --- reading values, each recording a problem where it is wrong ---

	private interface EntryReader {
		void read(MappingNode entry, String path);
	}

	private interface ItemReader {
		void read(Node node, String path);
	}

	private void each(MappingNode parent, String key, String parentPath, EntryReader reader) {
		eachItem(parent, key, parentPath, (node, itemPath) -> {
			MappingNode item = mapping(node, itemPath, true);
			if (item != null) {
				reader.read(item, itemPath);
			}
		});
	}

	/** Every item of the list under {@code key} (absent or null is an empty list), with its path. */
	private void eachItem(MappingNode parent, String key, String parentPath, ItemReader reader) {
		String path = join(parentPath, key);
		Node node = value(parent, key);
		if (node == null || isNull(node)) {
			return;
		}
		if (!(node instanceof SequenceNode sequence)) {
			problem(node, path, "error.plan.list-expected");
			return;
		}
		for (int i = 0; i < sequence.getValue().size(); i++) {
			reader.read(sequence.getValue().get(i), path + "[" + i + "]");
		}
	}

	private String agencyKey(MappingNode parent, String key, String parentPath) {
		Node node = value(parent, key);
		return node == null ? null : agencyKeyAt(node, join(parentPath, key));
	}

	private String agencyKeyAt(Node node, String path) {
		String key = scalarAt(node, path);
		if (key != null && !declaredAgencies.contains(key)) {
			problem(node, path, "error.plan.agency-unknown", key);
		}
		return key;
	}

	private MappingNode mapping(Node node, String path, boolean required) {
		if (node == null || isNull(node)) {
			if (required) {
				problems.add(new InputProblem(null, path, "error.field.required", path));
			}
			return null;
		}
		if (node instanceof MappingNode mapping) {
			return mapping;
		}
		problem(node, path, "error.plan.mapping-expected");
		return null;
	}

	private String text(MappingNode parent, String key, String parentPath, boolean required) {
		String path = join(parentPath, key);
		Node node = value(parent, key);
		String text = node == null ? null : VietnameseText.clean(scalarAt(node, path));
		if (text == null && required) {
			problem(node == null ? parent : node, path, "error.field.required", path);
		}
		return text;
	}

	private Integer integer(MappingNode parent, String key, String parentPath, boolean required) {
		String text = text(parent, key, parentPath, required);
		if (text == null) {
			return null;
		}
		Integer value = parseInteger(text);
		if (value == null) {
			problem(value(parent, key), join(parentPath, key), "error.plan.integer-invalid", text);
		}
		return value;
	}

	private BigDecimal decimal(MappingNode parent, String key, String parentPath, boolean required) {
		Node node = value(parent, key);
		if (node == null || isNull(node)) {
			if (required) {
				problem(node == null ? parent : node, join(parentPath, key), "error.field.required", join(parentPath, key));
			}
			return null;
		}
		return parseDecimal(node, join(parentPath, key));
	}

	private BigDecimal parseDecimal(Node node, String path) {
		String text = scalarAt(node, path);
		if (text == null) {
			return null;
		}
		try {
			return new BigDecimal(text.strip());
		}
		catch (NumberFormatException e) {
			problem(node, path, "error.plan.number-invalid", text);
			return null;
		}
	}

	private LocalDate date(MappingNode parent, String key, String parentPath, boolean required) {
		String text = text(parent, key, parentPath, required);
		if (text == null) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException e) {
			problem(value(parent, key), join(parentPath, key), "error.plan.date-invalid", text);
			return null;
		}
	}

	private Boolean bool(MappingNode parent, String key, String parentPath) {
		String text = text(parent, key, parentPath, false);
		if (text == null) {
			return null;
		}
		if (!text.equals("true") && !text.equals("false")) {
			problem(value(parent, key), join(parentPath, key), "error.plan.boolean-invalid", text);
			return null;
		}
		return Boolean.valueOf(text);
	}

	private <E extends Enum<E>> E enumeration(MappingNode parent, String key, String parentPath, Class<E> type,
			boolean required) {
		String text = text(parent, key, parentPath, required);
		if (text == null) {
			return null;
		}
		try {
			return Enum.valueOf(type, text);
		}
		catch (IllegalArgumentException e) {
			List<String> allowed = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
			problem(value(parent, key), join(parentPath, key), "error.plan.value-not-allowed", text,
					String.join(", ", allowed));
			return null;
		}
	}

	private void allowOnly(MappingNode mapping, String path, String... keys) {
		Set<String> allowed = Set.of(keys);
		for (NodeTuple tuple : mapping.getValue()) {
			String key = scalar(tuple.getKeyNode());
			if (key == null || !allowed.contains(key)) {
				problem(tuple.getKeyNode(), join(path, String.valueOf(key)), "error.plan.unknown-field", key,
						String.join(", ", keys));
			}
		}
	}

	private String scalarAt(Node node, String path) {
		if (node instanceof ScalarNode) {
			return scalar(node);
		}
		problem(node, path, "error.plan.scalar-expected");
		return null;
	}

	private static String scalar(Node node) {
		return node instanceof ScalarNode scalar && !isNull(scalar) ? scalar.getValue() : null;
	}

	private static boolean isNull(Node node) {
		return node instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag());
	}

	private static Node value(MappingNode mapping, String key) {
		if (mapping == null) {
			return null;
		}
		for (NodeTuple tuple : mapping.getValue()) {
			if (key.equals(scalar(tuple.getKeyNode()))) {
				return tuple.getValueNode();
			}
		}
		return null;
	}

	private static Integer parseInteger(String text) {
		try {
			return text == null ? null : Integer.valueOf(text.strip());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	private void problem(Node node, String path, String key, Object... arguments) {
		problems.add(new InputProblem(line(node), path, key, arguments));
	}

	private static Place place(Node node, String path) {
		return new Place(line(node), path);
	}

	private static Integer line(Node node) {
		return node == null || node.getStartMark() == null ? null : node.getStartMark().getLine() + 1;
	}

	private static String join(String path, String key) {
		return path.isEmpty() ? key : path + "." + key;
	}
}
