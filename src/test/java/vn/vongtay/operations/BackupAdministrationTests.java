package vn.vongtay.operations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import vn.vongtay.Await;
import vn.vongtay.DemoAccountTestSupport;
import vn.vongtay.IntegrationTest;
import vn.vongtay.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 23: the administrator's page shows the newest backup's time and size, warns when none is younger than two
 * days, and starts one on demand; no one else sees it. The tests' shared server stands for the office's embedded one.
 */
@IntegrationTest
class BackupAdministrationTests extends DemoAccountTestSupport {

	@Autowired
	Backups backups;

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
		.withZone(ZoneId.of("Asia/Ho_Chi_Minh"));
	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
		.withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

	@Test
	void theAdministratorSeesTheNewestBackupAndIsWarnedWhenNoneIsYoungerThanTwoDays() throws Exception {
		Path folder = TestDatabase.backupFolder();
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.toList()) {
				Files.delete(file);
			}
		}
		assertThat(pageBody("admin", "/admin/backups")).contains("Chưa có bản sao lưu nào: toàn bộ dữ liệu chỉ nằm trên một ổ đĩa");

		Instant threeDaysAgo = Instant.now().minus(Duration.ofDays(3));
		Files.write(folder.resolve("vongtay-backup-" + STAMP.format(threeDaysAgo) + ".zip"), new byte[3 * 1024 * 1024]);
		String page = pageBody("admin", "/admin/backups");
		assertThat(page).contains("Không có bản sao lưu nào trong hai ngày qua (bản mới nhất lúc " + SHOWN.format(threeDaysAgo))
			.contains(SHOWN.format(threeDaysAgo) + ", 3 MB");
		JsonNode status = read(apiGet("admin", "/api/v1/operations/backups").andExpect(status().isOk()));
		assertThat(status.get("stale").asBoolean()).isTrue();
		assertThat(status.get("copies").get(0).get("size").asLong()).isEqualTo(3 * 1024 * 1024);

		// "Sao lưu ngay": a real backup of the running database, online
		form("admin", "/admin/backups").andExpect(status().is3xxRedirection());
		Await.until(() -> OnlineCopies.in(folder) == 2, Duration.ofMinutes(5));
		Await.until(() -> !as("admin", () -> backups.status().running()), Duration.ofMinutes(1));
		JsonNode after = read(apiGet("admin", "/api/v1/operations/backups"));
		assertThat(after.get("stale").asBoolean()).isFalse();
		assertThat(after.get("lastFailure").isNull()).isTrue();
		String newest = after.get("copies").get(0).get("file").asString();
		assertThat(pageBody("admin", "/admin/backups")).doesNotContain("hai ngày qua").contains(newest);
	}

	@Test
	void onlySystemAdministratorsSeeOrStartBackups() throws Exception {
		for (String account : new String[] { "tinh.dienbien", "xa.a", "cb.a", "lanhdao.dienbien", "tongdai111" }) {
			page(account, get("/admin/backups")).andExpect(status().isForbidden());
			form(account, "/admin/backups").andExpect(status().isForbidden());
			apiGet(account, "/api/v1/operations/backups").andExpect(status().isForbidden());
			apiPost(account, "/api/v1/operations/backups", "").andExpect(status().isForbidden());
		}
	}

	/** The complete copies in the folder (a copy being written has another name until it is complete). */
	private static final class OnlineCopies {

		static long in(Path folder) {
			try (Stream<Path> files = Files.list(folder)) {
				return files.filter(f -> f.getFileName().toString().matches("vongtay-backup-\\d{8}-\\d{6}\\.zip")).count();
			}
			catch (java.io.IOException e) {
				return 0;
			}
		}
	}
}
