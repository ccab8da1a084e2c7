package vn.vongtay.prostitution;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sanctions decrees and their articles on prostitution. Which decree applies is a question of the date of the act,
 * answered from data (Nghị định 144/2021 until 14/12/2025, 282/2025 from 15/12/2025), so the next replacement is a row,
 * not a release.
 */
@Component
@Transactional(readOnly = true)
public class SanctionsDecrees {

	private static final String ARTICLES = """
			SELECT a.id, a.decree_id, d.number, a.article, a.title, a.title_en, a.fine_min_vnd, a.fine_max_vnd
			FROM prostitution.decree_article a JOIN prostitution.sanctions_decree d ON d.id = a.decree_id
			""";

	private final JdbcClient jdbc;

	SanctionsDecrees(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<SanctionsDecree> all() {
		return jdbc.sql("SELECT id, number, title, valid_from, valid_to FROM prostitution.sanctions_decree ORDER BY valid_from")
			.query((rs, n) -> new SanctionsDecree(rs.getLong("id"), rs.getString("number"), rs.getString("title"),
					rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class)))
			.list();
	}

	public Optional<SanctionsDecree> inForceOn(LocalDate date) {
		return all().stream().filter(d -> d.inForceOn(date)).findFirst();
	}

	public List<DecreeArticle> articles() {
		return jdbc.sql(ARTICLES + " ORDER BY d.valid_from DESC, a.id").query(SanctionsDecrees::map).list();
	}

	public Optional<DecreeArticle> article(long id) {
		return jdbc.sql(ARTICLES + " WHERE a.id = :id").param("id", id).query(SanctionsDecrees::map).optional();
	}

	/** Looks an article up by its decree number and article (<i>282/2025/NĐ-CP</i>, <i>Điều 32</i>), as demo data cites them. */
	public Optional<DecreeArticle> article(String decreeNumber, String article) {
		return jdbc.sql(ARTICLES + " WHERE d.number = :number AND a.article = :article")
			.param("number", decreeNumber)
			.param("article", article)
			.query(SanctionsDecrees::map)
			.optional();
	}

	private static DecreeArticle map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new DecreeArticle(rs.getLong("id"), rs.getLong("decree_id"), rs.getString("number"),
				rs.getString("article"), rs.getString("title"), rs.getString("title_en"),
				(Long) rs.getObject("fine_min_vnd"), (Long) rs.getObject("fine_max_vnd"));
	}
}
