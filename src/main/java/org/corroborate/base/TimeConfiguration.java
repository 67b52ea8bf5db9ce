package org.corroborate.base;

import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for the application, so tests can pin time. */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    /** Ticks in microseconds: the precision both databases store, so a time reads back as it was written. */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1000));
    }
}
