/**
 * The web shell shared by all modules: locale, error pages and RFC 9457 problem details, form values, downloads.
 */
@org.springframework.modulith.NamedInterface("web")
package vn.vongtay.core.web;
