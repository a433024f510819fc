package fr.gouv.nuage.http;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A step of the API that takes no body refuses one, rather than ignore it: a handler of a
 * {@code @RestController} that declares no {@code @RequestBody}, no part and no request
 * of its own answers 400 to a body that is more than blanks or an empty JSON object
 * ({@code {}}, what {@link Body#empty} also takes).
 */
class NoBody implements HandlerInterceptor {

	/**
	 * Read at most this much to tell an empty body from one: the refusal needs no more.
	 */
	private static final int LOOK = 64;

	private static final List<String> STEPS = List.of("POST", "PUT", "PATCH", "DELETE");

	/**
	 * Whether each handler takes a body, found once: its parameters do not change between
	 * requests.
	 */
	private final Map<Method, Boolean> takesBody = new ConcurrentHashMap<>();

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws IOException {
		if (!(handler instanceof HandlerMethod method) || !mayCarryBody(request)
				|| takesBody.computeIfAbsent(method.getMethod(), m -> takesBody(method))) {
			return true;
		}
		InputStream in = request.getInputStream();
		byte[] start = in.readNBytes(LOOK);
		String text = new String(start, java.nio.charset.StandardCharsets.ISO_8859_1).strip();
		if (text.isEmpty() || (start.length < LOOK && text.replaceAll("\\s", "").equals("{}"))) {
			return true;
		}
		throw Body.refused("body", "this request takes no body; send it without one");
	}

	private static boolean mayCarryBody(HttpServletRequest request) {
		return STEPS.contains(request.getMethod())
				&& (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null);
	}

	private static boolean takesBody(HandlerMethod method) {
		if (!AnnotatedElementUtils.hasAnnotation(method.getBeanType(), RestController.class)) {
			return true;
		}
		return Arrays.stream(method.getMethodParameters())
			.anyMatch(parameter -> parameter.hasParameterAnnotation(RequestBody.class)
					|| parameter.hasParameterAnnotation(RequestPart.class)
					|| ServletRequest.class.isAssignableFrom(parameter.getParameterType())
					|| MultipartFile.class.isAssignableFrom(parameter.getParameterType())
					|| List.class.isAssignableFrom(parameter.getParameterType())
							&& parameter.getGenericParameterType().getTypeName().contains("MultipartFile"));
	}

}
