package vn.vongtay.core.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.MethodParameter;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import vn.vongtay.core.UserFacingException;

/**
 * Refuses the NUL character (U+0000) wherever a request carries text, before any module reads it: no text field can
 * hold it (PostgreSQL refuses it in {@code text}), it is never typed on purpose (it comes from text copied out of
 * another program), and letting it through turned a search or a form into a server error. Query and form parameters,
 * multipart text fields and path variables are checked before the handler runs; a body read by a message converter
 * (JSON, text) as it is read, a JSON escape {@code \u0000} included. The answer is a 400 with the message in Vietnamese
 * and English (a problem detail for the API, the error page for people); nothing is stored.
 */
@ControllerAdvice
class NulCharacters extends RequestBodyAdviceAdapter implements HandlerInterceptor, WebMvcConfigurer {

	static final String MESSAGE = "error.nul-character";

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			refuseIfNul(parameter.getKey());
			for (String value : parameter.getValue()) {
				refuseIfNul(value);
			}
		}
		if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
			for (Object value : variables.values()) {
				refuseIfNul(value == null ? null : value.toString());
			}
		}
		return true;
	}

	private static void refuseIfNul(String text) {
		if (text != null && text.indexOf('\0') >= 0) {
			throw UserFacingException.invalid(MESSAGE);
		}
	}

	// --- bodies read by message converters ---

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		// bytes and resources are files, not text
		return !(targetType instanceof Class<?> type && (type == byte[].class || Resource.class.isAssignableFrom(type)
				|| InputStream.class.isAssignableFrom(type)));
	}

	@Override
	public HttpInputMessage beforeBodyRead(HttpInputMessage message, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
		MediaType type = message.getHeaders().getContentType();
		boolean json = type != null && (type.isCompatibleWith(MediaType.APPLICATION_JSON)
				|| type.getSubtype().endsWith("+json"));
		boolean text = json || type == null || "text".equals(type.getType())
				|| type.isCompatibleWith(MediaType.APPLICATION_FORM_URLENCODED)
				|| type.getSubtype().contains("xml") || type.getSubtype().contains("yaml");
		if (!text) {
			return message;
		}
		byte[] body = message.getBody().readAllBytes();
		if (holdsNul(body, json)) {
			throw UserFacingException.invalid(MESSAGE);
		}
		HttpHeaders headers = message.getHeaders();
		return new HttpInputMessage() {

			@Override
			public InputStream getBody() {
				return new ByteArrayInputStream(body);
			}

			@Override
			public HttpHeaders getHeaders() {
				return headers;
			}
		};
	}

	/**
	 * A NUL byte (no other UTF-8 sequence holds one), or in JSON its escape {@code \u0000}; an escaped backslash
	 * followed by "u0000" is text and passes.
	 */
	static boolean holdsNul(byte[] body, boolean json) {
		for (int i = 0; i < body.length; i++) {
			byte b = body[i];
			if (b == 0) {
				return true;
			}
			if (json && b == '\\' && i + 1 < body.length) {
				if (body[i + 1] == 'u' && i + 5 < body.length && body[i + 2] == '0' && body[i + 3] == '0'
						&& body[i + 4] == '0' && body[i + 5] == '0') {
					return true;
				}
				i++; // the escaped character is not the start of another escape
			}
		}
		return false;
	}
}
