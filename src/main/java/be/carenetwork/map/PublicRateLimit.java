package be.carenetwork.map;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * 429 Too Many Requests, with Retry-After, for a client address that goes over its token bucket on the public
 * geo and widget endpoints. The address is the connection's; behind a proxy, set
 * {@code server.forward-headers-strategy} so that it is the client's.
 */
final class PublicRateLimit extends OncePerRequestFilter {

    private final TokenBuckets buckets;

    PublicRateLimit(TokenBuckets buckets) {
        this.buckets = buckets;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long wait = buckets.take(request.getRemoteAddr());
        if (wait == 0) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(wait));
        // Readable by the partner page that was refused.
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setHeader("Access-Control-Expose-Headers", "Retry-After");
        response.setContentType("application/problem+json");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
                + "\"detail\":\"Too many requests from this address; retry after " + wait + " s\"}");
    }
}
