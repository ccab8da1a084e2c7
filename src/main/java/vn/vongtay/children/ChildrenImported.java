package vn.vongtay.children;

/** The accepted rows of a register file were registered at once (one event for the file, not one per child). */
public record ChildrenImported(long importId, int registered) {
}
