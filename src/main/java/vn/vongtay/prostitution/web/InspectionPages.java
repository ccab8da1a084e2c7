package vn.vongtay.prostitution.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
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

import vn.vongtay.directory.Agencies;
import vn.vongtay.prostitution.Inspection;
import vn.vongtay.prostitution.InspectionDraft;
import vn.vongtay.prostitution.InspectionSummary;
import vn.vongtay.prostitution.InspectionTeam;
import vn.vongtay.prostitution.InspectionTeams;
import vn.vongtay.prostitution.Inspections;
import vn.vongtay.prostitution.ProneEstablishments;
import vn.vongtay.prostitution.Sanction;
import vn.vongtay.prostitution.SanctionsDecrees;
import vn.vongtay.prostitution.TeamDraft;
import vn.vongtay.prostitution.TeamRole;

/** Inspection teams and inspections: pages and API. */
@Controller
@Tag(name = "Phòng, chống mại dâm / Prostitution prevention")
class InspectionPages {

	/** Rows offered by the HTML forms; the API takes any number. */
	private static final int FORM_ROWS = 3;

	private final Inspections inspections;
	private final InspectionTeams teams;
	private final ProneEstablishments establishments;
	private final SanctionsDecrees decrees;
	private final Agencies agencies;
	private final Clock clock;

	InspectionPages(Inspections inspections, InspectionTeams teams, ProneEstablishments establishments,
			SanctionsDecrees decrees, Agencies agencies, Clock clock) {
		this.inspections = inspections;
		this.teams = teams;
		this.establishments = establishments;
		this.decrees = decrees;
		this.agencies = agencies;
		this.clock = clock;
	}

