package vn.vongtay.casework.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.vongtay.children.ChildMoved;
import vn.vongtay.geography.Units;
import vn.vongtay.geography.UnitLevel;
import vn.vongtay.identity.Staff;
import vn.vongtay.notifications.Notifications;

/**
 * When the register moves a child to another commune while a case of theirs is open, the case worker and the
 * commune's officers are told, so that they transfer the case (a transfer is a decision, not something done for them:
 * a child may move while the abuser stays, and the old commune may keep the case until it hands it over).
 */
@Component
class MovedChildren {

	private final JdbcClient jdbc;
	private final Units units;
	private final Staff staff;
	private final Notifications notifications;

	MovedChildren(JdbcClient jdbc, Units units, Staff staff, Notifications notifications) {
		this.jdbc = jdbc;
		this.units = units;
		this.staff = staff;
		this.notifications = notifications;
	}

	private record OpenCase(long id, String number, long unitId, Long caseWorkerId) {
	}

	@ApplicationModuleListener
	void on(ChildMoved moved) {
		List<OpenCase> open = jdbc.sql("""
				SELECT id, number, unit_id, case_worker_id FROM casework.child_case
				WHERE child_id = :child AND closed_at IS NULL AND unit_id <> :to""")
			.param("child", moved.childId())
			.param("to", moved.toUnitId())
			.query((rs, n) -> new OpenCase(rs.getLong("id"), rs.getString("number"), rs.getLong("unit_id"),
					(Long) rs.getObject("case_worker_id")))
			.list();
		String to = units.findById(moved.toUnitId()).map(u -> u.fullName() + " (" + u.code() + ")").orElse("?");
		for (OpenCase c : open) {
			List<Long> told = new ArrayList<>();
			if (c.caseWorkerId() != null) {
				told.add(c.caseWorkerId());
			}
			staff.reaching(c.unitId(), Staff.communeStaff(), UnitLevel.COMMUNE).stream()
				.filter(m -> c.caseWorkerId() == null || m.id() != c.caseWorkerId())
				.forEach(m -> told.add(m.id()));
			notifications.send(told, true, "/cases/" + c.id(), "casework.notify.child-moved", c.number(), to);
		}
	}
}
