package org.corroborate.source.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PagesTest {

    private final Pages three = Pages.of(List.of(0, 100, 250));

    @Test
    void anOffsetIsOnThePageThatBeganAtOrBeforeIt() {
        assertThat(three.pageOf(0)).isEqualTo(1);
        assertThat(three.pageOf(99)).isEqualTo(1);
        assertThat(three.pageOf(100)).isEqualTo(2);
        assertThat(three.pageOf(249)).isEqualTo(2);
        assertThat(three.pageOf(10_000)).isEqualTo(3);
        assertThat(three.count()).isEqualTo(3);
    }

    @Test
    void aSpanIsCitedByItsPagesWithTheEndExclusive() {
        assertThat(three.cite(10, 100)).isEqualTo("p. 1");
        assertThat(three.cite(90, 110)).isEqualTo("pp. 1–2");
        assertThat(three.cite(100, 100)).isEqualTo("p. 2");
    }

    @Test
    void aTextWithoutPagesHasNone() {
        assertThat(Pages.of(null).paged()).isFalse();
        assertThat(Pages.of(List.of()).pageOf(5)).isZero();
        assertThat(Pages.NONE.cite(0, 5)).isEmpty();
    }
}
