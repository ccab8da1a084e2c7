package vn.vongtay.indicators.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Every measure the code provides: those of the record sources, and the communes of a unit, which the units alone give.
 * A catalogue entry naming a measure no source provides (cases, until the casework source is plugged in) waits for
 * its source.
 */
@Component
public class Measures {

	public static final String COMMUNES = "COMMUNES";

	private final Map<String, Measure> byCode = new LinkedHashMap<>();

	Measures(List<RecordSource<?>> sources) {
		byCode.put(COMMUNES, new Measure(COMMUNES, Measure.Kind.COMMUNES, Measure.Privacy.NONE, List.of(), null, null, null, null));
		for (RecordSource<?> source : sources) {
			for (Measure m : source.measures()) {
				if (byCode.putIfAbsent(m.code(), m) != null) {
					throw new IllegalStateException("measure " + m.code() + " provided twice");
				}
			}
		}
	}

	public Optional<Measure> find(String code) {
		return Optional.ofNullable(code == null ? null : byCode.get(code));
	}

	public Collection<Measure> all() {
		return byCode.values();
	}
}
