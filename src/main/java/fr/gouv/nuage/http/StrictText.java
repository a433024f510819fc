package fr.gouv.nuage.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;

import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotWritableException;

/**
 * A body a handler takes as text ({@code @RequestBody String}: an assessment the engine
 * reads, a declaration in YAML), read in one array of its length and decoded strictly
 * ({@link Utf8}). Writing is left to Spring's own converter.
 */
class StrictText extends AbstractHttpMessageConverter<String> {

	StrictText() {
		super(MediaType.ALL);
	}

	@Override
	protected boolean supports(Class<?> type) {
		return type == String.class;
	}

	@Override
	protected boolean canWrite(MediaType mediaType) {
		return false;
	}

	@Override
	protected String readInternal(Class<? extends String> type, HttpInputMessage input) throws IOException {
		MediaType contentType = input.getHeaders().getContentType();
		Charset charset = contentType == null ? null : contentType.getCharset();
		return Utf8.decode(bytes(input.getBody(), input.getHeaders().getContentLength()), charset);
	}

	/** A body's bytes, in one array when its length is announced. */
	static byte[] bytes(InputStream in, long length) throws IOException {
		if (length < 0 || length > Integer.MAX_VALUE - 16) {
			return in.readAllBytes();
		}
		byte[] bytes = new byte[(int) length];
		int read = 0;
		while (read < bytes.length) {
			int n = in.read(bytes, read, bytes.length - read);
			if (n < 0) {
				return java.util.Arrays.copyOf(bytes, read);
			}
			read += n;
		}
		return bytes;
	}

	@Override
	protected void writeInternal(String text, HttpOutputMessage output) {
		throw new HttpMessageNotWritableException("StrictText only reads");
	}

}
