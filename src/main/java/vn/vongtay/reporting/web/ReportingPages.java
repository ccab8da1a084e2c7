package vn.vongtay.reporting.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.vongtay.core.InputProblem;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.web.Downloads;
import vn.vongtay.core.web.FormValues;
import vn.vongtay.core.web.ProblemDetails;
import vn.vongtay.planning.ReportKind;
import vn.vongtay.reporting.Completeness;
import vn.vongtay.reporting.Obligation;
import vn.vongtay.reporting.Obligations;
import vn.vongtay.reporting.PeriodicReport;
import vn.vongtay.reporting.PeriodicReports;
import vn.vongtay.reporting.ReportView;
import vn.vongtay.reporting.ReportExports;

/** What a unit owes and receives, the report page with its annexes and workflow, completeness, and the exports. */
@Controller
class ReportingPages {

	static final int SIZE = 50;

	private final Obligations obligations;
	private final PeriodicReports reports;
	private final Completeness completeness;
	private final ReportExports exports;
	private final ProblemDetails problems;
	private final Clock clock;

	ReportingPages(Obligations obligations, PeriodicReports reports, Completeness completeness, ReportExports exports,
			ProblemDetails problems, Clock clock) {
		this.obligations = obligations;
		this.reports = reports;
		this.completeness = completeness;
		this.exports = exports;
		this.problems = problems;
		this.clock = clock;
	}

	@GetMapping("/reporting")
	String list(@RequestParam(defaultValue = "owed") String tab, @RequestParam(defaultValue = "0") int page,
			Model model) {
		int shown = Math.max(0, page);
		List<Obligation> found = "received".equals(tab) ? obligations.receivable(null, null, shown, SIZE + 1)
				: obligations.owed(null, shown, SIZE + 1);
		model.addAttribute("obligations", found.size() > SIZE ? found.subList(0, SIZE) : found);
		model.addAttribute("hasNext", found.size() > SIZE);
		model.addAttribute("page", shown);
		model.addAttribute("tab", "received".equals(tab) ? "received" : "owed");
		return "reporting/obligations";
	}

	/** An obligation: who owes what to whom by when and on what basis; its report once one is drafted. */
	@GetMapping("/reporting/obligations/{id}")
	String obligation(@PathVariable long id, @RequestParam(required = false) String details, Model model) {
		Obligation obligation = obligations.get(id);
		if (obligation.reportId() != null && details == null) {
			return "redirect:/reporting/reports/" + obligation.reportId();
		}
		fillObligation(model, obligation, null);
		return "reporting/obligation";
	}

	/**
	 * The receiving office sets the due date of the report (for every body that owes it for the period), typed
	 * dd/MM/yyyy; a date that does not exist, or does not fit the period, is refused in place with what was typed.
	 */
	@PostMapping("/reporting/obligations/{id}/due")
	String setDue(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String dueOn,
			Model model, HttpServletResponse response) {
		obligations.requireReceiving(id);
		try {
			obligations.setDueDate(id, version, strictDate(dueOn));
		}
		catch (UserFacingException e) {
			if (e.status() != 422) {
				throw e;
			}
			response.setStatus(422);
			model.addAttribute("error", problems.message(e.messageKey(), e.arguments(), LocaleContextHolder.getLocale(),
					e.messageKey()));
			model.addAttribute("problems", e.problems().stream().map(problems::describe).toList());
			fillObligation(model, obligations.get(id), dueOn);
			return "reporting/obligation";
		}
		return "redirect:/reporting/obligations/" + id + "?details&dueSet";
	}

	private void fillObligation(Model model, Obligation obligation, String typedDue) {
		model.addAttribute("o", obligation);
		model.addAttribute("mayDraft", obligation.reportId() == null && reports.mayDraft(obligation));
		model.addAttribute("maySetDue", reports.mayReceive(obligation) && obligation.withdrawnAt() == null);
		model.addAttribute("typedDue", typedDue != null ? typedDue
				: obligation.dueOn().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
	}

	/** A date typed day/month/year that must exist (31/02 is refused, not moved to 29/02). */
	static LocalDate strictDate(String text) {
		String typed = FormValues.blankToNull(text);
		if (typed == null) {
			throw UserFacingException.rejected(List.of(InputProblem.field("dueOn", "error.field.required", "dueOn")));
		}
		try {
			return LocalDate.parse(typed, DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT));
		}
		catch (DateTimeParseException e) {
			throw UserFacingException.rejected(List.of(InputProblem.field("dueOn", "reporting.error.due-invalid", typed)));
		}
	}

