package vn.vongtay.prostitution;

/** An article of a sanctions decree that a violation may cite, with its fine range for individuals when known. */
public record DecreeArticle(long id, long decreeId, String decreeNumber, String article, String title, String titleEn,
		Long fineMinVnd, Long fineMaxVnd) {

	public String citation() {
		return article + " Nghị định " + decreeNumber;
	}
}
