package vn.vongtay.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A form that came back refused, as decision 0013 wants it: the same page, answered 422 (or the refusal's own status),
 * with an error summary that takes the focus and links to each field with a problem, the same message under that
 * field naming it by its label and never by a code, and what was typed still in the fields.
 *
 * <pre>{@code
 * RefusedForm.of(form("xa.a", "/children", "birthDate", "31/02/2020", "fullName", "Lò Thị Mai"))
 *     .says("birthDate", "Ngày sinh", "dd/mm/yyyy")
 *     .keeps("birthDate", "31/02/2020")
 *     .keeps("fullName", "Lò Thị Mai");
 * }</pre>
 */
public final class RefusedForm {

	/** How code names look: camelCase, indexes, dotted constants ({@code birthDate}, {@code items[1].x}, {@code figure.X_Y}). */
	private static final Pattern CODE = Pattern.compile("\\b[a-z]+[A-Z][A-Za-z]*\\b|\\w\\[\\d+]|\\b[a-z]+\\.[A-Z_]{2,}");

	private final Document page;

	private RefusedForm(Document page) {
		this.page = page;
	}

	/** The page a refused form answered with 422 Unprocessable Content. */
	public static RefusedForm of(ResultActions result) throws Exception {
		return of(result, 422);
	}

	/** The page a refused form answered with this status, checked as a whole (summary, links, messages). */
	public static RefusedForm of(ResultActions result, int status) throws Exception {
		MockHttpServletResponse response = result.andReturn().getResponse();
		assertThat(response.getStatus()).as("status of the refused form").isEqualTo(status);
		RefusedForm form = new RefusedForm(Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8)));
		form.checkSummary();
		return form;
	}

	/** A page a browser shows, checked the same way. */
	public static RefusedForm of(String html) {
		RefusedForm form = new RefusedForm(Jsoup.parse(html));
		form.checkSummary();
		return form;
	}

	private void checkSummary() {
		List<Element> summaries = page.select(".error-summary");
		assertThat(summaries).as("one error summary").hasSize(1);
		Element summary = summaries.get(0);
		assertThat(summary.select("[role=alert]")).as("the summary is announced").isNotEmpty();
		assertThat(summary.attr("tabindex")).isEqualTo("-1");
		assertThat(summary.hasAttr("autofocus")).as("the summary takes the focus").isTrue();
		assertThat(page.select("main form")).as("the form is on the page again").isNotEmpty();
		for (Element link : summary.select("a[href^=#]")) {
			String id = link.attr("href").substring(1);
			assertThat(page.getElementById(id)).as("the summary links to #%s, which is on the page", id).isNotNull();
			assertThat(link.text()).as("the summary names the field by its label").doesNotContainPattern(CODE);
			assertThat(messageUnder(id)).as("the message under #%s is the summary's", id).isEqualTo(link.text());
		}
	}

	/**
	 * The message shown under the field whose control (or fieldset) has this id, read with it by a screen reader: the
	 * control is marked invalid, labelled, and described by the message.
	 */
	private String messageUnder(String id) {
		Element target = page.getElementById(id);
		Element described = target;
		if (target.is("input, select, textarea")) {
			Element group = target.closest("fieldset.has-error");
			if (group != null) {
				described = group;
			}
			else {
				assertThat(target.attr("aria-invalid")).as("#%s is marked invalid", id).isEqualTo("true");
				assertThat(page.select("label[for=" + id + "]").size() + target.parents().select("label").size())
					.as("#%s has a label", id).isPositive();
			}
		}
		List<String> messages = Arrays.stream(described.attr("aria-describedby").split("\\s+"))
			.map(page::getElementById)
			.filter(e -> e != null && e.hasClass("field-error"))
			.map(e -> e.ownText().trim())
			.toList();
		assertThat(messages).as("#%s is described by one message", id).hasSize(1);
		return messages.get(0);
	}

	/** The field's message names it and says what is wrong ("Tuổi của trẻ", "khoảng 8", "chữ số"). */
	public RefusedForm says(String field, String... texts) {
		String id = idOf(field);
		assertThat(page.getElementById(id)).as("a field %s (#%s)", field, id).isNotNull();
		assertThat(messageUnder(id)).contains(texts).doesNotContainPattern(CODE);
		assertThat(page.select(".error-summary a[href=#" + id + "]")).as("the summary links to %s", field).isNotEmpty();
		return this;
	}

	/** The summary's entries, in order. */
	public List<String> summary() {
		return page.select(".error-summary li").eachText();
	}

	/** What was typed in the field is in it again. */
	public RefusedForm keeps(String field, String typed) {
		assertThat(valueOf(field)).as("what was typed in %s", field).isEqualTo(typed);
		return this;
	}

	/** The ticked boxes or chosen options of a field. */
	public RefusedForm keepsChosen(String field, String... values) {
		List<String> chosen = page.select("input[name=" + field + "][checked], select[name=" + field + "] option[selected]")
			.eachAttr("value");
		assertThat(chosen).as("what was chosen in %s", field).containsExactlyInAnyOrder(values);
		return this;
	}

	public Document page() {
		return page;
	}

	private String valueOf(String field) {
		Element control = page.selectFirst("[name=" + field + "]");
		assertThat(control).as("a field named %s", field).isNotNull();
		if (control.is("textarea")) {
			return control.wholeText();
		}
		if (control.is("select")) {
			Element selected = control.selectFirst("option[selected]");
			return selected == null ? "" : selected.attr("value");
		}
		return control.attr("value");
	}

	private static String idOf(String field) {
		return vn.vongtay.core.web.FormErrors.idOf(field);
	}
}
