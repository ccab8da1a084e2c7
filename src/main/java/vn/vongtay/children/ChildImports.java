package vn.vongtay.children;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.InputStreamSource;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

import vn.vongtay.audit.AuditLog;
import vn.vongtay.core.BulkLoad;
import vn.vongtay.core.InputProblem;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.VietnameseText;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.UnitLevel;
import vn.vongtay.geography.Units;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.SignedInUser;

/**
 * Imports a commune's register file: first a check that shows every rejected row with its reason and every likely
 * duplicate (within the file, or of a child already registered: same identification number, or same name without
 * accents, same date of birth and commune), then a commit of the accepted rows in one transaction, or nothing. The
 * file is kept with the import so that the commit reads exactly what was checked. Rows are written with PostgreSQL's
 * COPY, so that a file of 100,000 children commits in seconds.
 */
@Component
public class ChildImports {

	public enum Status {
		RECEIVED, CHECKING, PREVIEWED, COMMITTING, COMMITTED, DISCARDED, FAILED
	}

	/** What to do with a likely duplicate: leave it out (the default), register it anyway, or fill the existing record. */
	public enum Decision {
		SKIP, KEEP, MERGE
	}

	/** A row that looks like a child already in the file or the register. */
	public record Duplicate(int row, String fullName, LocalDate birthDate, String reason, Integer sameAsRow,
			Long existingChildId) {
	}

	/**
	 * The child a number of the file is recorded for, and whether the caller reaches them; one they do not reach is
	 * never shown nor stored with the import, only told to those who answer for it.
	 */
	private record Holder(String pid, long id, long unitId, boolean withinReach) {
	}

	/** Why a row whose number is recorded outside the caller's reach is left out of a commit. */
	private static final String UNAVAILABLE = "PID_UNAVAILABLE";

	/** Where an import stands and what its check found. */
	public record Report(long id, String fileName, Status status, int totalRows, int accepted, int rejected,
			int duplicates, int processed, int committed, List<InputProblem> errors, List<Duplicate> duplicateRows,
			String uploadedBy, Instant uploadedAt, String failure) {

		public int percentDone() {
			int work = status == Status.COMMITTING ? accepted : totalRows;
			return work == 0 ? 0 : Math.min(100, Math.round(100f * processed / work));
		}
	}

	private record Preview(List<InputProblem> errors, List<Duplicate> duplicates) {
	}

	private static final int PROGRESS_EVERY = 2000;
	/** The advisory lock of an import being checked or committed: this and its id ({@link #workOn}). */
	private static final String LOCK_PREFIX = "children.import_run:";
	private static final int FILE_NAME_MAX = 200;

	/**
	 * Files read or written at once on this instance: each holds its rows in memory (up to {@link #maxRows}), so a
	 * further one is refused with a clear answer rather than let several large files exhaust the memory of a server
	 * that everyone else is using.
	 */
	final Semaphore checks;
	/** How long a file waits for a slot before the officer is told to send it again (a few files at once queue). */
	Duration slotWait;
	private final int maxRows;

