package be.carenetwork.map;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class PublicRateLimitTests {

    final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void shouldAllowABurstThenRefuseUntilATokenComesBack() {
        TokenBuckets buckets = new TokenBuckets(3, 0.5, now::get);

        assertThat(buckets.take("1.2.3.4")).isZero();
        assertThat(buckets.take("1.2.3.4")).isZero();
        assertThat(buckets.take("1.2.3.4")).isZero();
        assertThat(buckets.take("1.2.3.4")).isEqualTo(2);
        now.addAndGet(2_000_000_000L);
        assertThat(buckets.take("1.2.3.4")).isZero();
    }

    @Test
    void shouldKeepOneBucketPerAddress() {
        TokenBuckets buckets = new TokenBuckets(1, 1, now::get);

        assertThat(buckets.take("10.0.0.1")).isZero();
        assertThat(buckets.take("10.0.0.1")).isPositive();
        assertThat(buckets.take("10.0.0.2")).isZero();
    }

    @Test
    void shouldAnswerTooManyRequestsWithRetryAfter() throws Exception {
        PublicRateLimit filter = new PublicRateLimit(new TokenBuckets(1, 0.25, now::get));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/geo/actors");
        request.setRemoteAddr("192.0.2.7");

        MockHttpServletResponse first = new MockHttpServletResponse();
        MockFilterChain passed = new MockFilterChain();
        filter.doFilter(request, first, passed);
        MockHttpServletResponse second = new MockHttpServletResponse();
        MockFilterChain refused = new MockFilterChain();
        filter.doFilter(request, second, refused);

        assertThat(passed.getRequest()).isNotNull();
        assertThat(refused.getRequest()).isNull();
        assertThat(second.getStatus()).isEqualTo(429);
        assertThat(second.getHeader("Retry-After")).isEqualTo("4");
        assertThat(second.getContentType()).isEqualTo("application/problem+json");
        assertThat(second.getContentAsString()).contains("\"status\":429");
    }
}
