package vn.vongtay.casework;

/** How far a criterion of the review is met (Mẫu 06: cao, trung bình, thấp). */
public enum Rating {
	HIGH, MEDIUM, LOW
}