	@PostMapping("/reporting/obligations/{id}/report")
	String draft(@PathVariable long id) {
		return "redirect:/reporting/reports/" + reports.open(id);
	}

	@GetMapping("/reporting/reports/{id}")
	String report(@PathVariable long id, Model model) {
		ReportView report = reports.get(id);
		model.addAttribute("r", report);
		model.addAttribute("mayEdit", reports.mayEdit(report));
		model.addAttribute("mayReview", reports.mayReview(report));
		model.addAttribute("enterable", reports.enterable(report));
		model.addAttribute("threshold", reports.smallCountThreshold());
		return "reporting/report";
	}

	/** Saves the sections and the figures the unit enters, sent as {@code figure.CODE} in Vietnamese notation. */
	@PostMapping("/reporting/reports/{id}")
	String save(@PathVariable long id, @RequestParam int version, @RequestParam Map<String, String> fields) {
		Map<String, BigDecimal> figures = new LinkedHashMap<>();
		fields.forEach((name, value) -> {
			if (name.startsWith("figure.") && FormValues.blankToNull(value) != null) {
				figures.put(name.substring("figure.".length()), decimal(value));
			}
		});
		reports.save(id, version, new PeriodicReport.Sections(fields.get("results"), fields.get("limitations"),
				fields.get("causes"), fields.get("proposals")), fields.get("number"), fields.get("signerName"), figures);
		return back(id);
	}

	@PostMapping("/reporting/reports/{id}/submit")
	String submit(@PathVariable long id, @RequestParam int version) {
		reports.submit(id, version);
		return back(id);
	}

	@PostMapping("/reporting/reports/{id}/return")
	String returnReport(@PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) String comment) {
		reports.returnReport(id, version, comment);
		return back(id);
	}

	@PostMapping("/reporting/reports/{id}/accept")
	String accept(@PathVariable long id, @RequestParam int version) {
		reports.accept(id, version);
		return back(id);
	}

	@PostMapping("/reporting/reports/{id}/refresh")
	String refresh(@PathVariable long id) {
		reports.refresh(id);
		return back(id);
	}

	@GetMapping("/reporting/reports/{id}/export.{format}")
	ResponseEntity<byte[]> export(@PathVariable long id, @PathVariable String format) {
		return file(id, format, exports);
	}

	@GetMapping("/reporting/completeness")
	String completeness(@RequestParam(required = false) String kind, @RequestParam(required = false) String period,
			Model model) {
		List<String> periods = completeness.periods();
		String chosen = FormValues.blankToNull(period) != null ? period.strip()
				: periods.contains(currentHalf()) || periods.isEmpty() ? currentHalf() : periods.get(0);
		model.addAttribute("periods", periods);
		model.addAttribute("view", completeness.of(FormValues.enumValue(ReportKind.class, kind), chosen));
		model.addAttribute("kinds", ReportKind.values());
		model.addAttribute("kind", FormValues.enumValue(ReportKind.class, kind));
		model.addAttribute("period", chosen);
		return "reporting/completeness";
	}

	static ResponseEntity<byte[]> file(long id, String format, ReportExports exports) {
		String name = "bao-cao-" + id + "." + format;
		return switch (format) {
			case "xlsx" -> Downloads.attachment(name, Downloads.XLSX, exports.xlsx(id));
			case "docx" -> Downloads.attachment(name, Downloads.DOCX, exports.docx(id));
			case "csv" -> Downloads.attachment(name, "text/csv;charset=UTF-8", exports.csv(id));
			case "adx" -> Downloads.attachment(name, "application/adx+xml", exports.adx(id));
			default -> throw UserFacingException.notFound("error.not-found");
		};
	}

	/** A figure typed the Vietnamese way: 15.988 is fifteen thousand, 2,5 is two and a half. */
	static BigDecimal decimal(String text) {
		String v = text.strip().replace(" ", "").replace(".", "").replace(',', '.');
		try {
			return new BigDecimal(v);
		}
		catch (NumberFormatException e) {
			throw UserFacingException.invalid("error.field.invalid", text);
		}
	}

	private String currentHalf() {
		LocalDate today = LocalDate.now(clock);
		return today.getYear() + "-H" + (today.getMonthValue() <= 6 ? 1 : 2);
	}

	private static String back(long id) {
		return "redirect:/reporting/reports/" + id + "?saved";
	}
}
