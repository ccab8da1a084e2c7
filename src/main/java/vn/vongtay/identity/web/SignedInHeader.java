package vn.vongtay.identity.web;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.Units;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.Role;
import vn.vongtay.identity.SignedInUser;

/**
 * Who is signed in, as the header of every page says it (issue 17 §1): the person's name, their roles and the units
 * they answer for, so that an official sharing a computer sees at once whose account is open and for which commune.
 * For templates: {@code ${@signedIn.current()}}.
 */
@Component("signedIn")
public class SignedInHeader {

	/** More units than this are counted rather than named: a header is one line. */
	private static final int UNITS_NAMED = 2;

	private final Units units;

	SignedInHeader(Units units) {
		this.units = units;
	}

	public Optional<Who> current() {
		return Jurisdictions.currentUser().map(this::describe);
	}

	private Who describe(SignedInUser user) {
		List<String> names = units.findAllById(user.unitIds()).stream().map(AdministrativeUnit::fullName).sorted().toList();
		String shown = names.size() <= UNITS_NAMED ? String.join(", ", names)
				: String.join(", ", names.subList(0, UNITS_NAMED)) + " +" + (names.size() - UNITS_NAMED);
		List<Role> roles = user.roles().stream().sorted().toList();
		return new Who(user.displayName(), roles, shown);
	}

	/**
	 * @param name the person's name as their account gives it
	 * @param roles their roles, in the order of {@link Role}
	 * @param units the units they answer for, by name
	 */
	public record Who(String name, List<Role> roles, String units) {
	}
}
