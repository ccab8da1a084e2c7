package vn.vongtay.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The names plans give agencies against the names the directory keeps (issue 18, section 2: plan imports created
 * "Sở Y tế" beside "Sở Y tế tỉnh Cao Bằng" and two Phòng LĐTBXH of Tuần Giáo). Examples from the five seed plans.
 */
class AgencyNamesTests {

	@Test
	void theLocalityADocumentLeavesOffOrAbbreviatesDoesNotMakeAnotherAgency() {
		// seed 001 (Cao Bằng), seed 000 (Hồng Ngự), seed 002 (Bình Long)
		assertSame("Sở Y tế", "Tỉnh Cao Bằng", "Sở Y tế tỉnh Cao Bằng", "Tỉnh Cao Bằng");
		assertSame("Công an Huyện", "Huyện Hồng Ngự", "Công an huyện Hồng Ngự", "Huyện Hồng Ngự");
		assertSame("Trung tâm Y tế thị xã", "Thị xã Bình Long", "Trung tâm Y tế thị xã Bình Long", "Thị xã Bình Long");
		assertSame("Sở Lao động – Thương binh và Xã hội tỉnh", "Tỉnh Bình Phước",
				"Sở Lao động - Thương binh và Xã hội tỉnh Bình Phước", "Tỉnh Bình Phước");
	}

	@Test
	void punctuationAndTheUsualAbbreviationsAreTheSameName() {
		// seed 003 (Tuần Giáo) writes the labour office without its dash; seed 004 (Thọ Xuân) "Văn hoá - Thông tin"
		assertSame("Phòng Lao động Thương binh và Xã hội", "Huyện Tuần Giáo",
				"Phòng Lao động - Thương binh và Xã hội huyện Tuần Giáo", "Huyện Tuần Giáo");
		assertSame("Phòng Văn hoá - Thông tin", "Huyện Thọ Xuân", "Phòng Văn hóa và Thông tin huyện Thọ Xuân",
				"Huyện Thọ Xuân");
		assertSame("Ủy ban nhân dân huyện Hồng Ngự", "Huyện Hồng Ngự", "UBND huyện Hồng Ngự", "Huyện Hồng Ngự");
		assertSame("Ủy ban Mặt trận tổ quốc Việt Nam tỉnh Cao Bằng", "Tỉnh Cao Bằng",
				"Ủy ban MTTQ Việt Nam tỉnh Cao Bằng", "Tỉnh Cao Bằng");
		assertSame("Phòng LĐTBXH", "Huyện Tuần Giáo", "Phòng Lao động - Thương binh và Xã hội huyện Tuần Giáo",
				"Huyện Tuần Giáo");
		// "Thị đoàn", "Huyện đoàn" are what the youth union of a town or district is called
		assertSame("Huyện đoàn", "Huyện Thọ Xuân", "Đoàn TNCS Hồ Chí Minh huyện Thọ Xuân", "Huyện Thọ Xuân");
		assertSame("Thị đoàn", "Thị xã Bình Long", "Đoàn TNCS Hồ Chí Minh thị xã Bình Long", "Thị xã Bình Long");
	}

	@Test
	void differentBodiesStayDifferent() {
		assertDifferent("Trung tâm Văn hoá Thông tin - TT&DL", "Phòng Văn hóa và Thông tin huyện Thọ Xuân",
				"Huyện Thọ Xuân");
		assertDifferent("Phòng Y tế", "Trung tâm Y tế huyện Tuần Giáo", "Huyện Tuần Giáo");
		assertDifferent("Công an cấp xã", "Công an huyện Tuần Giáo", "Huyện Tuần Giáo");
		assertDifferent("Sở Lao động - Thương binh và Xã hội", "Sở Y tế tỉnh Cao Bằng", "Tỉnh Cao Bằng");
	}

	private static void assertSame(String documentName, String documentUnit, String directoryName,
			String directoryUnit) {
		assertThat(AgencyNames.core(documentName, documentUnit)).as(documentName + " / " + directoryName)
			.isEqualTo(AgencyNames.core(directoryName, directoryUnit));
	}

	private static void assertDifferent(String documentName, String directoryName, String unit) {
		assertThat(AgencyNames.core(documentName, unit)).as(documentName + " / " + directoryName)
			.isNotEqualTo(AgencyNames.core(directoryName, unit));
	}
}
