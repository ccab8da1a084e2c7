/**
 * Prostitution prevention (Pháp lệnh 10/2003, Nghị định 178/2004, the Thọ Xuân 2024 plan): prone establishments,
 * interagency inspection teams and their inspections with violations under the sanctions decree in force, tip-offs
 * taken from receipt to handling, pseudonymous support-service records of people who sell sex, and the yearly figures the
 * plans set targets for.
 *
 * <p>Who may do what is decided in {@link vn.vongtay.prostitution.ProstitutionRoles}.
 */
package vn.vongtay.prostitution;
