package vn.vongtay.directory;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.UnitLevel;
import vn.vongtay.geography.Units;

/**
 * The agencies every locality has, for generated national data (benchmarks, a demo at scale): in a commune its police
 * and health station; in a province its health department (child affairs since 2025), police, education department,
 * justice department, women's union and social work centre. Running it again creates nothing twice.
 */
@Component
@Transactional
public class AgencyGenerator {

	private static final Map<AgencyKind, String> COMMUNE = new EnumMap<>(Map.of(AgencyKind.POLICE, "Công an",
			AgencyKind.HEALTH_FACILITY, "Trạm Y tế"));
	private static final Map<AgencyKind, String> PROVINCE = new EnumMap<>(Map.of(AgencyKind.HEALTH_DEPARTMENT, "Sở Y tế",
			AgencyKind.POLICE, "Công an", AgencyKind.EDUCATION, "Sở Giáo dục và Đào tạo", AgencyKind.JUSTICE, "Sở Tư pháp",
			AgencyKind.WOMENS_UNION, "Hội Liên hiệp Phụ nữ", AgencyKind.SERVICE_PROVIDER, "Trung tâm Công tác xã hội"));

	private final JdbcClient jdbc;
	private final Units units;

	AgencyGenerator(JdbcClient jdbc, Units units) {
		this.jdbc = jdbc;
		this.units = units;
	}

	/** A generated agency. */
	public record Generated(long id, String name) {
	}

	/** Creates (or finds) the agencies of the units given (communes or provinces): by unit id, the agency of each kind. */
	public Map<Long, Map<AgencyKind, Generated>> agenciesOf(List<Long> unitIds) {
		List<Object[]> rows = new ArrayList<>();
		for (AdministrativeUnit unit : units.findAllById(unitIds)) {
			Map<AgencyKind, String> kinds = unit.level() == UnitLevel.PROVINCE ? PROVINCE
					: unit.level() == UnitLevel.COMMUNE ? COMMUNE : Map.of();
			String place = Character.toLowerCase(unit.fullName().charAt(0)) + unit.fullName().substring(1);
			kinds.forEach((kind, prefix) -> rows.add(new Object[] { kind.name(), prefix + " " + place, unit.id(),
					unit.provinceCode() }));
		}
		Map<Long, Map<AgencyKind, Generated>> found = new HashMap<>();
		if (rows.isEmpty()) {
			return found;
		}
		String[] kinds = rows.stream().map(r -> (String) r[0]).toArray(String[]::new);
		String[] names = rows.stream().map(r -> (String) r[1]).toArray(String[]::new);
		Long[] unitColumn = rows.stream().map(r -> (Long) r[2]).toArray(Long[]::new);
		String[] provinces = rows.stream().map(r -> (String) r[3]).toArray(String[]::new);
		jdbc.sql("""
				INSERT INTO directory.agency (kind, name, unit_id, province_code)
				SELECT a.kind, a.name, a.unit, a.province
				FROM unnest(CAST(:kinds AS text[]), CAST(:names AS text[]), CAST(:units AS bigint[]), CAST(:provinces AS text[]))
				     AS a (kind, name, unit, province)
				WHERE NOT EXISTS (SELECT 1 FROM directory.agency x WHERE x.unit_id = a.unit AND x.kind = a.kind AND x.name = a.name)""")
			.param("kinds", kinds).param("names", names).param("units", unitColumn).param("provinces", provinces)
			.update();
		jdbc.sql("""
				SELECT DISTINCT ON (x.unit_id, x.kind) x.id, x.unit_id, x.kind, x.name
				FROM directory.agency x
				JOIN unnest(CAST(:kinds AS text[]), CAST(:names AS text[]), CAST(:units AS bigint[])) AS a (kind, name, unit)
				  ON x.unit_id = a.unit AND x.kind = a.kind AND x.name = a.name
				ORDER BY x.unit_id, x.kind, x.id""")
			.param("kinds", kinds).param("names", names).param("units", unitColumn)
			.query(rs -> {
				found.computeIfAbsent(rs.getLong("unit_id"), k -> new EnumMap<>(AgencyKind.class))
					.put(AgencyKind.valueOf(rs.getString("kind")), new Generated(rs.getLong("id"), rs.getString("name")));
			});
		return found;
	}
}
