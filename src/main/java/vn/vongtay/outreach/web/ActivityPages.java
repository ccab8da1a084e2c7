package vn.vongtay.outreach.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

import vn.vongtay.directory.Agencies;
import vn.vongtay.directory.Agency;
import vn.vongtay.geography.Units;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.SignedInUser;
import vn.vongtay.outreach.Activities;
import vn.vongtay.outreach.Activities.Filter;
import vn.vongtay.outreach.Activities.MaterialFile;
import vn.vongtay.outreach.Activity;
import vn.vongtay.outreach.ActivityDraft;
import vn.vongtay.outreach.ActivityKind;
import vn.vongtay.outreach.ActivitySummary;
import vn.vongtay.outreach.AgeGroup;
import vn.vongtay.outreach.AudienceKind;
import vn.vongtay.outreach.Opinion;
import vn.vongtay.outreach.OpinionDraft;
import vn.vongtay.outreach.Opinions;
import vn.vongtay.outreach.OutreachAccess;
import vn.vongtay.outreach.ParticipantDraft;
import vn.vongtay.outreach.Sex;
import vn.vongtay.outreach.Topic;

/** The activity log, the activity form and page: pages under {@code /outreach}, API under {@code /api/v1/outreach}. */
@Controller
@Tag(name = "Truyền thông, tập huấn / Outreach")
class ActivityPages {

	/** Blank participant rows the form offers for new names. */
	private static final int BLANK_PARTICIPANT_ROWS = 5;

	private final Activities activities;
	private final Opinions opinions;
	private final Agencies agencies;
	private final Units units;
	private final OutreachAccess access;
	private final Clock clock;

	ActivityPages(Activities activities, Opinions opinions, Agencies agencies, Units units, OutreachAccess access,
			Clock clock) {
		this.access = access;
		this.activities = activities;
		this.opinions = opinions;
		this.agencies = agencies;
		this.units = units;
		this.clock = clock;
	}

	@GetMapping("/outreach")
	String log(@RequestParam(required = false) String unit, @RequestParam(required = false) Long agency,
			@RequestParam(required = false) Topic topic, @RequestParam(required = false) ActivityKind kind,
			@RequestParam(defaultValue = "0") int page, Model model) {
		SignedInUser user = Jurisdictions.requireUser();
		if (!access.readsActivities()) {
			return "redirect:/outreach/coverage";
		}
		int p = Math.max(0, page);
		List<ActivitySummary> found = activities.list(new Filter(Pages.blankToNull(unit), agency, topic, kind), p,
				Pages.SIZE + 1);
		model.addAttribute("activities", Pages.shown(found));
		model.addAttribute("hasNext", found.size() > Pages.SIZE);
		model.addAttribute("page", p);
		model.addAttribute("unit", Pages.blankToNull(unit));
		model.addAttribute("agency", agency);
		model.addAttribute("topic", topic);
		model.addAttribute("kind", kind);
		model.addAttribute("agencies", agencyChoices());
		model.addAttribute("topics", Topic.values());
		model.addAttribute("kinds", ActivityKind.values());
		model.addAttribute("myUnits", units.findAllById(user.unitIds()));
		return "outreach/activities";
	}

	@GetMapping("/outreach/activities/new")
	String create(Model model) {
		activities.requireRecorder();
		model.addAttribute("activity", null);
		model.addAttribute("editable", true);
		model.addAttribute("opinions", List.of());
		return form(model, List.of());
	}

	@PostMapping("/outreach/activities")
	String create(ActivityForm form, @RequestParam Map<String, String> parameters,
			@RequestParam(name = "files", required = false) List<MultipartFile> files) {
		long id = activities.create(form.draft(parameters), Pages.uploads(files));
		return "redirect:/outreach/activities/" + id + "?saved";
	}

	@GetMapping("/outreach/activities/{id}")
	String show(@PathVariable long id, Model model) {
		Activity activity = activities.get(id);
		model.addAttribute("activity", activity);
		model.addAttribute("editable", activities.mayEdit(id));
		model.addAttribute("opinions", activity.kind().hearsChildren() ? opinions.ofActivity(id) : List.of());
		return form(model, activity.participants());
	}

	@PostMapping("/outreach/activities/{id}")
	String update(@PathVariable long id, @RequestParam int version, ActivityForm form,
			@RequestParam Map<String, String> parameters,
			@RequestParam(name = "files", required = false) List<MultipartFile> files) {
		activities.update(id, version, form.draft(parameters), Pages.uploads(files));
		return "redirect:/outreach/activities/" + id + "?saved";
	}

