package vn.vongtay.core.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.AttributeValueQuotes;
import org.thymeleaf.model.ICloseElementTag;
import org.thymeleaf.model.IModel;
import org.thymeleaf.model.IModelFactory;
import org.thymeleaf.model.IOpenElementTag;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.model.ITemplateEvent;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.AbstractAttributeModelProcessor;
import org.thymeleaf.processor.element.IElementModelStructureHandler;
import org.thymeleaf.standard.expression.StandardExpressions;
import org.thymeleaf.templatemode.TemplateMode;
import org.unbescape.html.HtmlEscape;

/**
 * {@code vt:field="name"} on the element that holds a field (a {@code div.field} with its label, hint and control, or a
 * {@code fieldset} with its legend, hint and choices) ties them together the way screen readers and the error summary
 * need: the control gets the field's id ({@link FormErrors#idOf}) and name, the label points to it, the hint
 * ({@code class="hint"}) and the error message are read with it ({@code aria-describedby}), a field with errors is
 * marked invalid and shows its message under the hint, and a required control's label is marked. The value may be an
 * expression ({@code vt:field="|items[${i}].agencyId|"}).
 */
@Component
class FormDialect extends AbstractProcessorDialect {

	FormDialect() {
		super("Vòng Tay forms", "vt", 1000);
	}

	@Override
	public Set<IProcessor> getProcessors(String dialectPrefix) {
		return Set.of(new FieldProcessor(dialectPrefix));
	}

	static final class FieldProcessor extends AbstractAttributeModelProcessor {

		private static final Set<String> CONTROLS = Set.of("input", "select", "textarea");

		FieldProcessor(String prefix) {
			// after th:each, th:if and th:with (so their variables can name the field), before th:text
			super(TemplateMode.HTML, prefix, null, false, "field", true, 900, true);
		}

		@Override
		protected void doProcess(ITemplateContext context, IModel model, AttributeName attributeName,
				String attributeValue, IElementModelStructureHandler structureHandler) {
			String field = name(context, attributeValue);
			String id = FormErrors.idOf(field);
			FormErrors errors = context.getVariable("formErrors") instanceof FormErrors e ? e : FormErrors.none();
			String message = String.join(" ", errors.messagesOf(field));
			IModelFactory factory = context.getModelFactory();
			boolean fieldset = "fieldset".equals(elementName(model.get(0)));
			Found found = find(model, fieldset ? "legend" : "label");

			String hintId = null;
			if (found.hint >= 0) {
				IProcessableElementTag hint = (IProcessableElementTag) model.get(found.hint);
				hintId = hint.hasAttribute("id") ? hint.getAttributeValue("id") : id + "-hint";
				model.replace(found.hint, factory.setAttribute(hint, "id", hintId));
			}
			String errorId = message.isEmpty() ? null : id + "-error";
			String describedBy = join(hintId, errorId);

			boolean required = false;
			if (found.control >= 0) {
				IProcessableElementTag control = (IProcessableElementTag) model.get(found.control);
				required = control.hasAttribute("required") || control.hasAttribute("th:required");
				// a fieldset's choices keep their own ids (they are repeated by th:each); the fieldset takes the field's
				if (!fieldset) {
					control = factory.removeAttribute(control, "th:id");
					control = factory.setAttribute(control, "id", id);
				}
				if (!fieldset) {
					if (!control.hasAttribute("name") && !control.hasAttribute("th:name")) {
						control = factory.setAttribute(control, "name", field);
					}
					if (describedBy != null) {
						control = factory.setAttribute(control, "aria-describedby",
								join(control.getAttributeValue("aria-describedby"), describedBy));
					}
					if (errorId != null) {
						control = factory.setAttribute(control, "aria-invalid", "true");
					}
				}
				model.replace(found.control, control);
			}
			if (found.label >= 0) {
				IProcessableElementTag label = (IProcessableElementTag) model.get(found.label);
				if (!fieldset) {
					label = factory.setAttribute(label, "for", id);
				}
				if (required) {
					label = addClass(factory, label, "required");
				}
				model.replace(found.label, label);
			}
			IProcessableElementTag wrapper = (IProcessableElementTag) model.get(0);
			if (fieldset) {
				wrapper = factory.setAttribute(wrapper, "id", id);
				if (describedBy != null) {
					wrapper = factory.setAttribute(wrapper, "aria-describedby", describedBy);
				}
			}
			if (errorId != null) {
				wrapper = addClass(factory, wrapper, "has-error");
				int at = found.hintEnd >= 0 ? found.hintEnd + 1 : found.labelEnd >= 0 ? found.labelEnd + 1 : 1;
				Map<String, String> attributes = new LinkedHashMap<>();
				attributes.put("class", "field-error");
				attributes.put("id", errorId);
				IModel error = factory.createModel();
				error.add(factory.createOpenElementTag("p", attributes, AttributeValueQuotes.DOUBLE, false));
				error.add(factory.createOpenElementTag("span", "class", "visually-hidden"));
				error.add(factory.createText(HtmlEscape.escapeHtml5(
						context.getMessage(FormDialect.class, "form.error.prefix", new Object[0], true) + " ")));
				error.add(factory.createCloseElementTag("span"));
				error.add(factory.createText(HtmlEscape.escapeHtml5(message)));
				error.add(factory.createCloseElementTag("p"));
				model.insertModel(at, error);
			}
			model.replace(0, wrapper);
		}

