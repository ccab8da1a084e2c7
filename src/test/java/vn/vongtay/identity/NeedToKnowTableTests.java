package vn.vongtay.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import vn.vongtay.identity.NeedToKnow.Data;
import vn.vongtay.identity.NeedToKnow.Use;

/** The need-to-know table (docs/decisions/0009-need-to-know.md), without Spring. */
class NeedToKnowTableTests {

	@Test
	void theDecisionRecordHoldsTheTableTheCodeApplies() throws Exception {
		String document = Files.readString(Path.of("docs/decisions/0009-need-to-know.md"));
		String begin = "<!-- need-to-know table: generated, kept equal to NeedToKnow by NeedToKnowTableTests -->\n";
		String end = "<!-- end of need-to-know table -->";
		String written = document.substring(document.indexOf(begin) + begin.length(), document.indexOf(end));
		assertThat(written).isEqualTo(NeedToKnow.markdown());
	}

	@Test
	void aVillageCollaboratorRegistersChildrenButNeverSeesTheirGroupsSupportsOrNotes() {
		assertThat(NeedToKnow.of(Role.VILLAGE_COLLABORATOR, Data.CHILD_IDENTITY)).contains(Use.READ, Use.WRITE)
			.doesNotContain(Use.EXPORT);
		assertThat(NeedToKnow.of(Role.VILLAGE_COLLABORATOR, Data.CHILD_GROUPS)).isEmpty();
		assertThat(NeedToKnow.of(Role.VILLAGE_COLLABORATOR, Data.CHILD_SUPPORTS)).isEmpty();
		assertThat(NeedToKnow.of(Role.VILLAGE_COLLABORATOR, Data.CHILD_NOTES)).isEmpty();
	}

	@Test
	void theHotlineLocatesAChildButReadsNoGroupsHouseholdOrNotesAndExportsNothing() {
		assertThat(NeedToKnow.of(Role.HOTLINE_OPERATOR, Data.CHILD_IDENTITY)).containsExactly(Use.READ);
		for (Data kind : new Data[] { Data.CHILD_GROUPS, Data.CHILD_SUPPORTS, Data.CHILD_NOTES, Data.CHILD_HOUSEHOLD,
				Data.EXACT_FIGURES }) {
			assertThat(NeedToKnow.of(Role.HOTLINE_OPERATOR, kind)).as(kind.name()).isEmpty();
		}
	}

	@Test
	void theInformantIsReadOnlyByThoseWhoReceiveReportsAndTheCaseWorker() {
		for (Role role : new Role[] { Role.SYSTEM_ADMIN, Role.VIEWER, Role.INSPECTOR, Role.AGENCY_FOCAL_POINT,
				Role.VILLAGE_COLLABORATOR }) {
			assertThat(NeedToKnow.of(role, Data.INFORMANT)).as(role.name()).doesNotContain(Use.READ);
		}
		assertThat(NeedToKnow.of(Role.CASE_WORKER, Data.INFORMANT)).contains(Use.READ);
	}

	@Test
	void viewersInspectorsAndFocalPointsSeeNoChildAndNoSmallCount() {
		for (Role role : new Role[] { Role.VIEWER, Role.INSPECTOR, Role.AGENCY_FOCAL_POINT }) {
			assertThat(NeedToKnow.of(role, Data.CHILD_IDENTITY)).as(role.name()).isEmpty();
			assertThat(NeedToKnow.of(role, Data.EXACT_FIGURES)).as(role.name()).isEmpty();
			assertThat(NeedToKnow.of(role, Data.CASE_DETAILS)).as(role.name()).isEmpty();
		}
	}

	@Test
	void aUserWithSeveralRolesMayWhatAnyOfThemMay() {
		SignedInUser both = new SignedInUser(1, "x", "x", java.util.Set.of(Role.VIEWER, Role.INSPECTOR),
				java.util.Set.of(1L), null, true, null, null);
		assertThat(both.may(Data.PREVENTION, Use.WRITE)).isTrue();
		assertThat(both.may(Data.CHILD_IDENTITY, Use.READ)).isFalse();
	}
}
