/**
 * The embedded PostgreSQL an office runs on one computer: its server, its backups and their restore
 * (docs/decisions/0010-embedded-database.md).
 */
@org.springframework.modulith.NamedInterface("database")
package vn.vongtay.core.database;
