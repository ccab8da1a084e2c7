package vn.vongtay.reporting;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.Units;
import vn.vongtay.identity.Role;
import vn.vongtay.identity.Staff;

/**
 * The people told about a report: those who act for its reporting body and for its receiving body, by the rules of
 * {@link ActingFor}.
 */
@Component
class BodyStaff {

	private final Staff staff;
	private final Units units;

	BodyStaff(Staff staff, Units units) {
		this.staff = staff;
		this.units = units;
	}

	/** The officers of the reporting unit (for its committee or child-affairs office) and the agency's focal points. */
	List<Long> reporters(Obligation o) {
		AdministrativeUnit unit = units.findById(o.reporterUnitId()).orElseThrow();
		Stream<Staff.Member> officers = o.reporterByOfficers()
				? staff.reaching(unit.id(), ActingFor.UNIT_OFFICERS, unit.level()).stream() : Stream.empty();
		return ids(officers, agencies(o.reporterAgencyId(), o.reporterActingAgencyId()));
	}

	/** The chairman for the council, the administrators for the ministry, the receiving office's officers or focal points. */
	List<Long> recipients(Obligation o) {
		AdministrativeUnit unit = units.findById(o.recipientUnitId()).orElseThrow();
		Stream<Staff.Member> officers = switch (o.recipientKind()) {
			case COUNCIL -> staff.reaching(unit.id(), Set.of(Role.COMMUNE_CHAIRMAN), unit.level()).stream();
			case MINISTRY -> staff.reaching(unit.id(), Set.of(Role.SYSTEM_ADMIN), unit.level()).stream();
			case COMMITTEE, AGENCY -> o.recipientByOfficers()
					? staff.reaching(unit.id(), Set.of(Role.PROVINCE_OFFICER, Role.DISTRICT_OFFICER), unit.level()).stream()
					: Stream.empty();
		};
		return ids(officers, agencies(o.recipientAgencyId(), o.recipientActingAgencyId()));
	}

	private Stream<Staff.Member> agencies(Long named, Long acting) {
		Set<Long> ids = new LinkedHashSet<>();
		if (named != null) {
			ids.add(named);
		}
		if (acting != null) {
			ids.add(acting);
		}
		return staff.focalPointsOf(ids).stream();
	}

	private static List<Long> ids(Stream<Staff.Member> officers, Stream<Staff.Member> focalPoints) {
		return Stream.concat(officers, focalPoints).map(Staff.Member::id).distinct().toList();
	}
}
