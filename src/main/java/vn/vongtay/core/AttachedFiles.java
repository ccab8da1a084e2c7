package vn.vongtay.core;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Files offices attach as evidence or material (a scanned minute, a photo, a report in Word or Excel): which kinds are
 * accepted, how large they may be, and the fingerprint kept with them.
 */
public final class AttachedFiles {

	public static final Set<String> DOCUMENT_TYPES = Set.of("pdf", "jpg", "jpeg", "png", "gif", "webp", "doc", "docx",
			"xls", "xlsx", "odt", "ods");

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
		String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
		if (!DOCUMENT_TYPES.contains(extension)) {
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
	 * module's own table of files.
	 */
	public static org.springframework.jdbc.core.simple.JdbcClient.StatementSpec bind(
			org.springframework.jdbc.core.simple.JdbcClient.StatementSpec statement, String fileName, String contentType,
			byte[] content) {
		return statement.param("name", VietnameseText.clean(fileName))
			.param("type", contentType == null ? "application/octet-stream" : contentType)
			.param("size", content.length)
			.param("sha", sha256(content))
			.param("content", content);
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
