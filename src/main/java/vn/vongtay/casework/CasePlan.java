package vn.vongtay.casework;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The support and intervention plan of one cycle of a case (Mẫu 04) and its approval (Mẫu 05), part of the case file:
 * only {@link CaseFile} changes it, {@link CaseFiles} stores it. A redraft replaces the services, except those already
 * referred to an agency, which the referral keeps pointing to.
 */
final class CasePlan {

	private Long id;
	private final int cycle;
	private PlanStatus status;
	private String goals;
	private String notes;
	private LocalDate reviewOn;
	private Long draftedById;
	private String draftedByName;
	private LocalDateTime draftedAt;
	private LocalDateTime submittedAt;
	private String returnedComment;
	private Long approvedById;
	private String approvedByName;
	private LocalDateTime approvedAt;
	private String decisionNumber;
	private int version;
	private final List<Item> items;
	/** The services were replaced: those without a referral are gone. */
	private boolean redrafted;
	private boolean changed;

	/** A plan as stored. */
	CasePlan(Long id, int cycle, PlanStatus status, String goals, String notes, LocalDate reviewOn, Long draftedById,
			String draftedByName, LocalDateTime draftedAt, LocalDateTime submittedAt, String returnedComment,
			Long approvedById, String approvedByName, LocalDateTime approvedAt, String decisionNumber, int version,
			List<Item> items) {
		this.id = id;
		this.cycle = cycle;
		this.status = status;
		this.goals = goals;
		this.notes = notes;
		this.reviewOn = reviewOn;
		this.draftedById = draftedById;
		this.draftedByName = draftedByName;
		this.draftedAt = draftedAt;
		this.submittedAt = submittedAt;
		this.returnedComment = returnedComment;
		this.approvedById = approvedById;
		this.approvedByName = approvedByName;
		this.approvedAt = approvedAt;
		this.decisionNumber = decisionNumber;
		this.version = version;
		this.items = new ArrayList<>(items);
	}

	static CasePlan drafted(int cycle, PlanDraft draft, Actor by, LocalDateTime at) {
		CasePlan plan = new CasePlan(null, cycle, PlanStatus.DRAFT, null, null, null, null, null, null, null, null, null,
				null, null, null, 0, List.of());
		plan.redraft(draft, by, at);
		// stored for the first time: its version starts at 0, each later change raises it
		plan.version = 0;
		return plan;
	}

	void redraft(PlanDraft draft, Actor by, LocalDateTime at) {
		status = PlanStatus.DRAFT;
		goals = draft.goals();
		notes = draft.notes();
		reviewOn = draft.reviewOn();
		draftedById = by.id();
		draftedByName = by.name();
		draftedAt = at;
		items.removeIf(item -> !item.referred);
		int position = items.stream().mapToInt(Item::position).max().orElse(0);
		for (PlanDraft.Item wanted : draft.items()) {
			items.add(new Item(null, ++position, wanted.service(), wanted.description(), wanted.agencyId(),
					wanted.providerName(), wanted.dueOn(), PlanItemStatus.PLANNED, null, 0, false));
		}
		redrafted = true;
		change();
	}

	void submit(LocalDateTime at) {
		status = PlanStatus.SUBMITTED;
		submittedAt = at;
		returnedComment = null;
		change();
	}

	void returnToDraft(String comment) {
		status = PlanStatus.DRAFT;
		returnedComment = comment;
		change();
	}

	void approve(Actor by, String decision, LocalDateTime at) {
		status = PlanStatus.APPROVED;
		approvedById = by.id();
		approvedByName = by.name();
		approvedAt = at;
		decisionNumber = decision;
		change();
	}

	/** @throws OptimisticLockingFailureException when the service is not the plan's or changed since {@code version} */
	Item item(long itemId, int itemVersion) {
		return items.stream().filter(i -> i.id != null && i.id == itemId && i.version == itemVersion).findFirst()
			.orElseThrow(() -> new OptimisticLockingFailureException(
					"plan item " + itemId + " changed or not in the plan of case cycle " + cycle));
	}

	private void change() {
		if (!changed) {
			version++;
		}
		changed = true;
	}

	/** Stored: what is new or changed is now as stored. */
	void stored(long planId) {
		id = planId;
		redrafted = false;
		changed = false;
		items.forEach(Item::stored);
	}

	Optional<Long> id() {
		return Optional.ofNullable(id);
	}

	int cycle() {
		return cycle;
	}

	PlanStatus status() {
		return status;
	}

	String goals() {
		return goals;
	}

	String notes() {
		return notes;
	}

	LocalDate reviewOn() {
		return reviewOn;
	}

	Long draftedById() {
		return draftedById;
	}

	String draftedByName() {
		return draftedByName;
	}

	LocalDateTime draftedAt() {
		return draftedAt;
	}

	LocalDateTime submittedAt() {
		return submittedAt;
	}

	String returnedComment() {
		return returnedComment;
	}

	Long approvedById() {
		return approvedById;
	}

	String approvedByName() {
		return approvedByName;
	}

	LocalDateTime approvedAt() {
		return approvedAt;
	}

	String decisionNumber() {
		return decisionNumber;
	}

	int version() {
		return version;
	}

	List<Item> items() {
		return List.copyOf(items);
	}

	boolean changed() {
		return changed;
	}

	boolean redrafted() {
		return redrafted;
	}

	/** A service of the plan: what, by which agency (or named provider), by when, and how far it got. */
	static final class Item {

		private Long id;
		private final int position;
		private final ServiceKind service;
		private final String description;
		private final Long agencyId;
		private final String providerName;
		private final LocalDate dueOn;
		private PlanItemStatus status;
		private String result;
		private int version;
		/** An agency was asked for it: a redraft keeps it. */
		private final boolean referred;
		private boolean changed;

		Item(Long id, int position, ServiceKind service, String description, Long agencyId, String providerName,
				LocalDate dueOn, PlanItemStatus status, String result, int version, boolean referred) {
			this.id = id;
			this.position = position;
			this.service = service;
			this.description = description;
			this.agencyId = agencyId;
			this.providerName = providerName;
			this.dueOn = dueOn;
			this.status = status;
			this.result = result;
			this.version = version;
			this.referred = referred;
		}

		void progress(PlanItemStatus to, String newResult) {
			status = to;
			result = newResult == null ? result : newResult;
			version++;
			changed = true;
		}

		/** Gives a new service the id it is stored under. */
		void identify(long itemId) {
			id = itemId;
		}

		private void stored() {
			changed = false;
		}

		Optional<Long> id() {
			return Optional.ofNullable(id);
		}

		int position() {
			return position;
		}

		ServiceKind service() {
			return service;
		}

		String description() {
			return description;
		}

		Long agencyId() {
			return agencyId;
		}

		String providerName() {
			return providerName;
		}

		LocalDate dueOn() {
			return dueOn;
		}

		PlanItemStatus status() {
			return status;
		}

		String result() {
			return result;
		}

		int version() {
			return version;
		}

		boolean changed() {
			return changed;
		}
	}
}
