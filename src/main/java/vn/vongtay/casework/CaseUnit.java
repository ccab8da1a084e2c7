package vn.vongtay.casework;

import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.UnitLevel;

/**
 * The unit responsible for a case: a commune, or a province when nobody knew the commune (its officers then transfer
 * the case), with the province code every row carries.
 */
record CaseUnit(long id, String code, String provinceCode, boolean provinceOnly) {

	static CaseUnit of(AdministrativeUnit unit) {
		return new CaseUnit(unit.id(), unit.code(), unit.provinceCode(), unit.level() == UnitLevel.PROVINCE);
	}
}
