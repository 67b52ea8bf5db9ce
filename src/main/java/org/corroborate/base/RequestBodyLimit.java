package org.corroborate.base;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
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
 * length (chunked) is read up to the limit and refused as soon as it goes beyond. Multipart bodies
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
            byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (body.length > max) {
                refuse(response);
                return;
            }
            chain.doFilter(new ReadBody(request, body), response);
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

    /** A request whose body has already been read, within the limit. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body was already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
