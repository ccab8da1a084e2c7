package vn.vongtay.prostitution;

/** Tin báo (a tip), tố giác (a denunciation of a named wrongdoer), phản ánh (a complaint about a situation). */
public enum TipOffKind {
	TIP, DENUNCIATION, COMPLAINT
}
