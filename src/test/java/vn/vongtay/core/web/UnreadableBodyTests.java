package vn.vongtay.core.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import vn.vongtay.DemoAccountTestSupport;
import vn.vongtay.IntegrationTest;

/**
 * A JSON body that cannot be read into what an operation takes (a field missing that has no "unknown", a value of the
 * wrong kind) is refused with a problem detail naming the field, in Vietnamese and English, as a refused field of a
 * valid body is: the caller is told what to fix, not only that "the request is invalid". Nothing is stored. Seen in
 * the cluster test: {@code POST /api/v1/children} without {@code birthDateEstimated} answered a bare 400.
 */
@IntegrationTest
class UnreadableBodyTests extends DemoAccountTestSupport {

	@Test
	void aChildSentWithoutAYesOrNoFieldIsRefusedNamingTheFieldInVietnameseAndEnglish() throws Exception {
		long before = children();

		apiPost("xa.a", "/api/v1/children", """
				{"fullName":"Lò Văn Thiếu","sex":"MALE","birthDate":"2015-01-01","communeCode":"03253",
				 "outOfSchool":false}""")
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:vongtay:problem:error.input-rejected"))
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].column").value("birthDateEstimated"))
			.andExpect(jsonPath("$.errors[0].message").value("Thiếu thông tin bắt buộc: birthDateEstimated."))
			.andExpect(jsonPath("$.errors[0].messageEn").value("Required information is missing: birthDateEstimated."));

		assertThat(children()).isEqualTo(before);
	}

	@Test
	void aValueOfTheWrongKindIsRefusedNamingTheField() throws Exception {
		apiPost("xa.a", "/api/v1/children", """
				{"fullName":"Lò Văn Sai","sex":"BOY","birthDate":"2015-01-01","birthDateEstimated":false,
				 "communeCode":"03253","outOfSchool":false}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:vongtay:problem:error.input-rejected"))
			.andExpect(jsonPath("$.errors[0].column").value("sex"))
			.andExpect(jsonPath("$.errors[0].message").value("Giá trị không hợp lệ: sex."))
			.andExpect(jsonPath("$.errors[0].messageEn").value("Invalid value: sex."));

		apiPost("xa.a", "/api/v1/children", """
				{"fullName":"Lò Văn Sai","sex":"MALE","birthDate":"01/01/2015","birthDateEstimated":false,
				 "communeCode":"03253","outOfSchool":false}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].column").value("birthDate"));
	}

	@Test
	void aBodyThatIsNotJsonAtAllIsABadRequestInVietnameseAndEnglish() throws Exception {
		apiPost("xa.a", "/api/v1/children", "{\"fullName\": \"Lò Văn")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:vongtay:problem:error.bad-request"))
			.andExpect(jsonPath("$.detail").value(Matchers.containsString("không hợp lệ")))
			.andExpect(jsonPath("$.detailEn").value(Matchers.containsString("Invalid request")));
	}

	private long children() {
		return jdbc.sql("SELECT count(*) FROM children.child").query(Long.class).single();
	}
}
