package vn.vongtay.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import vn.vongtay.core.OfficialDocument.Column;
import vn.vongtay.core.OfficialDocument.Field;
import vn.vongtay.core.OfficialDocument.Signature;

/**
 * Complete sample documents built with {@link OfficialDocument}, for tests and for a person to open: a blank Mẫu số
 * 01 of Nghị định 56/2017 (docs/reference/nd56-forms.md) and a half-year report with an annex table. Run
 * {@link #main} (or the tests) to write them to target/official-documents.
 */
public final class OfficialDocumentSamples {

	private OfficialDocumentSamples() {
	}

	/** Mẫu số 01, blank, as a commune office prints it to take a report by hand (fields in the order of the form). */
	public static OfficialDocument blankIntakeReport() {
		return OfficialDocument.create()
			.formLayout()
			.issuingBody("ỦY BAN NHÂN DÂN\nXÃ TUẦN GIÁO")
			.numberToFill("BC-UBND")
			.datedToFill("Tuần Giáo")
			.kind("BÁO CÁO")
			.summary("TIẾP NHẬN THÔNG TIN TRẺ EM .......... (4)")
			.heading("A. Thông tin chung")
			.heading("1. Nguồn nhận thông tin")
			.field("Thông qua (điện thoại/gặp trực tiếp/người khác báo):", null)
			.fields(Field.blank("Thời gian (mấy giờ)"), Field.blank("Ngày"), Field.blank("tháng"), Field.blank("năm"))
			.heading("2. Thông tin về trẻ em")
			.field("Họ và tên trẻ em (5)", null)
			.fields(Field.blank("Ngày tháng năm sinh (5)"), Field.blank("hoặc ước lượng tuổi"))
			.choices("Giới tính (5):", List.of("Nam", "Nữ", "Không biết"), Set.of())
			.field("Địa điểm xảy ra vụ việc", null)
			.dottedLines(1)
			.field("Tình trạng hiện tại của trẻ em: (6)", null)
			.dottedLines(2)
			.field("Phỏng đoán hậu quả có thể sẽ xảy ra cho trẻ em nếu không có được hỗ trợ, can thiệp?", null)
			.dottedLines(1)
			.fields(Field.blank("Họ và tên cha: (5)"), Field.blank("Tuổi"), Field.blank("Nghề nghiệp"))
			.fields(Field.blank("Họ và tên mẹ: (5)"), Field.blank("Tuổi"), Field.blank("Nghề nghiệp"))
			.field("Hoàn cảnh gia đình: (5)", null)
			.dottedLines(1)
			.field("Hiện ai là người chăm sóc trẻ em (nếu biết)", null)
			.field("Những hành động hỗ trợ, can thiệp đã thực hiện đối với trẻ em trước khi nhận được thông tin:", null)
			.dottedLines(1)
			.heading("3. Thông tin về người cung cấp thông tin (nếu đồng ý cung cấp)")
			.field("Họ và tên", null)
			.fields(Field.blank("Số điện thoại"), Field.blank("Địa chỉ"))
			.field("Ghi thêm", null)
			.signatures(null, Signature.toSign("Cán bộ tiếp nhận thông tin", "(Ký, ghi rõ họ tên)"))
			.note("Ghi chú:")
			.note("(1) Tên cơ quan tiếp nhận thông tin.")
			.note("(2) Chữ viết tắt tên cơ quan tiếp nhận thông tin.")
			.note("(3) Địa danh.")
			.note("(4) Trẻ em thuộc đối tượng: bị xâm hại/có nguy cơ bị bạo lực/bóc lột/bỏ rơi hoặc trẻ em có hoàn"
					+ " cảnh đặc biệt.")
			.note("(5) Cán bộ ghi thông tin nếu biết.")
			.note("(6) Tình trạng hiện tại của trẻ em.");
	}

	/** A half-year report of a commune with a long annex table, the shape the reporting module produces. */
	public static OfficialDocument halfYearReport(int annexRows) {
		List<List<?>> rows = new java.util.ArrayList<>();
		for (int i = 1; i <= annexRows; i++) {
			rows.add(List.of(i, "Thôn " + i, 100 + i * 7, i % 5, LocalDate.of(2026, 6, 30)));
		}
		return OfficialDocument.create()
			.superiorBody("UBND tỉnh Điện Biên")
			.issuingBody("ỦY BAN NHÂN DÂN\nXÃ TUẦN GIÁO")
			.number("12/BC-UBND")
			.dated("Tuần Giáo", LocalDate.of(2026, 7, 2))
			.kind("Báo cáo")
			.summary("Kết quả thực hiện công tác bảo vệ trẻ em 6 tháng đầu năm 2026")
			.addressedTo("Ủy ban nhân dân tỉnh Điện Biên")
			.heading("I. KẾT QUẢ THỰC HIỆN")
			.heading("1. Công tác truyền thông")
			.paragraph("Ủy ban nhân dân xã đã tổ chức 12 buổi truyền thông về phòng, chống xâm hại trẻ em tại các"
					+ " thôn, với 15.988 lượt người tham dự; phối hợp với trường học lồng ghép nội dung kỹ năng tự bảo"
					+ " vệ vào các hoạt động ngoại khóa.")
			.subheading("a) Đối với trẻ em có hoàn cảnh đặc biệt")
			.bullets(List.of("Rà soát, cập nhật danh sách trẻ em có hoàn cảnh đặc biệt hằng tháng;",
					"Hỗ trợ 118 trẻ em có hoàn cảnh đặc biệt."))
			.heading("2. Số liệu theo thôn")
			.table(List.of(Column.centred("STT", 12), Column.text("Thôn", 50), Column.number("Số trẻ em", 25),
					Column.number("Trẻ em có HCĐB", 25), Column.centred("Ngày chốt", 25)), rows)
			.heading("II. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM")
			.paragraph("Tiếp tục triển khai Kế hoạch số 715/KH-UBND ngày 29/3/2022 của Ủy ban nhân dân tỉnh.")
			.closing(List.of("UBND tỉnh Điện Biên (b/c)", "Sở Y tế tỉnh Điện Biên", "Thường trực Đảng ủy xã"),
					null, Signature.of("TM. Ủy ban nhân dân", "Chủ tịch", "Lò Văn Minh"));
	}

	public static void main(String[] args) throws IOException {
		Path folder = Path.of(args.length > 0 ? args[0] : "target/official-documents");
		Files.createDirectories(folder);
		Files.write(folder.resolve("mau-01-bao-cao-tiep-nhan-thong-tin-trong.docx"), blankIntakeReport().toBytes());
		Files.write(folder.resolve("bao-cao-6-thang-mau.docx"), halfYearReport(60).toBytes());
		System.out.println("Written to " + folder.toAbsolutePath());
	}
}
