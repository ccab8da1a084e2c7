package vn.vongtay.core;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Files offices attach as evidence or material (a scanned minute, a photo, a report in Word or Excel): which kinds are
 * accepted, how large they may be, and the fingerprint kept with them.
 */
public final class AttachedFiles {

	/** The accepted kinds, by file name extension, with the media type each is kept and served as. */
	private static final Map<String, String> MEDIA_TYPES = Map.ofEntries(Map.entry("pdf", "application/pdf"),
			Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("png", "image/png"),
			Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("doc", "application/msword"),
			Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
			Map.entry("xls", "application/vnd.ms-excel"),
			Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
			Map.entry("odt", "application/vnd.oasis.opendocument.text"),
			Map.entry("ods", "application/vnd.oasis.opendocument.spreadsheet"));

	public static final Set<String> DOCUMENT_TYPES = MEDIA_TYPES.keySet();

	private static final String UNKNOWN = "application/octet-stream";

	public static final long MAX_BYTES = 20L * 1024 * 1024;

	private AttachedFiles() {
	}

	/**
	 * What keeps a file out, or empty when it may be kept.
	 *
	 * @param typeKey the message for a refused kind (arguments: file name, accepted kinds)
	 * @param sizeKey the message for a file too large (arguments: file name, the limit in MB)
	 */
	public static Optional<InputProblem> problem(String field, String fileName, byte[] content, String typeKey,
			String sizeKey) {
		String name = fileName == null ? "" : fileName;
		if (!DOCUMENT_TYPES.contains(extension(name))) {
			List<String> accepted = DOCUMENT_TYPES.stream().sorted().toList();
			return Optional.of(InputProblem.field(field, typeKey, name, String.join(", ", accepted)));
		}
		if (content == null || content.length == 0) {
			return Optional.of(InputProblem.field(field, "error.file.empty"));
		}
		if (content.length > MAX_BYTES) {
			return Optional.of(InputProblem.field(field, sizeKey, name, String.valueOf(MAX_BYTES / 1024 / 1024)));
		}
		return Optional.empty();
	}

	/**
	 * Binds {@code :name}, {@code :type}, {@code :size}, {@code :sha} and {@code :content} of an attached file, for the
	 * module's own table of files. The type is the one its checked name gives: what a browser claims is not trusted,
	 * and a claim that is no media type at all would break every later download.
	 */
	public static org.springframework.jdbc.core.simple.JdbcClient.StatementSpec bind(
			org.springframework.jdbc.core.simple.JdbcClient.StatementSpec statement, String fileName, byte[] content) {
		return statement.param("name", VietnameseText.clean(fileName))
			.param("type", mediaType(fileName))
			.param("size", content.length)
			.param("sha", sha256(content))
			.param("content", content);
	}

	/**
	 * The media type a file is served as, from its name: files kept before types were derived from names may carry
	 * whatever the browser sent, which is never read back.
	 */
	public static String mediaType(String fileName) {
		return MEDIA_TYPES.getOrDefault(extension(fileName == null ? "" : fileName), UNKNOWN);
	}

	private static String extension(String name) {
		return name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
	}

	/** The SHA-256 of the content in hexadecimal, kept to show that a file was not changed since it was attached. */
	public static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
