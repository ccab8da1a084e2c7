package vn.vongtay.operations.web;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.vongtay.operations.BackupStatus;
import vn.vongtay.operations.Backups;

/** The backups' status for monitoring, and a backup on demand; system administrators only. */
@RestController
@RequestMapping("/api/v1/operations/backups")
class BackupApi {

	private final Backups backups;

	BackupApi(Backups backups) {
		this.backups = backups;
	}

	/** {@code stale} is true when no copy is younger than two days. */
	@GetMapping
	BackupStatus status() {
		return backups.status();
	}

	/** 202 when a backup was started, 409 when one is already running. */
	@PostMapping
	ResponseEntity<BackupStatus> start() {
		boolean started = backups.startNow();
		return ResponseEntity.status(started ? 202 : 409).body(backups.status());
	}
}
