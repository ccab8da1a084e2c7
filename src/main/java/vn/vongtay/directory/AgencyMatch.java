package vn.vongtay.directory;

import java.util.List;

/**
 * How an agency a document names compares with the directory ({@link Agencies#match}).
 *
 * @param same the directory's agency of that unit and kind, valid on the document's date, whose name is the same
 *        name ({@link AgencyNames}); {@code null} when there is none, and then a person decides
 * @param candidates other agencies of that kind, of the unit or of the units it continues or that continue it, most
 *        alike first: what a person choosing between them and a new agency is shown
 */
public record AgencyMatch(Agency same, List<Candidate> candidates) {

	/** @param sameName whether its name is the same name, so that only the unit or the date differs */
	public record Candidate(Agency agency, boolean sameName) {
	}
}
