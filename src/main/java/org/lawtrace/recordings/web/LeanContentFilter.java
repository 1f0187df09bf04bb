package org.lawtrace.recordings.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import org.lawtrace.recordings.ContentPasses;
import org.lawtrace.recordings.RecordingId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Playback at file-server speed (issue 16, ADR 0028): a player's Range requests on the pages' content route
 * ({@code /recordings/{id}/content}) from a session that was let play that recording moments ago on the whole path
 * (session loaded from the database, Spring Security, the access decision: {@link RecordingContent#servePage}) are
 * served here, before the session is loaded, for what is left of that kept decision ({@link ContentPasses}, a few
 * seconds, never beyond a narrowing or a sign-out). Everything else, and every request this filter cannot answer
 * from memory, goes the whole way as before, so refusals are decided and logged there. The viewing is logged as on
 * the whole path ({@code PlaybackViewings}).
 */
final class LeanContentFilter implements Filter {

	private static final Pattern CONTENT = Pattern
		.compile("/recordings/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})/content");

	private final ContentPasses passes;
	private final RecordingContent content;
	private final String sessionCookie;

	LeanContentFilter(ContentPasses passes, RecordingContent content, String sessionCookie) {
		this.passes = passes;
		this.content = content;
		this.sessionCookie = sessionCookie;
	}

	@Override
	public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
			throws IOException, ServletException {
		var request = (HttpServletRequest) req;
		var kept = kept(request);
		if (kept == null) {
			chain.doFilter(req, res);
			return;
		}
		var response = (HttpServletResponse) res;
		try {
			content.serveKept(kept, request, response);
		}
		catch (RuntimeException e) {
			if (response.isCommitted()) {
				throw e;
			}
			// a blob gone missing, a store that fails: answered, and logged, as the whole path answers it
			response.reset();
			chain.doFilter(req, res);
		}
	}

	private ContentPasses.@org.jspecify.annotations.Nullable Kept kept(HttpServletRequest request) {
		var method = request.getMethod();
		if (!"GET".equals(method) && !"HEAD".equals(method) || request.getHeader("Authorization") != null
				|| request.getQueryString() != null) {
			return null;
		}
		var path = request.getRequestURI().substring(request.getContextPath().length());
		var matcher = CONTENT.matcher(path);
		if (!matcher.matches()) {
			return null;
		}
		var cookie = RecordingContent.cookie(request, sessionCookie);
		if (cookie == null) {
			return null;
		}
		return passes.keptForSession(new RecordingId(UUID.fromString(matcher.group(1))),
				RecordingContent.sessionDigest(cookie));
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		/**
		 * Ahead of the session's filter (Spring Session's is at {@code HIGHEST_PRECEDENCE + 50}), so none is loaded,
		 * and of the HTTP observation filter ({@code HIGHEST_PRECEDENCE + 1}), which starts and records an observation
		 * per request: ranges served here are counted by {@code lawtrace.playback.requests} and
		 * {@code lawtrace.playback.bytes} instead of {@code http.server.requests}.
		 */
		@Bean
		FilterRegistrationBean<LeanContentFilter> leanContentFilter(ContentPasses passes, RecordingContent content,
				@Value("${server.servlet.session.cookie.name:JSESSIONID}") String sessionCookie) {
			var registration = new FilterRegistrationBean<>(new LeanContentFilter(passes, content, sessionCookie));
			registration.addUrlPatterns("/recordings/*");
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}

		/**
		 * A whole file is digested as it streams (ADR 0010), so it passes through the connector's write buffer:
		 * Tomcat's 8 KiB default makes a system call per 8 KiB; this many bytes a write instead (per connection).
		 */
		@Bean
		org.springframework.boot.tomcat.TomcatConnectorCustomizer playbackWriteBuffer(
				@Value("${lawtrace.playback.socket-write-buffer:65536}") int bytes) {
			return connector -> connector.setProperty("socket.appWriteBufSize", Integer.toString(bytes));
		}
	}
}
