package org.corroborate.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Sizes in messages read as people write them, small limits included. */
class ByteCountTest {

    @Test
    void describesSizesInTheLargestWholeUnit() {
        assertThat(ByteCount.describe(1)).isEqualTo("1 byte");
        assertThat(ByteCount.describe(900)).isEqualTo("900 bytes");
        assertThat(ByteCount.describe(20 * 1024)).isEqualTo("20 KiB");
        assertThat(ByteCount.describe(10L * 1024 * 1024)).isEqualTo("10 MiB");
        assertThat(ByteCount.describe(1536L * 1024)).isEqualTo("1.5 MiB");
        assertThat(ByteCount.describe(100L * 1024 * 1024)).isEqualTo("100 MiB");
    }
}
