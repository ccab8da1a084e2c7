package vn.vongtay.prostitution.web;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import vn.vongtay.core.UserFacingException;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.prostitution.ProstitutionRoles;
import vn.vongtay.prostitution.ReintegrationStatus;
import vn.vongtay.prostitution.Sex;
import vn.vongtay.prostitution.SupportRecord;
import vn.vongtay.prostitution.SupportRecordDraft;
import vn.vongtay.prostitution.SupportRecords;
import vn.vongtay.prostitution.SupportServiceKind;

/** Support-service records (social-services staff only; every read audited by {@link SupportRecords}). */
@Controller
@Tag(name = "Phòng, chống mại dâm / Prostitution prevention")
class SupportRecordPages {

	private final SupportRecords records;

	SupportRecordPages(SupportRecords records) {
		this.records = records;
	}

	@GetMapping("/prostitution/support")
	String list(@RequestParam(required = false) ReintegrationStatus status, @RequestParam(defaultValue = "0") int page,
			Model model) {
		List<SupportRecord> found = records.list(status, Math.max(0, page), Pages.SIZE + 1);
		model.addAttribute("records", Pages.shown(found));
		model.addAttribute("hasNext", found.size() > Pages.SIZE);
		model.addAttribute("page", Math.max(0, page));
		model.addAttribute("status", status);
		model.addAttribute("statuses", ReintegrationStatus.values());
		return "prostitution/support-records";
	}

	@GetMapping("/prostitution/support/new")
	String create(Model model) {
		if (!ProstitutionRoles.servesPeople(Jurisdictions.requireUser())) {
			throw new UserFacingException(403, "prostitution.error.social-services-only");
		}
		model.addAttribute("record", null);
		return form(model);
	}

	@PostMapping("/prostitution/support")
	String create(@RequestParam(required = false) Integer birthYear, @RequestParam(required = false) String sex,
			@RequestParam(required = false) String unitCode,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate consentOn,
			@RequestParam(required = false) List<String> needs, @RequestParam(required = false) String reintegrationStatus,
			@RequestParam(required = false) String notes) {
		long id = records.create(draft(birthYear, sex, unitCode, consentOn, needs, reintegrationStatus, notes));
		return "redirect:/prostitution/support/" + id + "?saved";
	}

	@GetMapping("/prostitution/support/{id}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("record", records.get(id));
		return form(model);
	}

	@PostMapping("/prostitution/support/{id}")
	String update(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) Integer birthYear,
			@RequestParam(required = false) String sex, @RequestParam(required = false) String unitCode,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate consentOn,
			@RequestParam(required = false) List<String> needs, @RequestParam(required = false) String reintegrationStatus,
			@RequestParam(required = false) String notes) {
		records.update(id, version, draft(birthYear, sex, unitCode, consentOn, needs, reintegrationStatus, notes));
		return "redirect:/prostitution/support/" + id + "?saved";
	}

	@PostMapping("/prostitution/support/{id}/services")
	String addService(@PathVariable long id, @RequestParam(required = false) String service,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate providedOn,
			@RequestParam(required = false) String provider) {
		records.addService(id, Pages.parseEnum(SupportServiceKind.class, service), providedOn, provider);
		return "redirect:/prostitution/support/" + id + "?saved";
	}

	@GetMapping("/api/v1/prostitution/support-records")
	@ResponseBody
	List<SupportRecord> api(@RequestParam(required = false) ReintegrationStatus status,
			@RequestParam(defaultValue = "0") int page) {
		return records.list(status, Math.max(0, page), Pages.SIZE);
	}

	@GetMapping("/api/v1/prostitution/support-records/{id}")
	@ResponseBody
	SupportRecord api(@PathVariable long id) {
		return records.get(id);
	}

	private static SupportRecordDraft draft(Integer birthYear, String sex, String unitCode, LocalDate consentOn,
			List<String> needs, String status, String notes) {
		Set<SupportServiceKind> kinds = EnumSet.noneOf(SupportServiceKind.class);
		if (needs != null) {
			needs.stream().map(n -> Pages.parseEnum(SupportServiceKind.class, n)).filter(java.util.Objects::nonNull)
				.forEach(kinds::add);
		}
		return new SupportRecordDraft(birthYear, Pages.parseEnum(Sex.class, sex), unitCode, consentOn, kinds,
				Pages.parseEnum(ReintegrationStatus.class, status), notes);
	}

	private static String form(Model model) {
		model.addAttribute("sexes", Sex.values());
		model.addAttribute("services", SupportServiceKind.values());
		model.addAttribute("statuses", ReintegrationStatus.values());
		return "prostitution/support-record";
	}
}
