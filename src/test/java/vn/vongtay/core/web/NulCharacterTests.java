package vn.vongtay.core.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import vn.vongtay.DemoAccountTestSupport;
import vn.vongtay.IntegrationTest;

/**
 * A NUL character, which no text field can hold (PostgreSQL refuses it in text), is refused at the edge of every
 * request with a 400 in Vietnamese and English: in a query or form parameter, a path variable, or a JSON body, for every
 * module's pages and API alike, before any of them reads it (issue 16, item 13).
 */
@IntegrationTest
class NulCharacterTests extends DemoAccountTestSupport {

	private static final String NUL = "Nguy\u0000en";

	@Test
	void aNulCharacterInAQueryParameterOfAnyModulesApiIsABadRequestWithAProblemDetail() throws Exception {
		for (String url : List.of("/api/v1/children", "/api/v1/plans", "/api/v1/cases", "/api/v1/indicators")) {
			page("xa.a", get(url).param("q", NUL))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.type").value("urn:vongtay:problem:error.nul-character"))
				.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("ký tự NUL")))
				.andExpect(jsonPath("$.detailEn").value(org.hamcrest.Matchers.containsString("NUL character")));
		}
	}

	@Test
	void aNulCharacterInAJsonBodyIsABadRequestAndNothingIsStored() throws Exception {
		long before = jdbc.sql("SELECT count(*) FROM children.child").query(Long.class).single();
		apiPost("xa.a", "/api/v1/children", child("Ghi chú có ký tự\\u0000 rỗng"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:vongtay:problem:error.nul-character"));
		assertThat(jdbc.sql("SELECT count(*) FROM children.child").query(Long.class).single()).isEqualTo(before);
		// an escaped backslash followed by "u0000" is text, not a NUL
		apiPost("xa.a", "/api/v1/children", child("Đường dẫn C:\\\\u0000")).andExpect(status().isCreated());
	}

	/** A child as the API takes it, with these notes (JSON text: escapes as typed). */
	private static String child(String notes) {
		return """
				{"fullName":"Lò Văn Rỗng","sex":"MALE","birthDate":"2015-01-01","birthDateEstimated":false,
				 "communeCode":"03253","outOfSchool":false,"notes":"%s"}""".formatted(notes);
	}

	@Test
	void aNulCharacterInAPageOrFormIsABadRequestShownAsAnErrorPage() throws Exception {
		String list = text(page("xa.a", get("/children").param("q", NUL)).andExpect(status().isBadRequest()));
		assertThat(list).contains("ký tự NUL");
		String plans = text(page("xa.a", get("/plans").param("q", NUL)).andExpect(status().isBadRequest()));
		assertThat(plans).contains("ký tự NUL");
		page("xa.a", post("/children").with(csrf()).param("fullName", NUL).param("sex", "MALE")
			.param("birthDate", "2015-01-01").param("communeCode", "03253"))
			.andExpect(status().isBadRequest());
	}
}
