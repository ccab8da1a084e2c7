package vn.vongtay.operations;

import java.time.Instant;
import java.util.List;

/**
 * What the administrator sees of the backups.
 *
 * @param embedded whether the application runs its own database (an external one is backed up by its own tools)
 * @param folder where the copies go
 * @param folderReachable whether that folder can be read now (a USB disk may be unplugged)
 * @param freeSpace free bytes there, -1 when unknown
 * @param sameDiskAsData whether the copies sit on the disk of the data, where a failing disk takes both
 * @param copies the complete copies, newest first
 * @param running whether a backup is being written now
 * @param lastFailure when the last attempt failed and why, null when it succeeded
 * @param stale no copy is younger than the warning age (two days by default)
 * @param keep how many copies are kept
 */
public record BackupStatus(boolean embedded, String folder, boolean folderReachable, long freeSpace,
		boolean sameDiskAsData, List<Copy> copies, boolean running, Failure lastFailure, boolean stale, int keep) {

	/** One copy: its file name, when it was taken, its size in bytes. */
	public record Copy(String file, Instant takenAt, long size) {
	}

	public record Failure(Instant at, String reason) {
	}

	public Copy latest() {
		return copies.isEmpty() ? null : copies.get(0);
	}
}
