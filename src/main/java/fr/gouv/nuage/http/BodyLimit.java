package fr.gouv.nuage.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request body is bounded before anything parses it: one that announces more than
 * {@code nuage.http.max-body} is refused at once (413), one that sends more than it may
 * (chunked, or beyond its announced length) is cut where it passes the limit, and one
 * that takes longer than {@code nuage.http.body-timeout} to arrive is cut too. The bytes
 * are counted as they pass, never copied. A multipart body is left to its own limits
 * ({@code spring.servlet.multipart}).
 */
class BodyLimit extends OncePerRequestFilter {

	/** The body passed the limit, or its time ran out, while it was read. */
	static final class Exceeded extends IOException {

		private static final long serialVersionUID = 1L;

		private final boolean tooSlow;

		Exceeded(String message, boolean tooSlow) {
			super(message);
			this.tooSlow = tooSlow;
		}

		boolean tooSlow() {
			return tooSlow;
		}

	}

	private final HttpSettings settings;

	private final ProblemWriter problems;

	BodyLimit(HttpSettings settings, ProblemWriter problems) {
		this.settings = settings;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType();
		if (type != null && type.regionMatches(true, 0, "multipart/", 0, 10)) {
			chain.doFilter(request, response);
			return;
		}
		long max = settings.maxBody().toBytes();
		if (request.getContentLengthLong() > max) {
			// Answered before a byte of the body is read; the connection is closed rather
			// than the rest swallowed.
			response.setHeader("Connection", "close");
			problems.write(request, response, Problems.tooLarge("body", tooLarge()));
			return;
		}
		chain.doFilter(new Bounded(request, max, System.nanoTime() + settings.bodyTimeout().toNanos()), response);
	}

	String tooLarge() {
		return "the body is above the " + settings.maxBodyShown() + " this server reads";
	}

	String tooSlow() {
		return "the body did not arrive within " + settings.bodyTimeout().toSeconds() + " s";
	}

	private final class Bounded extends HttpServletRequestWrapper {

		private final long max;

		private final long deadline;

		private ServletInputStream stream;

		Bounded(HttpServletRequest request, long max, long deadline) {
			super(request);
			this.max = max;
			this.deadline = deadline;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				stream = new Counted(super.getInputStream(), max, deadline);
			}
			return stream;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			String encoding = getCharacterEncoding();
			Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}

	}

	private final class Counted extends ServletInputStream {

		private final ServletInputStream in;

		private final long max;

		private final long deadline;

		private long count;

		Counted(ServletInputStream in, long max, long deadline) {
			this.in = in;
			this.max = max;
			this.deadline = deadline;
		}

		@Override
		public int read() throws IOException {
			check(0);
			int b = in.read();
			if (b >= 0) {
				check(1);
			}
			return b;
		}

		@Override
		public int read(byte[] bytes, int offset, int length) throws IOException {
			check(0);
			// At most one byte beyond the limit is asked for: enough to see it passed.
			int n = in.read(bytes, offset, (int) Math.min(length, max - count + 1));
			if (n > 0) {
				check(n);
			}
			return n;
		}

		private void check(int read) throws Exceeded {
			count += read;
			if (count > max) {
				throw new Exceeded(tooLarge(), false);
			}
			if (System.nanoTime() - deadline > 0) {
				throw new Exceeded(tooSlow(), true);
			}
		}

		@Override
		public boolean isFinished() {
			return in.isFinished();
		}

		@Override
		public boolean isReady() {
			return in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			in.setReadListener(listener);
		}

		@Override
		public int available() throws IOException {
			return in.available();
		}

		@Override
		public void close() throws IOException {
			in.close();
		}

	}

}