	@GetMapping("/prostitution/inspections")
	String list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, Model model) {
		List<InspectionSummary> found = inspections.list(from, to, Math.max(0, page), Pages.SIZE + 1);
		model.addAttribute("inspections", Pages.shown(found));
		model.addAttribute("hasNext", found.size() > Pages.SIZE);
		model.addAttribute("page", Math.max(0, page));
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		return "prostitution/inspections";
	}

	@GetMapping("/prostitution/inspections/new")
	String create(@RequestParam(required = false) Long establishment, Model model) {
		model.addAttribute("establishments", establishments.list(null, null, null, null, 0, 500));
		model.addAttribute("selected", establishment);
		model.addAttribute("teams", teams.list());
		model.addAttribute("articles", decrees.articles());
		model.addAttribute("decrees", decrees.all());
		model.addAttribute("sanctions", Sanction.values());
		model.addAttribute("rows", java.util.stream.IntStream.range(0, FORM_ROWS).boxed().toList());
		model.addAttribute("today", LocalDate.now(clock));
		return "prostitution/inspection-form";
	}

	@PostMapping("/prostitution/inspections")
	String create(@RequestParam(required = false) String establishmentId, @RequestParam(required = false) String teamId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate inspectedOn,
			@RequestParam(required = false) String findings,
			@RequestParam(required = false) List<String> articleId, @RequestParam(required = false) List<String> clause,
			@RequestParam(required = false) List<String> description,
			@RequestParam(required = false) List<String> sanction, @RequestParam(required = false) List<String> fineVnd,
			@RequestParam(required = false) List<String> followUpAction,
			@RequestParam(required = false) List<String> followUpDue) {
		List<InspectionDraft.ViolationDraft> violations = new ArrayList<>();
		for (int i = 0; i < (articleId == null ? 0 : articleId.size()); i++) {
			String text = Pages.blankToNull(Pages.at(description, i));
			Long article = Pages.parseLong(Pages.at(articleId, i));
			if (article == null && text == null) {
				continue;
			}
			violations.add(new InspectionDraft.ViolationDraft(article, Pages.at(clause, i), text,
					Pages.parseEnum(Sanction.class, Pages.at(sanction, i)), Pages.parseLong(Pages.at(fineVnd, i))));
		}
		List<InspectionDraft.FollowUpDraft> followUps = new ArrayList<>();
		for (int i = 0; i < (followUpAction == null ? 0 : followUpAction.size()); i++) {
			String action = Pages.blankToNull(Pages.at(followUpAction, i));
			String due = Pages.blankToNull(Pages.at(followUpDue, i));
			if (action == null && due == null) {
				continue;
			}
			followUps.add(new InspectionDraft.FollowUpDraft(action, Pages.parseDate(due)));
		}
		long id = inspections.record(new InspectionDraft(Pages.parseLong(establishmentId), Pages.parseLong(teamId),
				inspectedOn, findings, violations, followUps));
		return "redirect:/prostitution/inspections/" + id + "?saved";
	}

	@GetMapping("/prostitution/inspections/{id}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("inspection", inspections.get(id));
		model.addAttribute("today", LocalDate.now(clock));
		return "prostitution/inspection";
	}

	@PostMapping("/prostitution/inspections/{id}/follow-ups/{followUp}")
	String completeFollowUp(@PathVariable long id, @PathVariable long followUp,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate doneOn) {
		inspections.completeFollowUp(id, followUp, doneOn);
		return "redirect:/prostitution/inspections/" + id + "?saved";
	}

	@GetMapping("/prostitution/teams")
	String teams(Model model) {
		model.addAttribute("teams", teams.list());
		return "prostitution/teams";
	}

	@GetMapping("/prostitution/teams/new")
	String createTeam(Model model) {
		teams.list();
		model.addAttribute("agencies", agencies.list(null, null, 0, 500));
		model.addAttribute("roles", TeamRole.values());
		model.addAttribute("rows", java.util.stream.IntStream.range(0, 6).boxed().toList());
		return "prostitution/team-form";
	}

	@PostMapping("/prostitution/teams")
	String createTeam(@RequestParam(required = false) String name, @RequestParam(required = false) String decisionNumber,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decisionDate,
			@RequestParam(required = false) String unitCode, @RequestParam(required = false) List<String> personName,
			@RequestParam(required = false) List<String> agencyId, @RequestParam(required = false) List<String> role) {
		List<TeamDraft.Member> members = new ArrayList<>();
		for (int i = 0; i < (personName == null ? 0 : personName.size()); i++) {
			String person = Pages.blankToNull(Pages.at(personName, i));
			if (person == null) {
				continue;
			}
			members.add(new TeamDraft.Member(person, Pages.parseLong(Pages.at(agencyId, i)),
					Pages.parseEnum(TeamRole.class, Pages.at(role, i))));
		}
		teams.create(new TeamDraft(name, decisionNumber, decisionDate, unitCode, members));
		return "redirect:/prostitution/teams?saved";
	}

	@GetMapping("/api/v1/prostitution/inspections")
	@ResponseBody
	List<InspectionSummary> api(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page) {
		return inspections.list(from, to, Math.max(0, page), Pages.SIZE);
	}

	@GetMapping("/api/v1/prostitution/inspections/{id}")
	@ResponseBody
	Inspection api(@PathVariable long id) {
		return inspections.get(id);
	}

	@PostMapping("/api/v1/prostitution/inspections")
	@ResponseBody
	ResponseEntity<Inspection> apiCreate(@RequestBody InspectionDraft draft) {
		return ResponseEntity.status(HttpStatus.CREATED).body(inspections.get(inspections.record(draft)));
	}

	@GetMapping("/api/v1/prostitution/teams")
	@ResponseBody
	List<InspectionTeam> apiTeams() {
		return teams.list();
	}

	@PostMapping("/api/v1/prostitution/teams")
	@ResponseBody
	ResponseEntity<InspectionTeam> apiCreateTeam(@RequestBody TeamDraft draft) {
		return ResponseEntity.status(HttpStatus.CREATED).body(teams.get(teams.create(draft)));
	}
}
