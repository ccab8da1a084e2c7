package vn.vongtay.geography.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.audit.AuditLog;

/**
 * Imports official lists of administrative units. Each call is one transaction: a file with any problem stores nothing.
 */
@Component
public class UnitImports {

	public static final String BEFORE_REFORM = "vn-units-2024-three-level.json";
	public static final String AFTER_REFORM = "vn-units-2026-two-level.json";
	public static final String LINEAGE = "vn-units-2025-merges-new-to-old.json";

	private final UnitCatalogue catalogue;
	private final AuditLog audit;
	private final LocalDate reformDate;

	UnitImports(UnitCatalogue catalogue, AuditLog audit, @Value("${vongtay.geography.reform-date}") LocalDate reformDate) {
		this.catalogue = catalogue;
		this.audit = audit;
		this.reformDate = reformDate;
	}

	public LocalDate reformDate() {
		return reformDate;
	}

	/** The statistics office's spreadsheet layout, in force from {@code validFrom} (and until {@code validTo}). */
	@Transactional
	public UnitImportResult importOfficialList(String fileName, byte[] content, LocalDate validFrom,
			LocalDate validTo) {
		List<UnitDraft> drafts = OfficialListReader.read(fileName, content, validFrom, validTo);
		return audited("UNITS_IMPORTED", fileName, catalogue.store(drafts, List.of(), reformDate));
	}

	/** The JSON lists: the tree before the reform, the tree after it, and the lineage between them. */
	@Transactional
	public UnitImportResult importJson(JsonLayout layout, String fileName, byte[] content) {
		UnitImportResult result = switch (layout) {
			case THREE_LEVEL -> catalogue.store(AdminUnitsJson.threeLevel(content, null, reformDate.minusDays(1)),
					List.of(), reformDate);
			case TWO_LEVEL -> catalogue.store(AdminUnitsJson.twoLevel(content, reformDate, null), List.of(),
					reformDate);
			case LINEAGE -> catalogue.store(List.of(), AdminUnitsJson.merges(content), reformDate);
		};
		return audited("UNITS_IMPORTED", fileName, result);
	}

	/** Both trees and the lineage of 2025 from the three JSON files, in one transaction. */
	@Transactional
	public UnitImportResult importReform(byte[] beforeReform, byte[] afterReform, byte[] lineage, String source) {
		List<UnitDraft> units = new ArrayList<>(AdminUnitsJson.threeLevel(beforeReform, null, reformDate.minusDays(1)));
		units.addAll(AdminUnitsJson.twoLevel(afterReform, reformDate, null));
		return audited("UNITS_IMPORTED", source,
				catalogue.store(units, AdminUnitsJson.merges(lineage), reformDate));
	}

	/** The national data set kept in a folder with the published file names. */
	@Transactional
	public UnitImportResult importReformFolder(Path folder) {
		return importReform(read(folder.resolve(BEFORE_REFORM)), read(folder.resolve(AFTER_REFORM)),
				read(folder.resolve(LINEAGE)), folder.toString());
	}

	private UnitImportResult audited(String action, String source, UnitImportResult result) {
		audit.record(action, "UnitList", source, null, "%d units, %d successions".formatted(result.units(),
				result.successions()));
		return result;
	}

	private static byte[] read(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public enum JsonLayout {
		THREE_LEVEL, TWO_LEVEL, LINEAGE
	}
}
