package org.vmsseaman.security.internal;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

/** A configuration with the defaults (bcrypt cost 4 for speed) and a clock the test moves. */
final class TestSupport {

    private TestSupport() {}

    static SecurityConfig config(Map<String, Object> overrides) {
        return (SecurityConfig) Proxy.newProxyInstance(
                SecurityConfig.class.getClassLoader(), new Class<?>[] {SecurityConfig.class}, (p, m, a) -> {
                    if (overrides.containsKey(m.getName())) {
                        return overrides.get(m.getName());
                    }
                    if (m.getName().equals("bcryptCost")) {
                        return 4;
                    }
                    return m.getDefaultValue();
                });
    }

    static SecurityServiceImpl service(Path dir, Clock clock) throws Exception {
        return new SecurityServiceImpl(config(Map.of()), dir, clock, new SecureRandom());
    }

    /** A clock that stands still until moved. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
