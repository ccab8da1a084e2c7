package vn.vongtay.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.DemoAccountTestSupport;
import vn.vongtay.IntegrationTest;
import vn.vongtay.core.Period;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.identity.Role;
import vn.vongtay.identity.SignedInUser;
import vn.vongtay.planning.PlanDetail.Task;

/**
 * The district level ended on 01/07/2025 (Luật Tổ chức chính quyền địa phương số 72/2025/QH15, Điều 51 khoản 3) and
 * its offices with it. A task of an office that ended with nobody recorded as taking its duties over has no owner, rather than
 * staying overdue forever: the plan's managers give it to the agency that now carries it, or close it with the reason
 * (issue 18, section 2). The example is Thọ Xuân 2024, task II.3.2.b, led by the district's police, whose duties the
 * directory records nobody as taking over (the labour office's child affairs went to health, so its tasks have an owner).
 */
@IntegrationTest
@Transactional
class TaskOwnershipTests extends DemoAccountTestSupport {

	@Autowired
	Plans plans;

	@Autowired
	TaskTracking tracking;

	@Autowired
	Clock clock;

	@Test
	void aTaskOfAnAbolishedDistrictOfficeHasNoOwnerInsteadOfStayingOverdue() {
		Task task = as("admin", () -> tracking.task(task("II.3.2.b")));
		assertThat(task.leadAgency().name()).startsWith("Công an huyện");
		assertThat(task.status()).isEqualTo(ProgressStatus.NO_OWNER);
		PlanDetail plan = as("admin", () -> plans.get(task.planId()));
		assertThat(plan.summary().tasksOverdue())
			.isEqualTo(plan.tasks().stream().filter(t -> t.status() == ProgressStatus.OVERDUE).count());
		assertThat(plan.summary().tasksWithoutOwner()).isPositive();
	}

	@Test
	void thePlansManagersGiveItToTheAgencyThatNowCarriesItWhoseFocalPointThenReportsOnIt() {
		long id = task("II.3.2.b");
		Task task = as("admin", () -> tracking.task(id));
		List<AgencyRef> successors = as("admin", () -> tracking.successorsFor(id));
		AgencyRef health = successors.stream().filter(a -> a.name().equals("Sở Y tế tỉnh Thanh Hoá")).findFirst()
			.orElseThrow();
		// an agency's focal point does not decide who carries a plan's task
		assertThatThrownBy(() -> as("ldtbxh.thoxuan", () -> {
			tracking.handOver(id, health.id(), task.version());
			return null;
		})).isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.status()).isEqualTo(403));

		as("admin", () -> {
			tracking.handOver(id, health.id(), task.version());
			return null;
		});
		Task handed = as("admin", () -> tracking.task(id));
		assertThat(handed.carriedBy().name()).isEqualTo("Sở Y tế tỉnh Thanh Hoá");
		// it has an owner again, and stands as its deadline and reports make it
		assertThat(handed.status()).isIn(ProgressStatus.NOT_STARTED, ProgressStatus.OVERDUE);

		SignedInUser focalPoint = new SignedInUser(900_101, "soyte.thanhhoa", "Sở Y tế Thanh Hoá",
				Set.of(Role.AGENCY_FOCAL_POINT), Set.of(units.byCode("38", LocalDate.now(clock)).id()), health.id(),
				true, null, null);
		assertThat(as(focalPoint, () -> plans.myTasks())).extracting(Task::id).contains(id);
		as(focalPoint, () -> tracking.record(id, health.id(), Period.parse("2026-H2"), ProgressStatus.DONE,
				"Sở Y tế đã kiểm tra 30% cơ sở.", null, null, List.of()));
		assertThat(as("admin", () -> tracking.task(id)).status()).isEqualTo(ProgressStatus.DONE);
	}

	@Test
	void orCloseItWithTheReasonAfterWhichNobodyReportsOnIt() throws Exception {
		long id = task("II.3.2.b");
		int version = as("admin", () -> tracking.task(id)).version();
		assertThatThrownBy(() -> as("admin", () -> {
			tracking.close(id, "  ", version);
			return null;
		})).isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.status()).isEqualTo(422));
		apiPost("admin", "/api/v1/tasks/" + id + "/close", "{\"reason\":\"Kiểm tra năm 2024 do Đoàn liên ngành tỉnh "
				+ "thực hiện\",\"version\":" + version + "}")
			.andExpect(status().isOk());
		Task closed = as("admin", () -> tracking.task(id));
		assertThat(closed.status()).isEqualTo(ProgressStatus.CLOSED);
		assertThat(closed.closureReason()).startsWith("Kiểm tra năm 2024");
		assertThat(closed.closedOn()).isEqualTo(LocalDate.now(clock));
		assertThat(as("admin", () -> tracking.reportersFor(id))).isEmpty();
		// a decision taken on a stale page is refused
		apiPost("admin", "/api/v1/tasks/" + id + "/close", "{\"reason\":\"Lần nữa\",\"version\":" + version + "}")
			.andExpect(status().isConflict());
	}

	private long task(String number) {
		return jdbc.sql("""
				SELECT t.id FROM planning.task t JOIN planning.plan p ON p.id = t.plan_id
				WHERE p.key = 'tho-xuan-2024' AND t.number = :number""").param("number", number).query(Long.class).single();
	}
}
