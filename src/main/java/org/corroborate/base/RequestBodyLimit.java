package org.corroborate.base;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bounds what an API request body may put into memory. A body that says it is larger than
 * {@code workbench.api.max-body-size} is refused with 413 before a byte is read; a body of unknown
 * length (chunked) is counted while it is read where it is needed (after authentication), never
 * read ahead, and refused with 413 as soon as it goes beyond. Multipart bodies
 * are bounded by the servlet container as they arrive (parts beyond a threshold go to disk), and a
 * corpus import reads its body through its own, larger, bound.
 */
@Configuration(proxyBeanMethods = false)
class RequestBodyLimit {

    @Bean
    FilterRegistrationBean<BodyLimitFilter> requestBodyLimitFilter(WorkbenchProperties properties, JsonMapper json) {
        var registration = new FilterRegistrationBean<>(new BodyLimitFilter(
                properties.api().maxBodySize().toBytes(), json));
        registration.addUrlPatterns("/api/*");
        // Before Spring Security, so an oversized body is refused before anything else looks at it.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** The filter itself; see the enclosing class. */
    static class BodyLimitFilter extends OncePerRequestFilter {

        private final long max;
        private final JsonMapper json;

        BodyLimitFilter(long max, JsonMapper json) {
            this.max = max;
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (exempt(request)) {
                chain.doFilter(request, response);
                return;
            }
            long declared = request.getContentLengthLong();
            if (declared > max) {
                refuse(response);
                return;
            }
            if (declared >= 0 || !hasBody(request)) {
                // Tomcat never hands over more than the declared length.
                chain.doFilter(request, response);
                return;
            }
            // A body of unknown length is counted while whoever needs it reads it, never read ahead:
            // reading it here, before authentication, let anyone hold max bytes of heap per open
            // connection by sending a chunked body slowly (issue 19, case 4).
            try {
                chain.doFilter(new CountedBody(request, max), response);
            } catch (IOException | ServletException | RuntimeException e) {
                if (!tooLarge(e) || response.isCommitted()) {
                    throw e;
                }
                response.resetBuffer();
                refuse(response);
            }
        }

        /** Whether a failure was (or was caused by) a body passing the limit. */
        static boolean tooLarge(Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
                if (cause instanceof BodyTooLargeException) {
                    return true;
                }
            }
            return false;
        }

        private static boolean exempt(HttpServletRequest request) {
            String type = request.getContentType();
            String path = request.getRequestURI().substring(request.getContextPath().length());
            return (type != null && type.toLowerCase().startsWith("multipart/")) || path.equals("/api/import");
        }

        private static boolean hasBody(HttpServletRequest request) {
            return request.getHeader("Transfer-Encoding") != null;
        }

        private void refuse(HttpServletResponse response) throws IOException {
            response.setStatus(413);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            // Tomcat would otherwise try to swallow the unread body before the next request.
            response.setHeader("Connection", "close");
            json.writeValue(response.getOutputStream(), new ApiError("too_large", "The request body is larger than "
                    + max / (1024 * 1024) + " MiB, the most this API reads (workbench.api.max-body-size); "
                    + "for a large text import a file with multipart/form-data, for a corpus use /api/import."));
        }
    }

    /** Thrown by a counted body once more than the limit has been read. */
    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(long max) {
            super("The request body is larger than " + max + " bytes (workbench.api.max-body-size).");
        }
    }

    /** A request whose body fails with {@link BodyTooLargeException} once more than the limit is read. */
    private static final class CountedBody extends HttpServletRequestWrapper {

        private final long max;
        private ServletInputStream counted;

        CountedBody(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public synchronized ServletInputStream getInputStream() throws IOException {
            if (counted == null) {
                ServletInputStream in = super.getInputStream();
                counted = new ServletInputStream() {
                    private long read;

                    private int count(int n) throws IOException {
                        if (n > 0) {
                            read += n;
                            if (read > max) {
                                throw new BodyTooLargeException(max);
                            }
                        }
                        return n;
                    }

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        return count(in.read(b, off, len));
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
                };
            }
            return counted;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }
}
