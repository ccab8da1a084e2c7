package vn.vongtay.childfriendly;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the statistics count: the recognitions decided, each with its commune and year. Not restricted to a
 * jurisdiction: the indicators module reads them to keep its tallies, and a recognition is no personal data.
 */
@Component
@Transactional(readOnly = true)
public class ChildFriendlyFacts {

	public record RecognitionFacts(long assessmentId, long unitId, int year) {
	}

	private static final String RECOGNISED = "SELECT id, unit_id, year FROM childfriendly.assessment WHERE status = 'RECOGNISED'";

	private final JdbcClient jdbc;

	ChildFriendlyFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Map<Long, RecognitionFacts> of(Collection<Long> ids) {
		Map<Long, RecognitionFacts> found = new HashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		jdbc.sql(RECOGNISED + " AND id IN (:ids)").param("ids", List.copyOf(ids))
			.query((rs, n) -> new RecognitionFacts(rs.getLong("id"), rs.getLong("unit_id"), rs.getInt("year")))
			.list()
			.forEach(f -> found.put(f.assessmentId(), f));
		return found;
	}

	public long count() {
		return jdbc.sql("SELECT count(*) FROM childfriendly.assessment WHERE status = 'RECOGNISED'").query(Long.class)
			.single();
	}

	public void forEachBatch(int size, Consumer<List<RecognitionFacts>> batch) {
		long after = 0;
		while (true) {
			List<RecognitionFacts> rows = jdbc.sql(RECOGNISED + " AND id > :after ORDER BY id LIMIT :size")
				.param("after", after).param("size", size)
				.query((rs, n) -> new RecognitionFacts(rs.getLong("id"), rs.getLong("unit_id"), rs.getInt("year")))
				.list();
			if (rows.isEmpty()) {
				return;
			}
			batch.accept(rows);
			after = rows.get(rows.size() - 1).assessmentId();
		}
	}
}
