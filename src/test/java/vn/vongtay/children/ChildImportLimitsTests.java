package vn.vongtay.children;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.vongtay.Await;
import vn.vongtay.DemoAccountTestSupport;
import vn.vongtay.IntegrationTest;
import vn.vongtay.core.InputProblem;
import vn.vongtay.core.UserFacingException;

/**
 * What keeps the server serving while communes import (issue 16, items 9 and 10): a sheet is read as a stream and
 * refused as soon as it passes the row cap, however large it is; only a few files are checked at once, and a further
 * one is refused with a clear answer while everything else still answers; a checked import is committed once however
 * many times it is confirmed at the same moment.
 */
@IntegrationTest
class ChildImportLimitsTests extends DemoAccountTestSupport {

	private static final int ROWS_OF_THE_ISSUE = 700_000;

	@Autowired
	ChildImports imports;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aSheetOfSevenHundredThousandRowsIsRefusedAfterReadingNoMoreThanTheCap() throws IOException {
		byte[] sheet = sheet(ROWS_OF_THE_ISSUE);
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
		UserFacingException refusal = catchThrowableOfType(UserFacingException.class,
				() -> as("xa.a", () -> imports.importNow("so-rat-lon.xlsx", sheet, false)));
		long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
		assertThat(refusal).as("a sheet over the cap is refused").isNotNull();
		assertThat(refusal.problems()).extracting(InputProblem::messageKey)
			.containsExactly("error.import.too-many-rows");
		// reading stopped at the cap: a whole-sheet read of 700,000 rows allocates many gigabytes
		assertThat(allocated).as("bytes allocated by the check").isLessThan(3L << 30);
		assertThat(lastRunOf("xa.a", "so-rat-lon.xlsx")).isEqualTo("FAILED");
	}

