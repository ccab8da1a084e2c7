package vn.vongtay.access;

import java.util.Set;
import java.util.TreeSet;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;
import vn.vongtay.access.AccessMatrix.Route;

/** Every route the application answers: each operation of its OpenAPI document and each handler method's mapping. */
final class Routes {

	private static final Set<String> HTTP_METHODS = Set.of("get", "post", "put", "delete", "patch");

	private Routes() {
	}

	/** The operations of the OpenAPI document ({@code /v3/api-docs}). */
	static Set<Route> documented(JsonNode openApi) {
		Set<Route> routes = new TreeSet<>();
		openApi.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
			if (HTTP_METHODS.contains(operation.getKey())) {
				routes.add(new Route(operation.getKey().toUpperCase(), path.getKey()));
			}
		}));
		return routes;
	}

	/**
	 * The mappings of every handler method, a pattern's variables without their constraints ({@code {year:\d+}} is
	 * {@code {year}}, as OpenAPI writes it); a mapping for any method is tried as GET, the way a browser asks.
	 */
	static Set<Route> mapped(RequestMappingHandlerMapping mapping) {
		Set<Route> routes = new TreeSet<>();
		for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				String path = pattern.replaceAll("\\{([A-Za-z0-9_]+):[^}]*}", "{$1}");
				if (methods.isEmpty()) {
					routes.add(new Route("GET", path));
				}
				methods.forEach(method -> routes.add(new Route(method.name(), path)));
			}
		}
		return routes;
	}
}
