package vn.vongtay.core.database;

import java.text.MessageFormat;
import java.util.Locale;

/**
 * The database could not be opened, or brought to this version, for a reason the person starting the application can
 * act on. It carries
 * one message in Vietnamese and in English (the message bundles are not loaded yet when the database starts), which
 * {@link DatabaseFailureAnalyzer} prints instead of a stack trace.
 */
public class DatabaseStartFailure extends RuntimeException {

	/** Why, each with what to do about it. */
	public enum Reason {
		IN_USE("Thư mục dữ liệu {0} đang được một phiên Vòng Tay khác sử dụng. Hãy dùng phiên đang chạy, hoặc tắt nó rồi khởi động lại.",
				"The data folder {0} is in use by another running Vòng Tay. Use the one that is running, or stop it and start again."),
		OTHER_VERSION("Thư mục dữ liệu {0} được tạo bởi PostgreSQL {1}, còn phiên bản Vòng Tay này dùng PostgreSQL {2}. Hãy chạy phiên bản Vòng Tay đã tạo thư mục này, hoặc khôi phục một bản sao lưu vào một thư mục trống.",
				"The data folder {0} was made by PostgreSQL {1}, and this version of Vòng Tay runs PostgreSQL {2}. Run the version of Vòng Tay that made the folder, or restore a backup into an empty folder."),
		DISK_FULL("Ổ đĩa chứa thư mục dữ liệu {0} đã đầy (còn trống {1}, cần ít nhất {2}). Hãy giải phóng dung lượng trên ổ đĩa này (ví dụ chuyển các bản sao lưu cũ sang ổ khác) rồi khởi động lại.",
				"The disk holding the data folder {0} is full ({1} free, at least {2} needed). Free space on that disk (for example, move old backups to another disk) and start again."),
		NOT_WRITABLE("Không ghi được vào thư mục dữ liệu {0}: tài khoản đang chạy Vòng Tay không có quyền ghi, hoặc thư mục thuộc về tài khoản khác. Hãy chạy Vòng Tay bằng tài khoản sở hữu thư mục, hoặc cấp cho tài khoản này quyền ghi vào thư mục.",
				"Cannot write to the data folder {0}: the account running Vòng Tay may not write there, or the folder belongs to another account. Run Vòng Tay as the account that owns the folder, or give this account write permission on it."),
		NOT_A_DATA_FOLDER("Thư mục {0} đã có các tệp khác nhưng không phải là thư mục dữ liệu của Vòng Tay. Hãy chọn một thư mục trống (VONGTAY_DATA_DIR) hoặc thư mục dữ liệu đã dùng trước đây.",
				"The folder {0} holds other files and is not a Vòng Tay data folder. Choose an empty folder (VONGTAY_DATA_DIR) or the data folder used before."),
		NO_CREDENTIALS("Thư mục dữ liệu {0} thiếu tệp mật khẩu {1}, nên không mở được cơ sở dữ liệu. Hãy chép lại tệp này từ bản sao lưu gần nhất, hoặc khôi phục bản sao lưu vào một thư mục trống.",
				"The data folder {0} lacks its password file {1}, so the database cannot be opened. Copy that file back from the latest backup, or restore the backup into an empty folder."),
		PORT_IN_USE("Cổng {1} mà cơ sở dữ liệu cần đang bị một chương trình khác dùng. Hãy bỏ cài đặt vongtay.embedded-postgres.port để tự chọn cổng trống, hoặc chọn cổng khác.",
				"The port {1} the database needs is used by another program. Remove the setting vongtay.embedded-postgres.port to pick a free port, or choose another one."),
		FAILED("Máy chủ cơ sở dữ liệu không khởi động được ({1}). Nhật ký của nó ở {2}.",
				"The database server did not start ({1}). Its log is at {2}."),
		NEWER_DATA("Cơ sở dữ liệu đã được một phiên bản Vòng Tay mới hơn nâng cấp (thay đổi {0} \"{1}\", phiên bản này chỉ biết đến {2}). Hãy chạy phiên bản Vòng Tay mới hơn đó, hoặc khôi phục một bản sao lưu do phiên bản này tạo ra.",
				"The database was upgraded by a newer version of Vòng Tay (change {0} \"{1}\"; this version knows changes up to {2}). Run that newer version, or restore a backup made by this one."),
		MIGRATION_FAILED("Không nâng cấp được cơ sở dữ liệu lên phiên bản này: {0} ({1}). Không thay đổi nào được ghi, dữ liệu vẫn như trước khi nâng cấp và phiên bản Vòng Tay trước đó vẫn chạy được với nó. Hãy gửi thông báo này cho bộ phận hỗ trợ.",
				"The database could not be upgraded to this version: {0} ({1}). No change was written: the data is as it was before, and the previous version of Vòng Tay still runs on it. Send this message to your support.");

		private final String vietnamese;
		private final String english;

		Reason(String vietnamese, String english) {
			this.vietnamese = vietnamese;
			this.english = english;
		}
	}

	private final Reason reason;
	private final String vietnamese;
	private final String english;

	public DatabaseStartFailure(Reason reason, Object... arguments) {
		this(reason, null, arguments);
	}

	public DatabaseStartFailure(Reason reason, Throwable cause, Object... arguments) {
		super(format(reason.english, arguments), cause);
		this.reason = reason;
		this.vietnamese = format(reason.vietnamese, arguments);
		this.english = format(reason.english, arguments);
	}

	public Reason reason() {
		return reason;
	}

	public String vietnamese() {
		return vietnamese;
	}

	public String english() {
		return english;
	}

	/** Both languages, Vietnamese first: what a log line or a console shows. */
	public String bothLanguages() {
		return vietnamese + "\n" + english;
	}

	private static String format(String pattern, Object... arguments) {
		return new MessageFormat(pattern.replace("'", "''"), Locale.ROOT).format(arguments);
	}
}