	@Test
	void aCheckBeyondTheConcurrentChecksIsRefusedWhileTheServerKeepsServing() throws Exception {
		int free = imports.checks.availablePermits();
		assertThat(free).isPositive();
		imports.checks.acquire(free);
		Duration wait = imports.slotWait;
		imports.slotWait = Duration.ofMillis(100);
		try {
			UserFacingException busy = catchThrowableOfType(UserFacingException.class,
					() -> as("xa.a", () -> imports.importNow("ban.csv", csv("Hà Thị Bận"), false)));
			assertThat(busy.status()).isEqualTo(503);
			assertThat(busy.messageKey()).isEqualTo("error.import.busy");
			mvc.perform(multipart("/api/v1/children/imports")
				.file(new MockMultipartFile("file", "ban.csv", "text/csv", csv("Hà Thị Bận")))
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.user(users.loadUserByUsername("xa.a"))))
				.andExpect(status().isServiceUnavailable())
				.andExpect(jsonPath("$.type").value("urn:vongtay:problem:error.import.busy"));
			// the register itself still answers
			page("xa.a", get("/api/v1/children").param("q", "nguyen")).andExpect(status().isOk());
		}
		finally {
			imports.checks.release(free);
			imports.slotWait = wait;
		}
		ChildImports.Report report = as("xa.a", () -> imports.importNow("ban.csv", csv("Hà Thị Rảnh"), false));
		assertThat(report.status()).isEqualTo(ChildImports.Status.PREVIEWED);
		assertThat(imports.checks.availablePermits()).isEqualTo(free);
	}

	@Test
	void aFileSentWhileEveryCheckIsBusyWaitsForTheNextFreeSlotInsteadOfBeingRefused() throws Exception {
		int free = imports.checks.availablePermits();
		imports.checks.acquire(free);
		ExecutorService releaser = Executors.newSingleThreadExecutor();
		try {
			// the other files end a moment after this one arrives, well within the wait
			releaser.submit(() -> {
				Thread.sleep(300);
				imports.checks.release(free);
				return null;
			});
			ChildImports.Report report = as("xa.a", () -> imports.importNow("cho.csv", csv("Hà Thị Chờ"), false));
			assertThat(report.status()).isEqualTo(ChildImports.Status.PREVIEWED);
		}
		finally {
			releaser.shutdown();
			assertThat(releaser.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
		}
		assertThat(imports.checks.availablePermits()).isEqualTo(free);
	}

	@Test
	void twoConcurrentCommitsOfOneCheckedImportWriteItOnce() throws Exception {
		String name = "Đèo Văn Một Lần " + letters();
		long id = as("xa.a", () -> imports.importNow("mot-lan.csv", csv(name), false)).id();
		TransactionTemplate lockHolder = new TransactionTemplate(transactions);
		lockHolder.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Future<Object>> confirmations = new ArrayList<>();
		try {
			// both confirmations are let through at once: they wait on the import's row, held here, until both wait
			lockHolder.executeWithoutResult(s -> {
				jdbc.sql("SELECT id FROM children.import_run WHERE id = :id FOR UPDATE").param("id", id)
					.query(Long.class).single();
				for (int i = 0; i < 2; i++) {
					confirmations.add(pool.submit(() -> {
						try {
							return as("xa.a", () -> imports.commitNow(id, Map.of()));
						}
						catch (UserFacingException e) {
							return e;
						}
					}));
				}
				Await.until(() -> waitingOnTheImport() == 2, Duration.ofMinutes(1));
			});
			List<Object> outcomes = new ArrayList<>();
			for (Future<Object> confirmation : confirmations) {
				outcomes.add(confirmation.get());
			}
			assertThat(outcomes).filteredOn(ChildImports.Report.class::isInstance).singleElement()
				.satisfies(r -> assertThat(((ChildImports.Report) r).committed()).isEqualTo(1));
			assertThat(outcomes).filteredOn(UserFacingException.class::isInstance).singleElement()
				.satisfies(e -> assertThat(((UserFacingException) e).status()).isEqualTo(409));
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(jdbc.sql("SELECT count(*) FROM children.child WHERE full_name = :name").param("name", name)
			.query(Long.class).single()).isEqualTo(1);
	}

	/** Sessions waiting for a lock on an import's row; read afresh (a transaction otherwise sees one snapshot). */
	private long waitingOnTheImport() {
		jdbc.sql("SELECT pg_stat_clear_snapshot()").query().listOfRows();
		return jdbc.sql("""
				SELECT count(*) FROM pg_stat_activity
				WHERE wait_event_type = 'Lock' AND query LIKE '%children.import_run%' AND pid <> pg_backend_pid()""")
			.query(Long.class).single();
	}

	private String lastRunOf(String username, String fileName) {
		return jdbc.sql("""
				SELECT r.status FROM children.import_run r JOIN identity.app_user u ON u.id = r.uploaded_by
				WHERE u.username = :user AND r.file_name = :file ORDER BY r.id DESC LIMIT 1""")
			.param("user", username).param("file", fileName).query(String.class).single();
	}

	private static byte[] csv(String name) {
		return """
				Họ và tên,Ngày sinh,Giới tính,Mã xã
				%s,03/03/2017,Nam,03253
				""".formatted(name).getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A register sheet of {@code rows} children, written as the XML of an XLSX file directly (a workbook library would
	 * take minutes): the four required columns, text in the cells.
	 */
	static byte[] sheet(int rows) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.setLevel(Deflater.BEST_SPEED);
			part(zip, "[Content_Types].xml", """
					<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
					<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
					<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
					<Default Extension="xml" ContentType="application/xml"/>
					<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
					<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
					</Types>""");
			part(zip, "_rels/.rels", """
					<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
					<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
					<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
					</Relationships>""");
			part(zip, "xl/workbook.xml", """
					<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
					<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
					<sheets><sheet name="So" sheetId="1" r:id="rId1"/></sheets></workbook>""");
			part(zip, "xl/_rels/workbook.xml.rels", """
					<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
					<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
					<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
					</Relationships>""");
			zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
			Writer xml = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
			xml.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
					+ "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
			row(xml, 1, "Họ và tên", "Ngày sinh", "Giới tính", "Mã xã");
			for (int r = 2; r <= rows + 1; r++) {
				row(xml, r, "Nguyễn Văn " + word(r), "01/01/2015", r % 2 == 0 ? "Nam" : "Nữ", "03253");
			}
			xml.write("</sheetData></worksheet>");
			xml.flush();
			zip.closeEntry();
		}
		return bytes.toByteArray();
	}

	private static void part(ZipOutputStream zip, String name, String content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

	private static void row(Writer xml, int r, String... cells) throws IOException {
		xml.write("<row r=\"" + r + "\">");
		for (int c = 0; c < cells.length; c++) {
			xml.write("<c r=\"" + (char) ('A' + c) + r + "\" t=\"inlineStr\"><is><t>" + cells[c] + "</t></is></c>");
		}
		xml.write("</row>");
	}

	/** The number as a word of letters (names may not contain digits): 2 is "c", 27 is "bb". */
	private static String word(int number) {
		StringBuilder word = new StringBuilder();
		for (int n = number; n > 0; n /= 26) {
			word.append((char) ('a' + n % 26));
		}
		return word.toString();
	}

	/** A run-specific word of letters: names may not contain digits. */
	private static String letters() {
		StringBuilder word = new StringBuilder();
		for (long n = System.nanoTime(); word.length() < 6; n /= 26) {
			word.append((char) ('a' + (int) (n % 26)));
		}
		return word.toString();
	}
}
