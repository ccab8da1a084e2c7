package vn.vongtay.core.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.servlet.ModelAndView;

import vn.vongtay.core.InputProblem;
import vn.vongtay.core.UserFacingException;

/**
 * Handles a posted form so that a refusal brings the same page back with what was typed and what was wrong, instead of
 * an error page (docs/decisions/0013-forms-and-errors.md):
 *
 * <pre>{@code
 * @PostMapping("/report")
 * ModelAndView submit(@ModelAttribute("form") PublicReportForm form, Model model) {
 *     return forms.submit("public-report", model)
 *         .alias("childUnitCode", "province")
 *         .parse(form::draft)                                  // FormInput: every unreadable field noted
 *         .then(draft -> "redirect:/reports/" + reports.receive(draft).reportId())
 *         .orShow(() -> page(model));                          // the form's page again, its lists filled
 * }
 * }</pre>
 *
 * Fields are named by the message {@code form.<form>.<field>} (indexes dropped: {@code items[1].agencyId} reads
 * {@code form.plan.items.agencyId} and says "dòng 2"), or by a label the controller gives for fields known only at run
 * time ({@link FormSubmission#label}).
 */
@Component
public class Forms {

	/** Refusals that are not the input's fault or that a form cannot show: the error page answers them. */
	private static final Set<Integer> NOT_FOR_THE_FORM = Set.of(401, 403, 404);
	private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");
	private static final Logger log = LoggerFactory.getLogger(Forms.class);

	private final MessageSource messages;

	Forms(MessageSource messages) {
		this.messages = messages;
	}

	/** Starts handling a submission of the form {@code form}; the model is the handler's, shown again on refusal. */
	public FormSubmission submit(String form, Model model) {
		return new FormSubmission(form, model);
	}

	/** The errors to show for these problems, for pages that handle a refusal themselves. */
	public FormErrors errors(String form, List<InputProblem> problems) {
		return new FormSubmission(form, null).errors(List.of(), problems);
	}

	public final class FormSubmission {

		private final String form;
		private final Model model;
		private final Map<String, String> aliases = new LinkedHashMap<>();
		private final Map<String, String> labels = new LinkedHashMap<>();
		private final List<InputProblem> bindingProblems = new ArrayList<>();
		private final List<String> bindingGeneral = new ArrayList<>();

		private FormSubmission(String form, Model model) {
			this.form = form;
			this.model = model;
		}

		/**
		 * The form's field for problems the module names otherwise ({@code childUnitCode} is the form's
		 * {@code province}).
		 */
		public FormSubmission alias(String problemField, String formField) {
			aliases.put(problemField, formField);
			return this;
		}

		/** The label of a field known only at run time (an indicator's figure, a plan's own columns). */
		public FormSubmission label(String field, String label) {
			labels.put(field, label);
			return this;
		}

		/** Spring's binding and validation errors of the form object, shown with the others. */
		public FormSubmission binding(BindingResult binding) {
			for (FieldError error : binding.getFieldErrors()) {
				String key = error.isBindingFailure() ? "form.error.invalid"
						: Set.of("NotBlank", "NotNull", "NotEmpty").contains(error.getCode()) ? "form.error.required"
								: null;
				if (key != null) {
					bindingProblems.add(InputProblem.field(error.getField(), key, String.valueOf(error.getRejectedValue())));
				}
				else {
					bindingProblems.add(InputProblem.field(error.getField(), "form.error.about",
							messages.getMessage(error, locale())));
				}
			}
			for (ObjectError error : binding.getGlobalErrors()) {
				bindingGeneral.add(messages.getMessage(error, locale()));
			}
			return this;
		}

		/** Reads the typed text into what the action needs; the action runs only when every field could be read. */
		public <T> Parsed<T> parse(Function<FormInput, T> parser) {
			return new Parsed<>(this, parser);
		}

		/** The action, for forms whose text goes to the module as typed. */
		public Outcome then(Supplier<String> action) {
			return parse(input -> null).then(ignored -> action.get());
		}

		private <T> ModelAndView run(Function<FormInput, T> parser, Function<T, String> action, Supplier<String> page) {
			FormInput input = new FormInput();
			T value = parser.apply(input);
			List<InputProblem> problems = new ArrayList<>(bindingProblems);
			problems.addAll(input.problems());
			if (!problems.isEmpty() || !bindingGeneral.isEmpty()) {
				return refused(422, bindingGeneral, problems, page);
			}
			try {
				return new ModelAndView(action.apply(value));
			}
			catch (UserFacingException e) {
				if (NOT_FOR_THE_FORM.contains(e.status()) || e.status() >= 500) {
					throw e;
				}
				if (e.problems().isEmpty()) {
					return refused(e.status(), List.of(message(e.messageKey(), e.arguments())), List.of(), page);
				}
				return refused(422, List.of(), e.problems(), page);
			}
			catch (OptimisticLockingFailureException e) {
				return refused(409, List.of(message("form.error.concurrent-edit")), List.of(), page);
			}
		}

