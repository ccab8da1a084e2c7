package vn.vongtay.children;

import vn.vongtay.identity.NeedToKnow;
import vn.vongtay.identity.NeedToKnow.Data;
import vn.vongtay.identity.NeedToKnow.Use;
import vn.vongtay.identity.Role;
import vn.vongtay.identity.SignedInUser;

/**
 * What the caller may do in the register, read from the need-to-know table (docs/decisions/0009): the register's API
 * enforces it and its pages show only what it allows. The parts of a record, by the kind of data they are:
 * <ul>
 * <li>identity ({@code CHILD_IDENTITY}): name, sex, birth date, ethnic group, identification number, birth
 * registration, school, commune and village, and where the child lived;</li>
 * <li>household ({@code CHILD_HOUSEHOLD}): the address, the caregivers with their phone numbers, the siblings;</li>
 * <li>groups ({@code CHILD_GROUPS}): the groups of special circumstances and at-risk flags (Luật Trẻ em Art. 10), and
 * the disability and out-of-school facts, which are groups d and h by another name;</li>
 * <li>supports ({@code CHILD_SUPPORTS}): supports received, and health insurance, one of them;</li>
 * <li>notes ({@code CHILD_NOTES}).</li>
 * </ul>
 *
 * @param keptToVillages the record-level rule on top of the table: a village collaborator (with no other role that
 * reads the register) reaches only the children of their villages, and registers them; corrections, moves, imports and
 * exports are the commune's
 */
public record RegisterRights(boolean identity, boolean household, boolean groups, boolean supports, boolean notes,
		boolean register, boolean writesHousehold, boolean writesGroups, boolean writesSupports, boolean writesNotes,
		boolean correct, boolean relocate, boolean export, boolean importFiles, boolean keptToVillages) {

	public static RegisterRights of(SignedInUser user) {
		boolean keptToVillages = user.has(Role.VILLAGE_COLLABORATOR) && user.roles().stream()
			.filter(role -> role != Role.VILLAGE_COLLABORATOR)
			.noneMatch(role -> NeedToKnow.of(role, Data.CHILD_IDENTITY).contains(Use.READ));
		boolean identity = user.may(Data.CHILD_IDENTITY, Use.WRITE);
		boolean household = user.may(Data.CHILD_HOUSEHOLD, Use.WRITE);
		boolean groups = user.may(Data.CHILD_GROUPS, Use.WRITE);
		boolean supports = user.may(Data.CHILD_SUPPORTS, Use.WRITE);
		boolean notes = user.may(Data.CHILD_NOTES, Use.WRITE);
		boolean commune = !keptToVillages;
		return new RegisterRights(user.may(Data.CHILD_IDENTITY, Use.READ), user.may(Data.CHILD_HOUSEHOLD, Use.READ),
				user.may(Data.CHILD_GROUPS, Use.READ), user.may(Data.CHILD_SUPPORTS, Use.READ),
				user.may(Data.CHILD_NOTES, Use.READ), identity, household, groups, supports, notes,
				// a correction writes every part of the record the form shows
				commune && identity && household && groups && supports && notes,
				// a move takes the child, without their household, to another commune
				commune && identity && household,
				// an export and an import file hold the identity, the caregiver, the groups and the notes
				commune && user.may(Data.CHILD_IDENTITY, Use.EXPORT) && user.may(Data.CHILD_HOUSEHOLD, Use.EXPORT)
						&& user.may(Data.CHILD_GROUPS, Use.EXPORT) && user.may(Data.CHILD_NOTES, Use.EXPORT),
				commune && identity && household && groups && notes, keptToVillages);
	}
}