		private static String name(ITemplateContext context, String value) {
			if (value.contains("${") || value.startsWith("|") || value.startsWith("'")) {
				Object result = StandardExpressions.getExpressionParser(context.getConfiguration())
					.parseExpression(context, value)
					.execute(context);
				return String.valueOf(result);
			}
			return value;
		}

		/** Where the label, hint and control are among the element's events. */
		private static Found find(IModel model, String labelElement) {
			Found found = new Found();
			int hintDepth = 0;
			for (int i = 1; i < model.size() - 1; i++) {
				ITemplateEvent event = model.get(i);
				String element = elementName(event);
				boolean inHint = found.hint >= 0 && found.hintEnd < 0;
				if (event instanceof IProcessableElementTag tag) {
					if (inHint) {
						hintDepth += event instanceof IOpenElementTag ? 1 : 0;
					}
					else if (found.label < 0 && labelElement.equals(element)) {
						found.label = i;
					}
					else if (found.hint < 0 && hasClass(tag, "hint")) {
						found.hint = i;
						hintDepth = 1;
						if (!(event instanceof IOpenElementTag)) {
							found.hintEnd = i;
						}
					}
					else if (found.control < 0 && CONTROLS.contains(element)
							&& !"hidden".equals(tag.getAttributeValue("type"))) {
						found.control = i;
					}
				}
				else if (event instanceof ICloseElementTag) {
					if (inHint && --hintDepth == 0) {
						found.hintEnd = i;
					}
					else if (found.label >= 0 && found.labelEnd < 0 && labelElement.equals(element)) {
						found.labelEnd = i;
					}
				}
			}
			return found;
		}

		private static String elementName(ITemplateEvent event) {
			if (event instanceof IProcessableElementTag tag) {
				return tag.getElementCompleteName().toLowerCase(Locale.ROOT);
			}
			if (event instanceof ICloseElementTag tag) {
				return tag.getElementCompleteName().toLowerCase(Locale.ROOT);
			}
			return null;
		}

		private static boolean hasClass(IProcessableElementTag tag, String name) {
			String classes = tag.getAttributeValue("class");
			return classes != null && java.util.Arrays.asList(classes.trim().split("\\s+")).contains(name);
		}

		private static <T extends IProcessableElementTag> T addClass(IModelFactory factory, T tag, String name) {
			return hasClass(tag, name) ? tag : factory.setAttribute(tag, "class", join(tag.getAttributeValue("class"), name));
		}

		/** Two space-separated lists of names (classes, ids) as one, each name once. */
		private static String join(String first, String second) {
			java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
			for (String list : new String[] { first, second }) {
				if (list != null && !list.isBlank()) {
					names.addAll(java.util.List.of(list.trim().split("\\s+")));
				}
			}
			return names.isEmpty() ? null : String.join(" ", names);
		}

		private static final class Found {
			int label = -1;
			int labelEnd = -1;
			int hint = -1;
			int hintEnd = -1;
			int control = -1;
		}
	}
}