	/**
	 * The rows of the files this instance checked last, so that a commit does not read and check a large file twice;
	 * a commit on another instance (or after a restart) reads the stored file again. Duplicates are always checked
	 * again at commit, against the register as it is then.
	 */
	private final Map<Long, Checked> recentlyChecked = java.util.Collections.synchronizedMap(
			new LinkedHashMap<>(4, 0.75f, true) {
				@Override
				protected boolean removeEldestEntry(Map.Entry<Long, Checked> eldest) {
					return size() > 2;
				}
			});
	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ChildImports.class);

	private final JdbcClient jdbc;
	private final BulkLoad bulk;
	private final Units units;
	private final Jurisdictions jurisdictions;
	private final Children children;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final TaskExecutor executor;
	private final TransactionTemplate transaction;
	private final TransactionTemplate progressTransaction;
	private final JsonMapper json;
	private final Clock clock;
	private final PersonalIdConflicts conflicts;
	/** How long an import may stay received, being checked or being committed by no living instance. */
	private final Duration abandonedAfter;

	ChildImports(JdbcClient jdbc, DataSource dataSource, Units units, Jurisdictions jurisdictions, Children children,
			AuditLog audit, ApplicationEventPublisher events,
			@Qualifier("applicationTaskExecutor") TaskExecutor executor,
			PlatformTransactionManager transactions, JsonMapper json, Clock clock, PersonalIdConflicts conflicts,
			@Value("${vongtay.children.import.max-rows:100000}") int maxRows,
			@Value("${vongtay.children.import.concurrent-checks:2}") int concurrentChecks,
			@Value("${vongtay.children.import.slot-wait:20s}") Duration slotWait,
			@Value("${vongtay.children.import.abandoned-after:10m}") Duration abandonedAfter) {
		this.jdbc = jdbc;
		this.bulk = new BulkLoad(jdbc, dataSource);
		this.units = units;
		this.jurisdictions = jurisdictions;
		this.children = children;
		this.audit = audit;
		this.events = events;
		this.executor = executor;
		this.transaction = new TransactionTemplate(transactions);
		this.progressTransaction = new TransactionTemplate(transactions);
		this.progressTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.json = json;
		this.clock = clock;
		this.conflicts = conflicts;
		this.maxRows = maxRows;
		this.checks = new Semaphore(concurrentChecks);
		this.slotWait = slotWait;
		this.abandonedAfter = abandonedAfter;
	}

	// --- the two ways in: at once (API), or in the background with a progress bar (pages) ---

	/** Checks a file and, when {@code commit}, registers its accepted rows (duplicates left out) in one go. */
	public Report importNow(String fileName, byte[] content, boolean commit) {
		return importNow(fileName, new ByteArrayResource(content == null ? new byte[0] : content), commit);
	}

	/**
	 * As {@link #importNow(String, byte[], boolean)}, the file read (an upload, say) only once a slot is free, so that
	 * uploads refused for being too many are never all held in memory at once.
	 */
	public Report importNow(String fileName, InputStreamSource content, boolean commit) {
		Children.require(RegisterRights::importFiles);
		takeSlot();
		try {
			long id = receive(fileName, content);
			check(id);
			if (commit && report(id).status() == Status.PREVIEWED) {
				claimCommit(id);
				commit(id, Map.of());
			}
			return report(id);
		}
		finally {
			checks.release();
		}
	}

	/** Commits a checked file at once, with the caller's decisions on its likely duplicates (skipped otherwise). */
	public Report commitNow(long id, Map<Integer, Decision> decisions) {
		Children.require(RegisterRights::importFiles);
		takeSlot();
		try {
			claimCommit(id);
			commit(id, decisions);
			return report(id);
		}
		finally {
			checks.release();
		}
	}

	/** Receives a file and checks it in the background; follow it with {@link #report(long)}. */
	public long submit(String fileName, InputStreamSource content) {
		Children.require(RegisterRights::importFiles);
		takeSlot();
		long id;
		try {
			id = receive(fileName, content);
		}
		catch (RuntimeException e) {
			checks.release();
			throw e;
		}
		inBackground(() -> check(id));
		return id;
	}

	/** Commits a checked file in the background; follow it with {@link #report(long)}. */
	public void submitCommit(long id, Map<Integer, Decision> decisions) {
		Children.require(RegisterRights::importFiles);
		takeSlot();
		try {
			claimCommit(id);
		}
		catch (RuntimeException e) {
			checks.release();
			throw e;
		}
		inBackground(() -> commit(id, decisions));
	}

	/**
	 * @throws UserFacingException 503 when as many files as allowed are being read or written already, and none ends
	 *         within {@link #slotWait}
	 */
	private void takeSlot() {
		try {
			if (!checks.tryAcquire(slotWait.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new UserFacingException(503, "error.import.busy");
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new UserFacingException(503, "error.import.busy");
		}
	}

	/** Runs the work with the caller's identity on another thread, giving its slot back when done. */
	private void inBackground(Runnable work) {
		try {
			executor.execute(new DelegatingSecurityContextRunnable(() -> {
				try {
					runQuietly(work);
				}
				finally {
					checks.release();
				}
			}));
		}
		catch (RuntimeException e) {
			checks.release();
			throw e;
		}
	}

	/**
	 * Marks a checked import of the caller's as being committed, in one statement: of two confirmations at the same
	 * moment (a double click, two tabs, two API calls) one marks it and commits, the other is refused, so the rows are
	 * written once.
	 *
	 * @throws UserFacingException 409 when the import is not (or no longer) checked and waiting
	 */
	private void claimCommit(long id) {
		report(id);
		long user = Jurisdictions.requireUser().id();
		Integer claimed = transaction.execute(status -> jdbc.sql("""
				UPDATE children.import_run SET status = 'COMMITTING'
				WHERE id = :id AND uploaded_by = :user AND status = 'PREVIEWED'""")
			.param("id", id).param("user", user).update());
		if (claimed == null || claimed == 0) {
			throw UserFacingException.conflict("error.import.not-previewed");
		}
	}

	/**
	 * Runs background work of an import. A refusal is recorded on the import and shown to the officer who follows it
	 * ({@link #fail}, which also logs an unexpected failure with its reference); what failed before the import could
	 * record it (the database gone, say) is logged here, and the import is given up later ({@link #giveUpAbandoned}).
	 */
	private void runQuietly(Runnable work) {
		try {
			work.run();
		}
		catch (UserFacingException e) {
			log.debug("Import refused: {}", e.getMessage());
		}
		catch (RuntimeException e) {
			log.error("Import work failed before the import could record it", e);
		}
	}

	/** The import template: the headings of the register file and one example row. */
	public static byte[] template() {
		List<Object> example = new ArrayList<>(List.of("Nguyễn Văn An", LocalDate.of(2015, 9, 5), "Nam", "Kinh",
				"", "03253", "Bản Đông", "Nguyễn Thị Hoa", "Mẹ", "a, d", ""));
		return vn.vongtay.core.Spreadsheets.workbook("Sổ theo dõi trẻ em", RegisterFile.HEADINGS, List.of(example));
	}

	public void discard(long id) {
		Children.require(RegisterRights::importFiles);
		report(id);
		recentlyChecked.remove(id);
		jdbc.sql("UPDATE children.import_run SET status = 'DISCARDED', content = '' WHERE id = :id AND status = 'PREVIEWED'")
			.param("id", id).update();
	}

	private long receive(String fileName, InputStreamSource source) {
		byte[] content;
		try (InputStream in = source.getInputStream()) {
			content = in.readAllBytes();
		}
		catch (IOException e) {
			throw UserFacingException.invalid("error.bad-request");
		}
		if (content.length == 0) {
			throw UserFacingException.invalid("error.file.empty");
		}
		SignedInUser user = Jurisdictions.requireUser();
		return jdbc.sql("""
				INSERT INTO children.import_run (file_name, content, uploaded_by, status)
				VALUES (:name, :content, :by, 'RECEIVED') RETURNING id""")
			.param("name", fileName(fileName))
			.param("content", content)
			.param("by", user.id())
			.query(Long.class)
			.single();
	}

	/**
	 * The name the file is kept under, part of the evidence of the groups it records: a line, not a paragraph, its
	 * extension kept (it tells a CSV from a workbook).
	 */
	static String fileName(String uploaded) {
		String name = VietnameseText.clean(uploaded);
		if (name == null) {
			return "register.csv";
		}
		if (name.length() <= FILE_NAME_MAX) {
			return name;
		}
		int dot = name.lastIndexOf('.');
		String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
		return name.substring(0, FILE_NAME_MAX - extension.length()) + extension;
	}

	// --- check ---

	private void check(long id) {
		if (!startChecking(id)) {
			log.info("Import {} was given up before its check began; left as it is", id);
			return;
		}
		try {
			transaction.executeWithoutResult(status -> {
				if (!workOn(id, Status.CHECKING)) {
					return;
				}
				Checked checked = read(id);
				if (!checked.conflicts().isEmpty()) {
					conflicts.refused(checked.conflicts());
				}
				recentlyChecked.put(id, checked);
				Preview preview = new Preview(checked.errors(), checked.duplicates());
				jdbc.sql("""
						UPDATE children.import_run SET status = 'PREVIEWED', total_rows = :total, accepted = :accepted,
						       rejected = :rejected, duplicates = :duplicates, processed = :total,
						       preview = CAST(:preview AS jsonb)
						WHERE id = :id""")
					.param("total", checked.rows().size())
					.param("accepted", checked.accepted().size())
					.param("rejected", checked.rejectedRows())
					.param("duplicates", checked.duplicates().size())
					.param("preview", json.writeValueAsString(preview))
					.param("id", id)
					.update();
			});
		}
		catch (RuntimeException e) {
			throw fail(id, e);
		}
	}

	/**
	 * A file as checked. A row whose identification number is recorded for a child outside the caller's reach is
	 * rejected (the number cannot be used here), never shown as a duplicate of a record the caller cannot see; it is
	 * among {@code duplicateByRow} so that a commit leaves it out.
	 */
	private record Checked(String fileName, List<RegisterFile.Row> rows, List<InputProblem> errors,
			List<Duplicate> duplicates, List<RegisterFile.Row> accepted, Map<Integer, AdministrativeUnit> communes,
			Map<Integer, Duplicate> duplicateByRow, List<PersonalIdConflicts.Conflict> conflicts) {

		int rejectedRows() {
			return (int) errors.stream().map(InputProblem::row).filter(r -> r != null).distinct().count();
		}
	}

	private Checked read(long id) {
		Map<String, Object> run = jdbc.sql("SELECT file_name, content, uploaded_by FROM children.import_run WHERE id = :id")
			.param("id", id).query().singleRow();
		String fileName = (String) run.get("file_name");
		LocalDate today = LocalDate.now(clock);
		RegisterFile.Content content = RegisterFile.read(fileName, (byte[]) run.get("content"), ethnicities(), today,
				maxRows);
		if (!content.fileProblems().isEmpty()) {
			throw UserFacingException.rejected(content.fileProblems());
		}
		List<InputProblem> errors = new ArrayList<>();
		Map<String, Optional<AdministrativeUnit>> communeByCode = new HashMap<>();
		Map<Integer, AdministrativeUnit> communes = new HashMap<>();
		List<RegisterFile.Row> valid = new ArrayList<>();
		for (RegisterFile.Row row : content.rows()) {
			List<InputProblem> problems = new ArrayList<>(row.problems());
			// the commune is looked up whatever else is wrong with the row, so that every problem is told at once
			boolean codeRead = row.draft().communeCode() != null && row.problems().stream()
				.noneMatch(p -> RegisterFile.Column.COMMUNE_CODE.heading.equals(p.column()));
			if (codeRead) {
				Optional<AdministrativeUnit> commune = communeByCode.computeIfAbsent(row.draft().communeCode(),
						code -> units.findByCode(code, today).filter(u -> u.level() == UnitLevel.COMMUNE)
							.filter(u -> jurisdictions.covers(u.id())));
				if (commune.isEmpty()) {
					problems.add(InputProblem.at(row.number(), RegisterFile.Column.COMMUNE_CODE.heading,
							"error.unit.outside-jurisdiction", row.draft().communeCode()));
				}
				else {
					communes.put(row.number(), commune.get());
				}
			}
			if (problems.isEmpty()) {
				valid.add(row);
			}
			errors.addAll(problems);
		}
		Map<Integer, Holder> unavailable = new java.util.TreeMap<>();
		Map<Integer, Duplicate> duplicates = duplicates(valid, communes, unavailable);
		List<RegisterFile.Row> accepted = valid.stream().filter(r -> !duplicates.containsKey(r.number())).toList();
		List<PersonalIdConflicts.Conflict> conflicts = new ArrayList<>();
		unavailable.forEach((row, holder) -> {
			errors.add(InputProblem.at(row, RegisterFile.Column.PERSONAL_ID.heading, "error.child.pid-unavailable",
					holder.pid()));
			conflicts.add(new PersonalIdConflicts.Conflict(holder.id(), holder.unitId(), communes.get(row)));
		});
		return new Checked(fileName, content.rows(), errors, shown(duplicates), accepted, communes, duplicates,
				conflicts);
	}

	/** The duplicates the caller is shown: of rows of the file, and of records within their reach. */
	private static List<Duplicate> shown(Map<Integer, Duplicate> duplicates) {
		return duplicates.values().stream().filter(d -> !UNAVAILABLE.equals(d.reason())).toList();
	}

	/** A checked file with its duplicates found again against the register as it is now. */
	private Checked againstTheRegister(Checked checked) {
		List<RegisterFile.Row> valid = checked.rows().stream()
			.filter(r -> r.accepted() && checked.communes().containsKey(r.number())).toList();
		Map<Integer, Duplicate> duplicates = duplicates(valid, checked.communes(), new HashMap<>());
		List<RegisterFile.Row> accepted = valid.stream().filter(r -> !duplicates.containsKey(r.number())).toList();
		return new Checked(checked.fileName(), checked.rows(), checked.errors(), shown(duplicates), accepted,
				checked.communes(), duplicates, List.of());
	}

	/**
	 * The likely duplicates among the rows, by row; a number recorded outside the caller's reach goes into
	 * {@code unavailable} with its holder.
	 */
	private Map<Integer, Duplicate> duplicates(List<RegisterFile.Row> rows, Map<Integer, AdministrativeUnit> communes,
			Map<Integer, Holder> unavailable) {
		Map<Integer, Duplicate> found = new LinkedHashMap<>();
		Map<String, Integer> byPid = new HashMap<>();
		Map<String, Integer> byName = new HashMap<>();
		for (RegisterFile.Row row : rows) {
			ChildDraft draft = row.draft();
			String pid = draft.personalId();
			String key = nameKey(draft.fullName(), draft.birthDate(), communes.get(row.number()).id());
			Integer earlier = pid == null ? null : byPid.putIfAbsent(pid, row.number());
			if (earlier != null) {
				found.put(row.number(), duplicate(row, "PID_IN_FILE", earlier, null));
				continue;
			}
			earlier = byName.putIfAbsent(key, row.number());
			if (earlier != null) {
				found.put(row.number(), duplicate(row, "NAME_IN_FILE", earlier, null));
			}
		}
		if (byPid.isEmpty() && byName.isEmpty()) {
			return found;
		}
		// against the register, in two set queries rather than one per row
		Map<String, Holder> registeredPids = new HashMap<>();
		if (!byPid.isEmpty()) {
			jdbc.sql("""
					SELECT personal_id, id, unit_id FROM children.child
					WHERE personal_id = ANY (string_to_array(:pids, ','))""")
				.param("pids", String.join(",", byPid.keySet()))
				.query(rs -> {
					// whoever imports answers for whole communes (a collaborator does not import): the jurisdiction is
					// their reach
					registeredPids.put(rs.getString("personal_id"), new Holder(rs.getString("personal_id"),
							rs.getLong("id"), rs.getLong("unit_id"), jurisdictions.covers(rs.getLong("unit_id"))));
				});
		}
		// the children already registered in the file's communes, matched here rather than probed one by one: a
		// file of 100,000 rows names a few hundred communes at most
		Map<String, Long> registeredNames = new HashMap<>();
		java.util.Set<Long> fileUnits = new java.util.HashSet<>();
		for (RegisterFile.Row row : rows) {
			fileUnits.add(communes.get(row.number()).id());
		}
		jdbc.sql("""
				SELECT c.id, c.name_folded, c.birth_date, c.unit_id FROM children.child c
				WHERE c.unit_id = ANY (string_to_array(:units, ',')::bigint[])""")
			.param("units", fileUnits.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")))
			.query(rs -> {
				String key = rs.getString("name_folded") + "\u001f" + rs.getObject("birth_date", LocalDate.class) + "\u001f"
						+ rs.getLong("unit_id");
				if (byName.containsKey(key)) {
					registeredNames.put(key, rs.getLong("id"));
				}
			});
		for (RegisterFile.Row row : rows) {
			if (found.containsKey(row.number())) {
				continue;
			}
			ChildDraft draft = row.draft();
			Holder byPidMatch = draft.personalId() == null ? null : registeredPids.get(draft.personalId());
			if (byPidMatch != null && byPidMatch.withinReach()) {
				found.put(row.number(), duplicate(row, "PID_IN_REGISTER", null, byPidMatch.id()));
				continue;
			}
			if (byPidMatch != null) {
				found.put(row.number(), duplicate(row, UNAVAILABLE, null, null));
				unavailable.put(row.number(), byPidMatch);
				continue;
			}
			Long byNameMatch = registeredNames.get(nameKey(draft.fullName(), draft.birthDate(),
					communes.get(row.number()).id()));
			if (byNameMatch != null) {
				found.put(row.number(), duplicate(row, "NAME_IN_REGISTER", null, byNameMatch));
			}
		}
		return found;
	}

	private static Duplicate duplicate(RegisterFile.Row row, String reason, Integer sameAsRow, Long existing) {
		return new Duplicate(row.number(), row.draft().fullName(), row.draft().birthDate(), reason, sameAsRow, existing);
	}

	private static String nameKey(String fullName, LocalDate birthDate, long unitId) {
		return VietnameseText.fold(VietnameseText.clean(fullName)) + "\u001f" + birthDate + "\u001f" + unitId;
	}

	private Function<String, Optional<String>> ethnicities() {
		Map<String, String> byName = new HashMap<>();
		jdbc.sql("SELECT code, name, aliases FROM children.ethnicity").query(rs -> {
			String code = rs.getString("code");
			byName.put(code, code);
			byName.put(String.valueOf(Integer.parseInt(code)), code);
			byName.put(RegisterFile.normalise(rs.getString("name")).replace("-", " "), code);
			for (String alias : (String[]) rs.getArray("aliases").getArray()) {
				byName.put(RegisterFile.normalise(alias).replace("-", " "), code);
			}
		});
		return text -> Optional.ofNullable(byName.get(RegisterFile.normalise(text).replace("-", " ")));
	}

	// --- commit ---

	/** Writes the rows of an import claimed for commit ({@link #claimCommit}). */
	private void commit(long id, Map<Integer, Decision> decisions) {
		try {
			transaction.executeWithoutResult(status -> {
				if (!workOn(id, Status.COMMITTING)) {
					return;
				}
				long started = System.nanoTime();
				Checked cached = recentlyChecked.remove(id);
				Checked checked = cached == null ? read(id) : againstTheRegister(cached);
				long checkedAt = System.nanoTime();
				List<RegisterFile.Row> rows = new ArrayList<>(checked.accepted());
				List<RegisterFile.Row> merges = new ArrayList<>();
				for (RegisterFile.Row row : checked.rows()) {
					Duplicate duplicate = checked.duplicateByRow().get(row.number());
					Decision decision = decisions.getOrDefault(row.number(), Decision.SKIP);
					if (duplicate == null) {
						continue;
					}
					if (decision == Decision.KEEP && duplicate.reason().startsWith("NAME")) {
						rows.add(row);
					}
					else if (decision == Decision.MERGE && duplicate.existingChildId() != null) {
						merges.add(row);
					}
				}
				rows.sort(java.util.Comparator.comparingInt(RegisterFile.Row::number));
				int written = write(id, checked.fileName(), rows, checked.communes());
				log.info("Import {} committed {} rows in {} ms (re-check {} ms, write {} ms)", id, written,
						(System.nanoTime() - started) / 1_000_000, (checkedAt - started) / 1_000_000,
						(System.nanoTime() - checkedAt) / 1_000_000);
				for (RegisterFile.Row row : merges) {
					merge(checked.duplicateByRow().get(row.number()).existingChildId(), row);
				}
				jdbc.sql("""
						UPDATE children.import_run SET status = 'COMMITTED', committed = :committed, processed = :committed,
						       committed_at = now() WHERE id = :id""")
					.param("committed", written + merges.size()).param("id", id).update();
				audit.record("CHILDREN_IMPORTED", "ChildImport", id, null,
						checked.fileName() + ": " + written + " registered, " + merges.size() + " merged");
				events.publishEvent(new ChildrenImported(id, written));
			});
		}
		catch (RuntimeException e) {
			throw fail(id, e);
		}
	}

	/** Writes the rows with COPY: villages and households first, then children, their residence and their groups. */
	private int write(long importId, String fileName, List<RegisterFile.Row> rows, Map<Integer, AdministrativeUnit> communes) {
		if (rows.isEmpty()) {
			return 0;
		}
		long writeStarted = System.nanoTime();
		long userId = Jurisdictions.requireUser().id();
		LocalDate today = LocalDate.now(clock);
		Map<String, Long> villages = new HashMap<>();
		Map<String, Long> households = new LinkedHashMap<>();
		List<Long> childIds = bulk.ids("children.child", rows.size());
		StringBuilder householdCopy = new StringBuilder();
		StringBuilder caregiverCopy = new StringBuilder();
		StringBuilder childCopy = new StringBuilder();
		StringBuilder residenceCopy = new StringBuilder();
		StringBuilder circumstanceCopy = new StringBuilder();
		int householdsNeeded = (int) rows.stream().filter(r -> r.draft().caregiverName() != null).count();
		List<Long> householdIds = bulk.ids("children.household", householdsNeeded);
		int nextHousehold = 0;
		for (int i = 0; i < rows.size(); i++) {
			RegisterFile.Row row = rows.get(i);
			ChildDraft draft = row.draft();
			AdministrativeUnit commune = communes.get(row.number());
			Long villageId = draft.village() == null ? null
					: villages.computeIfAbsent(commune.id() + "\u001f" + VietnameseText.fold(draft.village()),
							k -> children.village(commune.id(), draft.village()));
			Long householdId = null;
			if (draft.caregiverName() != null) {
				// children of one caregiver in one village of the commune are siblings of one household
				String key = commune.id() + "\u001f" + villageId + "\u001f" + VietnameseText.fold(draft.caregiverName());
				householdId = households.get(key);
				if (householdId == null) {
					householdId = householdIds.get(nextHousehold++);
					households.put(key, householdId);
					BulkLoad.csv(householdCopy, householdId, commune.id(), commune.provinceCode(), villageId);
					BulkLoad.csv(caregiverCopy, householdId, draft.caregiverName(),
							draft.caregiverRelationship() == null ? "Khác" : draft.caregiverRelationship(), true);
				}
			}
			Names names = Names.of(draft.fullName());
			long childId = childIds.get(i);
			BulkLoad.csv(childCopy, childId, names.full(), names.given(), names.family(), draft.sex().name(), draft.birthDate(),
					draft.birthDateEstimated(), draft.ethnicityCode(), draft.personalId(), commune.id(),
					commune.provinceCode(), villageId, householdId, draft.notes(), userId, importId);
			BulkLoad.csv(residenceCopy, childId, commune.id(), today, "REGISTERED", userId);
			for (String group : row.groups()) {
				BulkLoad.csv(circumstanceCopy, childId, group, today, "Nhập từ tệp " + fileName + ", dòng " + row.number(), userId);
			}
			if ((i + 1) % PROGRESS_EVERY == 0) {
				progress(importId, i + 1);
			}
		}
		long prepared = System.nanoTime();
		bulk.copy("children.household (id, unit_id, province_code, village_id)", householdCopy);
		bulk.copy("children.caregiver (household_id, full_name, relationship, is_primary)", caregiverCopy);
		bulk.copy("""
				children.child (id, full_name, given_name, family_name, sex, birth_date, birth_date_estimated, ethnicity_code,
				personal_id, unit_id, province_code, village_id, household_id, notes, created_by, import_id)""", childCopy);
		bulk.copy("children.residence (child_id, unit_id, from_date, reason, recorded_by)", residenceCopy);
		bulk.copy("children.circumstance (child_id, group_code, from_date, evidence, recorded_by)", circumstanceCopy);
		log.debug("Import {}: rows prepared in {} ms, copied in {} ms", importId, (prepared - writeStarted) / 1_000_000,
				(System.nanoTime() - prepared) / 1_000_000);
		return rows.size();
	}

	private void merge(long existingId, RegisterFile.Row row) {
		ChildDraft draft = row.draft();
		jdbc.sql("""
				UPDATE children.child SET personal_id = coalesce(personal_id, :pid),
				       ethnicity_code = coalesce(ethnicity_code, :ethnicity), notes = coalesce(notes, :notes),
				       version = version + 1
				WHERE id = :id""")
			.param("pid", draft.personalId()).param("ethnicity", draft.ethnicityCode()).param("notes", draft.notes())
			.param("id", existingId)
			.update();
	}

	// --- following an import ---

	/** @throws UserFacingException 404 for an import of another user, unless the caller administers */
	public Report report(long id) {
		Children.require(RegisterRights::importFiles);
		SignedInUser user = Jurisdictions.requireUser();
		return jdbc.sql("""
				SELECT r.id, r.file_name, r.status, r.total_rows, r.accepted, r.rejected, r.duplicates, r.processed,
				       r.committed, r.preview, u.display_name, r.uploaded_at, r.failure, r.uploaded_by
				FROM children.import_run r LEFT JOIN identity.app_user u ON u.id = r.uploaded_by WHERE r.id = :id""")
			.param("id", id)
			.query((rs, n) -> {
				if (rs.getLong("uploaded_by") != user.id()) {
					return null;
				}
				Preview preview = rs.getString("preview") == null ? new Preview(List.of(), List.of())
						: json.readValue(rs.getString("preview"), Preview.class);
				return new Report(rs.getLong("id"), rs.getString("file_name"), Status.valueOf(rs.getString("status")),
						rs.getInt("total_rows"), rs.getInt("accepted"), rs.getInt("rejected"), rs.getInt("duplicates"),
						rs.getInt("processed"), rs.getInt("committed"), preview.errors(), preview.duplicates(),
						rs.getString("display_name"), rs.getTimestamp("uploaded_at").toInstant(), rs.getString("failure"));
			})
			.optional()
			.filter(r -> r != null)
			.orElseThrow(() -> UserFacingException.notFound("error.import.not-found", id));
	}

	/**
	 * The rejected rows of a checked file as a workbook to fix and upload again: the template's columns as the rows
	 * were typed, and a last column saying, for each row, its row in the uploaded file and every problem found.
	 *
	 * @param says a problem in the caller's language
	 * @throws UserFacingException 404 for an import of another user, 409 once the file is no longer kept (discarded)
	 */
	public byte[] rejectedRows(long id, Function<InputProblem, String> says, String problemsHeading) {
		Report report = report(id);
		if (report.status() != Status.PREVIEWED && report.status() != Status.COMMITTED) {
			throw UserFacingException.conflict("error.import.file-not-kept");
		}
		Map<Integer, List<String>> problemsByRow = new java.util.TreeMap<>();
		for (InputProblem problem : report.errors()) {
			if (problem.row() != null) {
				problemsByRow.computeIfAbsent(problem.row(), r -> new ArrayList<>()).add(says.apply(problem));
			}
		}
		Map<String, Object> run = jdbc.sql("SELECT file_name, content FROM children.import_run WHERE id = :id")
			.param("id", id).query().singleRow();
		Map<Integer, List<String>> cells = RegisterFile.cells((String) run.get("file_name"), (byte[]) run.get("content"),
				problemsByRow.keySet());
		List<List<Object>> rows = new ArrayList<>();
		problemsByRow.forEach((row, problems) -> {
			List<Object> values = new ArrayList<>(cells.getOrDefault(row, List.of()));
			while (values.size() < RegisterFile.HEADINGS.size()) {
				values.add("");
			}
			values.add(says.apply(InputProblem.at(row, null, "children.import.rejected-row", row,
					String.join("; ", problems))));
			rows.add(values);
		});
		List<String> headings = new ArrayList<>(RegisterFile.HEADINGS);
		headings.add(problemsHeading);
		// the rows the caller uploaded, shown back to them: a read of personal data all the same
		audit.record("CHILDREN_IMPORT_REJECTED_DOWNLOADED", "ChildImport", id, null,
				report.fileName() + ": " + rows.size() + " rejected rows");
		return vn.vongtay.core.Spreadsheets.workbook("Dòng bị từ chối", headings, rows);
	}

	/** The caller's imports, newest first: who, when, which file, how many rows went where. */
	public List<Report> history(int page, int size) {
		Children.require(RegisterRights::importFiles);
		SignedInUser user = Jurisdictions.requireUser();
		return jdbc.sql("""
				SELECT r.id, r.file_name, r.status, r.total_rows, r.accepted, r.rejected, r.duplicates, r.processed,
				       r.committed, u.display_name, r.uploaded_at, r.failure
				FROM children.import_run r LEFT JOIN identity.app_user u ON u.id = r.uploaded_by
				WHERE r.uploaded_by = :user ORDER BY r.uploaded_at DESC, r.id DESC LIMIT :limit OFFSET :offset""")
			.param("user", user.id()).param("limit", size).param("offset", (long) page * size)
			.query((rs, n) -> new Report(rs.getLong("id"), rs.getString("file_name"), Status.valueOf(rs.getString("status")),
					rs.getInt("total_rows"), rs.getInt("accepted"), rs.getInt("rejected"), rs.getInt("duplicates"),
					rs.getInt("processed"), rs.getInt("committed"), List.of(), List.of(), rs.getString("display_name"),
					rs.getTimestamp("uploaded_at").toInstant(), rs.getString("failure")))
			.list();
	}

	/**
	 * Marks a received import as being checked; false when it was given up meanwhile. In the caller's transaction when
	 * there is one (the import was received in it, and another could not see it yet), else in its own.
	 */
	private boolean startChecking(long id) {
		Integer started = transaction.execute(s -> jdbc.sql("""
				UPDATE children.import_run SET status = 'CHECKING' WHERE id = :id AND status = 'RECEIVED'""")
			.param("id", id).update());
		return started != null && started == 1;
	}

	/**
	 * Takes the import for the check or the commit that runs in the caller's transaction, and says whether it is still
	 * {@code expected}. The lock is held until that transaction ends (a dead instance's ends with its connection), and
	 * tells {@link #giveUpAbandoned} that an instance still works on the import; taken after it gave the import up, it
	 * finds the import failed, and the work writes nothing.
	 */
	private boolean workOn(long id, Status expected) {
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))").param("key", LOCK_PREFIX + id)
			.query().singleRow();
		String status = jdbc.sql("SELECT status FROM children.import_run WHERE id = :id").param("id", id)
			.query(String.class).single();
		if (!expected.name().equals(status)) {
			log.warn("Import {} is {} where {} was expected (given up meanwhile); nothing done", id, status, expected);
			return false;
		}
		return true;
	}

	/**
	 * Gives up the imports that have been received, checked or committed for longer than
	 * {@code vongtay.children.import.abandoned-after} by no instance (none holds the import's lock, see
	 * {@link #workOn}): their instance died, or lost its connection, and nobody will finish them. They are marked
	 * failed with a message the officer understands, and the officer uploads the file again. Nothing is written twice: a
	 * commit is one transaction, so a commit that died wrote nothing, and one that had not begun yet finds the import
	 * failed when it does. Every instance runs this; the row's update lets one of them mark each import.
	 *
	 * @return how many imports were given up
	 */
	@Scheduled(initialDelayString = "${vongtay.children.import.abandoned-check:PT1M}",
			fixedDelayString = "${vongtay.children.import.abandoned-check:PT1M}")
	public int giveUpAbandoned() {
		List<Map<String, Object>> given = transaction.execute(s -> jdbc.sql("""
				WITH stale AS MATERIALIZED (
				  SELECT id FROM children.import_run
				  WHERE status IN ('RECEIVED', 'CHECKING', 'COMMITTING')
				    AND status_changed_at < now() - make_interval(secs => :seconds))
				UPDATE children.import_run r SET status = 'FAILED', preview = CAST(:problem AS jsonb),
				       failure = 'abandoned while ' || r.status || ' since ' || r.status_changed_at
				FROM stale
				WHERE r.id = stale.id
				  -- only the stale ones are tried, and the lock is held until this is committed
				  AND pg_try_advisory_xact_lock(hashtextextended(:prefix || stale.id, 0))
				  -- seen again if an instance finished it meanwhile
				  AND r.status IN ('RECEIVED', 'CHECKING', 'COMMITTING')
				  AND r.status_changed_at < now() - make_interval(secs => :seconds)
				RETURNING r.id, r.failure""")
			.param("problem", json.writeValueAsString(new Preview(
					List.of(new InputProblem(null, null, "error.import.interrupted")), List.of())))
			.param("seconds", (double) abandonedAfter.toSeconds())
			.param("prefix", LOCK_PREFIX)
			.query().listOfRows());
		for (Map<String, Object> run : given) {
			log.warn("Import {} given up: {}", run.get("id"), run.get("failure"));
		}
		return given.size();
	}

	private void progress(long id, int processed) {
		progressTransaction.executeWithoutResult(s -> jdbc.sql("UPDATE children.import_run SET processed = :processed WHERE id = :id")
			.param("processed", processed).param("id", id).update());
	}

	/**
	 * Records on the import why its check or commit failed, and returns what to tell the caller. A refusal is told as
	 * it is; anything else is logged with a reference and told as a failure the officer can quote, with nothing
	 * written (the work was one transaction). When the failure cannot be recorded (the database is gone), the import
	 * stays as it was until {@link #giveUpAbandoned} gives it up.
	 */
	private UserFacingException fail(long id, RuntimeException e) {
		UserFacingException told;
		if (e instanceof UserFacingException refusal) {
			told = refusal;
		}
		else {
			String reference = Long.toHexString(System.nanoTime());
			log.error("Import {} failed unexpectedly, reference {}", id, reference, e);
			told = new UserFacingException(500, "error.import.unexpected", reference);
			told.initCause(e);
		}
		// for whoever investigates: the reference and what failed (a refusal is told by its problems)
		String message = told == e ? null : told.arguments()[0] + ": " + e;
		String problems = json.writeValueAsString(new Preview(told.problems().isEmpty()
				? List.of(new InputProblem(null, null, told.messageKey(), told.arguments()))
				: told.problems(), List.of()));
		try {
			progressTransaction.executeWithoutResult(s -> jdbc.sql("""
					UPDATE children.import_run SET status = 'FAILED', preview = CAST(:failure AS jsonb), failure = :message
					WHERE id = :id AND status IN ('RECEIVED', 'CHECKING', 'COMMITTING')""")
				.param("failure", problems)
				.param("message", message)
				.param("id", id).update());
		}
		catch (RuntimeException unrecorded) {
			log.warn("Import {}: could not record its failure ({}); it is given up later", id, unrecorded.toString());
		}
		return told;
	}
}
