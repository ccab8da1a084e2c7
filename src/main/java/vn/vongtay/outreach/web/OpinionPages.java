package vn.vongtay.outreach.web;

import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import vn.vongtay.outreach.Opinion;
import vn.vongtay.outreach.Opinions;

/** Children's opinions and the answers owed to them, overdue ones first. */
@Controller
@Tag(name = "Truyền thông, tập huấn / Outreach")
class OpinionPages {

	private final Opinions opinions;

	OpinionPages(Opinions opinions) {
		this.opinions = opinions;
	}

	@GetMapping("/outreach/opinions")
	String list(@RequestParam(defaultValue = "false") boolean open, @RequestParam(defaultValue = "0") int page,
			Model model) {
		int p = Math.max(0, page);
		List<Opinion> found = opinions.list(open, p, Pages.SIZE + 1);
		model.addAttribute("opinions", Pages.shown(found));
		model.addAttribute("answerable", opinions.answerable(found));
		model.addAttribute("hasNext", found.size() > Pages.SIZE);
		model.addAttribute("page", p);
		model.addAttribute("open", open);
		return "outreach/opinions";
	}

	@PostMapping("/outreach/opinions/{id}/answer")
	String answer(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String answer,
			@RequestParam(required = false) String answeredOn) {
		opinions.answer(id, version, answer, Pages.parseDate(answeredOn));
		return "redirect:/outreach/opinions?saved";
	}

	@GetMapping("/api/v1/outreach/opinions")
	@ResponseBody
	List<Opinion> api(@RequestParam(defaultValue = "false") boolean open, @RequestParam(defaultValue = "0") int page) {
		return opinions.list(open, Math.max(0, page), Pages.SIZE);
	}

	@PostMapping("/api/v1/outreach/opinions/{id}/answer")
	@ResponseBody
	Opinion apiAnswer(@PathVariable long id, @RequestBody AnswerRequest request) {
		opinions.answer(id, request.version(), request.answer(), request.answeredOn());
		return opinions.get(id);
	}

	record AnswerRequest(int version, String answer, java.time.LocalDate answeredOn) {
	}
}
