package vn.vongtay.children;

/** Who paid for a support: the state budget, the child-protection fund (Quỹ Bảo trợ trẻ em), a donor. */
public enum SupportSource {
	STATE_BUDGET, CHILD_PROTECTION_FUND, DONOR, OTHER
}
