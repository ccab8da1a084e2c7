package vn.vongtay.operations;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Backups of the embedded database.
 *
 * @param directory where the copies go: best a USB disk or a network share, not the disk of the data
 * @param keep how many copies are kept there (the newest)
 * @param catchUpAfter a copy older than this is made up for within the hour, for a computer that is off at night
 * @param warnAfter the administrator's page warns when no copy is younger than this
 */
@ConfigurationProperties("vongtay.backup")
public record BackupProperties(Path directory, Integer keep, Duration catchUpAfter, Duration warnAfter) {

	public BackupProperties {
		directory = directory == null ? Path.of("data", "backups") : directory;
		keep = keep == null ? 7 : Math.max(1, keep);
		catchUpAfter = catchUpAfter == null ? Duration.ofHours(26) : catchUpAfter;
		warnAfter = warnAfter == null ? Duration.ofDays(2) : warnAfter;
	}
}
