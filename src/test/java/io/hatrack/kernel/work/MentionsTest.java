package io.hatrack.kernel.work;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MentionsTest {

  @Test
  void findsEachHandleOnceInOrderOfFirstMention() {
    assertThat(Mentions.handles("@ben, then @ana and @ben again.\n@chloe2"))
        .containsExactly("ben", "ana", "chloe2");
  }

  @Test
  void ignoresEmailAddressesUrlsAndDoubleAt() {
    assertThat(Mentions.handles("ana@example.com https://x.example/@ben @@chloe ./@dev")).isEmpty();
  }

  @Test
  void ignoresInlineCodeAndFencedBlocks() {
    assertThat(Mentions.handles("`@ana` and\n```\n@ben\n```\n~~~\n@chloe\n~~~\nbut @dev"))
        .containsExactly("dev");
  }

  @Test
  void handlesAreLowercaseWordsOfAtMostThirtyCharacters() {
    assertThat(Mentions.handles("@Ana @" + "a".repeat(31) + " @ok_1 (@eva)"))
        .containsExactly("ok_1", "eva");
    assertThat(Mentions.handles(null)).isEmpty();
  }
}