		private ModelAndView refused(int status, List<String> general, List<InputProblem> problems,
				Supplier<String> page) {
			model.addAttribute("formErrors", errors(general, problems));
			return new ModelAndView(page.get(), HttpStatusCode.valueOf(status));
		}

		private FormErrors errors(List<String> general, List<InputProblem> problems) {
			List<String> generalMessages = new ArrayList<>(general);
			List<FormErrors.Entry> entries = new ArrayList<>();
			for (InputProblem problem : problems) {
				if (problem.column() == null) {
					generalMessages.add(message(problem.messageKey(), problem.arguments()));
				}
				else {
					entries.add(entry(problem));
				}
			}
			return new FormErrors(generalMessages, entries);
		}

		private FormErrors.Entry entry(InputProblem problem) {
			String named = problem.column();
			String field = aliases.getOrDefault(named, named);
			String label = labelOf(field);
			boolean labelled = label != null;
			if (!labelled) {
				log.warn("Form {} has no label for field {}: add form.{}.{} to the messages", form, field, form,
						INDEX.matcher(field).replaceAll(""));
				label = message("form.field.unnamed");
			}
			if (problem.row() != null && !INDEX.matcher(field).find()) {
				label = message("form.row", label, problem.row());
			}
			Object[] arguments = problem.arguments();
			String key = problem.messageKey();
			String text = switch (key) {
				case "error.field.required" -> message("form.error.required", label);
				case "error.field.invalid" -> message("form.error.invalid", label, first(arguments));
				default -> key.startsWith("form.error.") ? message(key, prepend(label, arguments))
						: message("form.error.about", label, message(key, named(arguments, named, field, label)));
			};
			return new FormErrors.Entry(field, FormErrors.idOf(field), label, text, labelled);
		}

		/** The field's label, each index of a row counted from 1 (“Cơ quan chủ trì, dòng 2”), or null. */
		private String labelOf(String field) {
			String base = INDEX.matcher(field).replaceAll("");
			String label = labels.containsKey(field) ? labels.get(field) : labels.get(base);
			if (label == null) {
				label = messages.getMessage("form." + form + "." + base, null, null, locale());
			}
			if (label == null) {
				return null;
			}
			Matcher index = INDEX.matcher(field);
			while (index.find()) {
				label = message("form.row", label, Integer.parseInt(index.group(1)) + 1);
			}
			return label;
		}

		private static Object first(Object[] arguments) {
			return arguments.length == 0 ? "" : arguments[0];
		}

		private static Object[] prepend(String label, Object[] arguments) {
			Object[] all = new Object[arguments.length + 1];
			all[0] = label;
			System.arraycopy(arguments, 0, all, 1, arguments.length);
			return all;
		}

		/** A module's message names a field by its code ("Thiếu thông tin bắt buộc: channel"): the label says it. */
		private static Object[] named(Object[] arguments, String named, String field, String label) {
			Object[] all = arguments.clone();
			for (int i = 0; i < all.length; i++) {
				if (named.equals(all[i]) || field.equals(all[i])) {
					all[i] = label;
				}
			}
			return all;
		}
	}

	public static final class Parsed<T> {

		private final FormSubmission submission;
		private final Function<FormInput, T> parser;

		private Parsed(FormSubmission submission, Function<FormInput, T> parser) {
			this.submission = submission;
			this.parser = parser;
		}

		/** What the form does with the values read: the view to show (a redirect, a receipt). */
		public Outcome then(Function<T, String> action) {
			return page -> submission.run(parser, action, page);
		}
	}

	@FunctionalInterface
	public interface Outcome {

		/**
		 * Runs the submission: the action's view when it succeeds; else the form's page again (the view {@code page}
		 * names after filling the model's lists; it must not replace the posted form object) with
		 * {@code formErrors}, answered 422 for problems with fields or the refusal's own status (400, 409, 429) for
		 * the form as a whole.
		 */
		ModelAndView orShow(Supplier<String> page);
	}

	private String message(String key, Object... arguments) {
		return messages.getMessage(key, arguments, key, locale());
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}
}