	@PostMapping("/outreach/activities/{id}/opinions")
	String raise(@PathVariable long id, @RequestParam(required = false) String content,
			@RequestParam(required = false) AgeGroup ageGroup, @RequestParam(required = false) Sex sex,
			@RequestParam(required = false) String unitCode, @RequestParam(required = false) String answeringAgencyId,
			@RequestParam(required = false) String dueOn) {
		opinions.raise(id, new OpinionDraft(content, ageGroup, sex, unitCode, Pages.parseLong(answeringAgencyId),
				Pages.parseDate(dueOn)));
		return "redirect:/outreach/activities/" + id + "?saved#opinions";
	}

	@GetMapping("/outreach/materials/{id}")
	ResponseEntity<byte[]> material(@PathVariable long id) {
		MaterialFile file = activities.material(id);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
			.contentType(MediaType.parseMediaType(file.contentType()))
			.body(file.content());
	}

	@GetMapping("/api/v1/outreach/activities")
	@ResponseBody
	List<ActivitySummary> api(@RequestParam(required = false) String unit, @RequestParam(required = false) Long agency,
			@RequestParam(required = false) Topic topic, @RequestParam(required = false) ActivityKind kind,
			@RequestParam(defaultValue = "0") int page) {
		return activities.list(new Filter(Pages.blankToNull(unit), agency, topic, kind), Math.max(0, page), Pages.SIZE);
	}

	@GetMapping("/api/v1/outreach/activities/{id}")
	@ResponseBody
	Activity api(@PathVariable long id) {
		return activities.get(id);
	}

	@PostMapping("/api/v1/outreach/activities")
	@ResponseBody
	ResponseEntity<Activity> apiCreate(@RequestBody ActivityDraft draft) {
		return ResponseEntity.status(HttpStatus.CREATED).body(activities.get(activities.create(draft, List.of())));
	}

	@GetMapping("/api/v1/outreach/activities/{id}/opinions")
	@ResponseBody
	List<Opinion> apiOpinions(@PathVariable long id) {
		return opinions.ofActivity(id);
	}

	@PostMapping("/api/v1/outreach/activities/{id}/opinions")
	@ResponseBody
	ResponseEntity<Opinion> apiRaise(@PathVariable long id, @RequestBody OpinionDraft draft) {
		return ResponseEntity.status(HttpStatus.CREATED).body(opinions.get(opinions.raise(id, draft)));
	}

	private String form(Model model, List<Activity.Participant> participants) {
		SignedInUser user = Jurisdictions.requireUser();
		model.addAttribute("kinds", ActivityKind.values());
		model.addAttribute("topics", Topic.values());
		model.addAttribute("audienceKinds", AudienceKind.values());
		model.addAttribute("ageGroups", AgeGroup.values());
		model.addAttribute("sexes", Sex.values());
		model.addAttribute("agencies", agencyChoices());
		model.addAttribute("participants", participants);
		model.addAttribute("blankRows", BLANK_PARTICIPANT_ROWS);
		model.addAttribute("myUnits", units.findAllById(user.unitIds()));
		model.addAttribute("today", LocalDate.now(clock));
		return "outreach/activity";
	}

	private List<Agency> agencyChoices() {
		return agencies.list(null, null, 0, 500);
	}

	/**
	 * The form's fields. Numbers arrive as text so a typo is reported in Vietnamese; audiences arrive as
	 * {@code audience.KIND} fields and participants as parallel lists, one entry per row.
	 */
	record ActivityForm(ActivityKind kind, String title, String description, String organiserAgencyId,
			String unitCodes, String startedOn, String endedOn, Set<Topic> topics, String planTaskId,
			List<String> participantName, List<String> participantPosition, List<String> participantAgency,
			List<String> participantUnit) {

		ActivityDraft draft(Map<String, String> parameters) {
			Map<AudienceKind, Integer> audiences = new EnumMap<>(AudienceKind.class);
			for (AudienceKind audience : AudienceKind.values()) {
				Integer reached = Pages.parseInt(parameters.get("audience." + audience.name()));
				if (reached != null) {
					audiences.put(audience, reached);
				}
			}
			List<ParticipantDraft> participants = new ArrayList<>();
			int rows = participantName == null ? 0 : participantName.size();
			for (int i = 0; i < rows; i++) {
				String name = Pages.blankToNull(participantName.get(i));
				if (name != null) {
					participants.add(new ParticipantDraft(name, Pages.at(participantPosition, i),
							Pages.parseLong(Pages.at(participantAgency, i)), Pages.at(participantUnit, i)));
				}
			}
			return new ActivityDraft(kind, title, description, Pages.parseLong(organiserAgencyId),
					Pages.codes(unitCodes), Pages.parseDate(startedOn), Pages.parseDate(endedOn), topics,
					Pages.parseLong(planTaskId), audiences, participants);
		}
	}
}
