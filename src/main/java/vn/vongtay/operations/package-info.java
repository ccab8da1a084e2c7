/**
 * Running Vòng Tay in an office: the embedded database's backups (nightly, kept, shown to the system administrator).
 * A module of its own because it reads the database layer of {@code core} and the roles of {@code identity}, which
 * {@code core} may not depend on (docs/decisions/0010-embedded-database.md).
 */
package vn.vongtay.operations;
