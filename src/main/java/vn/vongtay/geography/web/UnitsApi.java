package vn.vongtay.geography.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.Successor;
import vn.vongtay.geography.Units;

/** Administrative units as of a date: reference data, readable by every signed-in caller. */
@RestController
@RequestMapping("/api/v1/units")
@Tag(name = "Đơn vị hành chính / Administrative units")
class UnitsApi {

	private final Units units;

	UnitsApi(Units units) {
		this.units = units;
	}

	@GetMapping
	@Operation(summary = "Units directly under a unit on a date (the provinces when no parent is given)")
	List<UnitView> children(@RequestParam(required = false) String parent,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		LocalDate date = asOf == null ? units.today() : asOf;
		AdministrativeUnit parentUnit = parent == null || parent.isBlank() ? units.nation() : units.byCode(parent, date);
		return units.childrenOf(parentUnit.id(), date).stream().map(UnitView::of).toList();
	}

	@GetMapping("/{code}")
	@Operation(summary = "The unit that had this code on a date")
	UnitView one(@PathVariable String code,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		return UnitView.of(units.byCode(code, asOf == null ? units.today() : asOf));
	}

	@GetMapping("/{code}/successors")
	@Operation(summary = "The units that continue an abolished unit, each FULL or PARTIAL")
	List<SuccessorView> successors(@PathVariable String code) {
		return units.successorsOf(code).stream().map(SuccessorView::of).toList();
	}

	record UnitView(String code, String name, String fullName, String level, String parentCode, LocalDate validFrom,
			LocalDate validTo) {

		static UnitView of(AdministrativeUnit unit) {
			return new UnitView(unit.code(), unit.name(), unit.fullName(), unit.level().name(), unit.parentCode(),
					unit.validFrom(), unit.validTo());
		}
	}

	record SuccessorView(String code, String name, String fullName, String kind, LocalDate validFrom) {

		static SuccessorView of(Successor successor) {
			AdministrativeUnit unit = successor.unit();
			return new SuccessorView(unit.code(), unit.name(), unit.fullName(), successor.kind().name().toLowerCase(),
					unit.validFrom());
		}
	}
}
