package vn.vongtay.calendar.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import vn.vongtay.calendar.CalendarDay;
import vn.vongtay.calendar.CalendarOverrides;
import vn.vongtay.calendar.OverrideDraft;
import vn.vongtay.calendar.OverrideKind;
import vn.vongtay.calendar.WorkingCalendar;
import vn.vongtay.core.InputProblem;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.web.FormValues;

/**
 * The national working-day calendar: everyone signed in reads it, system administrators set days on it. Pages and API.
 */
@Controller
@Tag(name = "Lịch ngày làm việc / Working-day calendar")
class CalendarPages {

	private final WorkingCalendar calendar;
	private final CalendarOverrides overrides;
	private final MessageSource messages;
	private final Clock clock;

	CalendarPages(WorkingCalendar calendar, CalendarOverrides overrides, MessageSource messages, Clock clock) {
		this.calendar = calendar;
		this.overrides = overrides;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/admin/calendar")
	String show(@RequestParam(required = false) String year, Model model, Locale locale) {
		fill(model, parseYear(year), locale);
		return "calendar/year";
	}

	@PostMapping("/admin/calendar/overrides")
	String add(@RequestParam(required = false) String day, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String name, @RequestParam(required = false) String nameEn,
			@RequestParam(required = false) String source, @RequestParam(required = false) Integer yearVersion,
			@RequestParam(required = false) String year, Model model, Locale locale, HttpServletResponse response) {
		int shownYear = parseYear(year);
		try {
			overrides.add(new OverrideDraft(day, parseKind(kind), name, nameEn, source, yearVersion));
			return "redirect:/admin/calendar?year=" + WorkingCalendar.parseDate(day).getYear() + "&saved";
		}
		catch (UserFacingException e) {
			if (e.status() == 403) {
				throw e;
			}
			response.setStatus(e.status());
			model.addAttribute("errors", describe(e, locale));
		}
		catch (OptimisticLockingFailureException e) {
			response.setStatus(409);
			model.addAttribute("errors", List.of(messages.getMessage("error.concurrent-edit", null, locale)));
		}
		model.addAttribute("form", new FormInput(day, kind, name, nameEn, source));
		fill(model, shownYear, locale);
		return "calendar/year";
	}

	@PostMapping("/admin/calendar/overrides/{id}/remove")
	String remove(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String year) {
		overrides.remove(id, version);
		return "redirect:/admin/calendar?year=" + parseYear(year) + "&removed";
	}

	/** The year's holidays, days in lieu and administrators' days (working weekends included), in date order. */
	@GetMapping("/api/v1/calendar/{year:\\d+}")
	@ResponseBody
	List<CalendarDay> apiYear(@PathVariable int year) {
		return calendar.specialDays(year);
	}

	/** The last day of a period of {@code days} working days counted from the day after {@code from}. */
	@GetMapping("/api/v1/calendar/working-days")
	@ResponseBody
	WorkingDayPeriod apiWorkingDays(@RequestParam String from, @RequestParam int days) {
		LocalDate start = WorkingCalendar.parseDate(from);
		return new WorkingDayPeriod(start, days, calendar.addWorkingDays(start, days));
	}

	/** Sets a day (system administrators); {@code yearVersion} is checked when given. */
	@PostMapping("/api/v1/calendar/overrides")
	@ResponseBody
	ResponseEntity<CalendarDay> apiAdd(@RequestBody OverrideDraft draft) {
		overrides.add(draft);
		return ResponseEntity.status(HttpStatus.CREATED).body(calendar.describe(WorkingCalendar.parseDate(draft.day())));
	}

	/** Removes a day an administrator set, which restores the computed default (system administrators). */
	@DeleteMapping("/api/v1/calendar/overrides/{id}")
	ResponseEntity<Void> apiRemove(@PathVariable long id, @RequestParam int version) {
		overrides.remove(id, version);
		return ResponseEntity.noContent().build();
	}

	record WorkingDayPeriod(LocalDate from, int days, LocalDate end) {
	}

	/** What the administrator typed, shown again with the errors. */
	record FormInput(String day, String kind, String name, String nameEn, String source) {
	}

	/** One square of the month grid; {@code date} is {@code null} for the padding before the first day. */
	record Cell(LocalDate date, String css, String title) {
	}

	record Month(int number, List<List<Cell>> weeks) {
	}

	private void fill(Model model, int year, Locale locale) {
		List<CalendarDay> days = calendar.specialDays(year);
		model.addAttribute("year", year);
		// a year is a name, not a quantity: given to messages as text so that it is not grouped as 2.026
		model.addAttribute("yearText", String.valueOf(year));
		model.addAttribute("previousYear", year > WorkingCalendar.FIRST_YEAR ? year - 1 : null);
		model.addAttribute("nextYear", year < WorkingCalendar.LAST_YEAR ? year + 1 : null);
		model.addAttribute("version", calendar.version(year));
		model.addAttribute("days", days);
		model.addAttribute("workingDayCount", calendar.workingDayCount(year));
		model.addAttribute("months", months(year, locale));
		model.addAttribute("mayEdit", CalendarOverrides.mayEdit());
		model.addAttribute("kinds", OverrideKind.values());
		model.addAttribute("english", "en".equals(locale.getLanguage()));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new FormInput("", OverrideKind.DAY_OFF.name(), "", "", ""));
		}
	}

	private List<Month> months(int year, Locale locale) {
		boolean english = "en".equals(locale.getLanguage());
		List<Month> months = new ArrayList<>();
		for (int m = 1; m <= 12; m++) {
			LocalDate first = LocalDate.of(year, m, 1);
			List<List<Cell>> weeks = new ArrayList<>();
			List<Cell> week = new ArrayList<>();
			for (int pad = 1; pad < first.getDayOfWeek().getValue(); pad++) {
				week.add(new Cell(null, "", ""));
			}
			for (LocalDate d = first; d.getMonthValue() == m; d = d.plusDays(1)) {
				CalendarDay day = calendar.describe(d);
				week.add(new Cell(d, css(day), day.name() == null ? "" : english && day.nameEn() != null ? day.nameEn()
						: day.name()));
				if (d.getDayOfWeek() == DayOfWeek.SUNDAY) {
					weeks.add(week);
					week = new ArrayList<>();
				}
			}
			if (!week.isEmpty()) {
				weeks.add(week);
			}
			months.add(new Month(m, weeks));
		}
		return months;
	}

	private static String css(CalendarDay day) {
		String kind = switch (day.kind()) {
			case WORKDAY -> "";
			case WEEKEND -> "cal-weekend";
			case WORKING_DAY -> "cal-working";
			default -> "cal-off";
		};
		return day.setByAdministrator() ? kind + " cal-set" : kind;
	}

	private List<String> describe(UserFacingException e, Locale locale) {
		List<String> lines = new ArrayList<>();
		lines.add(messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
		for (InputProblem p : e.problems()) {
			lines.add(messages.getMessage(p.messageKey(), p.arguments(), p.messageKey(), locale));
		}
		return lines;
	}

	private int parseYear(String text) {
		String value = FormValues.blankToNull(text);
		if (value == null) {
			return LocalDate.now(clock).getYear();
		}
		int year;
		try {
			year = Integer.parseInt(value);
		}
		catch (NumberFormatException e) {
			throw UserFacingException.invalid("calendar.error.bad-year", value);
		}
		if (year < WorkingCalendar.FIRST_YEAR || year > WorkingCalendar.LAST_YEAR) {
			throw UserFacingException.invalid("calendar.error.year-out-of-range", value,
					String.valueOf(WorkingCalendar.FIRST_YEAR), String.valueOf(WorkingCalendar.LAST_YEAR));
		}
		return year;
	}

	private static OverrideKind parseKind(String value) {
		String v = FormValues.blankToNull(value);
		if (v == null) {
			return null;
		}
		try {
			return OverrideKind.valueOf(v);
		}
		catch (IllegalArgumentException e) {
			throw UserFacingException.invalid("error.field.invalid", value);
		}
	}
}
