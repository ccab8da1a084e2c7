package vn.vongtay.prostitution.web;

import java.time.LocalDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import vn.vongtay.prostitution.ProneEstablishments;
import vn.vongtay.prostitution.TipOff;
import vn.vongtay.prostitution.TipOffChannel;
import vn.vongtay.prostitution.TipOffClassification;
import vn.vongtay.prostitution.TipOffDraft;
import vn.vongtay.prostitution.TipOffKind;
import vn.vongtay.prostitution.TipOffStep;
import vn.vongtay.prostitution.TipOffs;

/** Tip-offs: the list (overdue first), intake, and the steps; pages and API. */
@Controller
@Tag(name = "Phòng, chống mại dâm / Prostitution prevention")
class TipOffPages {

	private final TipOffs tipOffs;
	private final ProneEstablishments establishments;

	TipOffPages(TipOffs tipOffs, ProneEstablishments establishments) {
		this.tipOffs = tipOffs;
		this.establishments = establishments;
	}

	@GetMapping("/prostitution/tip-offs")
	String list(@RequestParam(required = false) TipOffStep step, @RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(defaultValue = "0") int page, Model model) {
		List<TipOff> found = tipOffs.list(step, overdue, Math.max(0, page), Pages.SIZE + 1);
		model.addAttribute("tipOffs", Pages.shown(found));
		model.addAttribute("hasNext", found.size() > Pages.SIZE);
		model.addAttribute("page", Math.max(0, page));
		model.addAttribute("step", step);
		model.addAttribute("overdue", overdue);
		model.addAttribute("steps", TipOffStep.values());
		return "prostitution/tip-offs";
	}

	@GetMapping("/prostitution/tip-offs/new")
	String create(Model model) {
		model.addAttribute("establishments", establishments.list(null, null, null, null, 0, 500));
		model.addAttribute("channels", TipOffChannel.values());
		model.addAttribute("kinds", TipOffKind.values());
		return "prostitution/tip-off-form";
	}

	@PostMapping("/prostitution/tip-offs")
	String create(@RequestParam(required = false) String channel, @RequestParam(required = false) String kind,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime receivedAt,
			@RequestParam(required = false) String content, @RequestParam(required = false) String unitCode,
			@RequestParam(required = false) String establishmentId) {
		long id = tipOffs.receive(new TipOffDraft(Pages.parseEnum(TipOffChannel.class, channel),
				Pages.parseEnum(TipOffKind.class, kind), receivedAt, content, unitCode, Pages.parseLong(establishmentId)));
		return "redirect:/prostitution/tip-offs/" + id + "?saved";
	}

	@GetMapping("/prostitution/tip-offs/{id}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("tipOff", tipOffs.get(id));
		model.addAttribute("classifications", TipOffClassification.values());
		return "prostitution/tip-off";
	}

	@PostMapping("/prostitution/tip-offs/{id}/steps")
	String advance(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String step,
			@RequestParam(required = false) String classification, @RequestParam(required = false) String note,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime at) {
		tipOffs.advance(id, version, Pages.parseEnum(TipOffStep.class, step),
				Pages.parseEnum(TipOffClassification.class, classification), note, at);
		return "redirect:/prostitution/tip-offs/" + id + "?saved";
	}

	@GetMapping("/api/v1/prostitution/tip-offs")
	@ResponseBody
	List<TipOff> api(@RequestParam(required = false) TipOffStep step,
			@RequestParam(defaultValue = "false") boolean overdue, @RequestParam(defaultValue = "0") int page) {
		return tipOffs.list(step, overdue, Math.max(0, page), Pages.SIZE);
	}

	@GetMapping("/api/v1/prostitution/tip-offs/{id}")
	@ResponseBody
	TipOff api(@PathVariable long id) {
		return tipOffs.get(id);
	}

	@PostMapping("/api/v1/prostitution/tip-offs")
	@ResponseBody
	ResponseEntity<TipOff> apiCreate(@RequestBody TipOffDraft draft) {
		return ResponseEntity.status(HttpStatus.CREATED).body(tipOffs.get(tipOffs.receive(draft)));
	}

	/** Takes the next step: the body names the version read, the step, and optionally classification, note and time. */
	@PostMapping("/api/v1/prostitution/tip-offs/{id}/steps")
	@ResponseBody
	TipOff apiAdvance(@PathVariable long id, @RequestBody StepRequest request) {
		tipOffs.advance(id, request.version() == null ? -1 : request.version(), request.step(),
				request.classification(), request.note(), request.at());
		return tipOffs.get(id);
	}

	record StepRequest(Integer version, TipOffStep step, TipOffClassification classification, String note,
			LocalDateTime at) {
	}
}
