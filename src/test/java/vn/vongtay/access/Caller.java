package vn.vongtay.access;

import java.util.Arrays;

/**
 * Who tries each route: nobody signed in, and every account of the README's demo table. {@code xa.b} is the officer of
 * a foreign commune: the records the matrix tries belong to Xã Tuần Giáo (xa.a's), so xa.b must reach none of them.
 * The column is the short name the matrix file uses.
 */
enum Caller {

	ANONYMOUS("anon", null),
	ADMIN("admin", "admin"),
	PROVINCE("tinh", "tinh.dienbien"),
	DISTRICT("huyen", "huyen.hongngu"),
	COMMUNE("xa.a", "xa.a"),
	FOREIGN_COMMUNE("xa.b", "xa.b"),
	CHAIRMAN("chutich", "chutich.a"),
	CASE_WORKER("cb", "cb.a"),
	COLLABORATOR("ctv", "ctv.a"),
	HOTLINE("111", "tongdai111"),
	VIEWER("lanhdao", "lanhdao.dienbien"),
	INSPECTOR("thanhtra", "thanhtra.thoxuan"),
	DISTRICT_AGENCY("ldtbxh", "ldtbxh.thoxuan"),
	POLICE("congan", "congan.tuangiao"),
	HEALTH_DEPARTMENT("soyte", "soyte.caobang");

	final String column;
	final String username;

	Caller(String column, String username) {
		this.column = column;
		this.username = username;
	}

	boolean signedIn() {
		return username != null;
	}

	static Caller ofColumn(String column) {
		return Arrays.stream(values()).filter(c -> c.column.equals(column)).findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no caller with column " + column));
	}
}
