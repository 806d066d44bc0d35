package io.hatrack.kernel.work;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SlugsTest {

  @ParameterizedTest(name = "\"{0}\" gives {1}")
  @CsvSource({
    "Northwind Labs, northwind-labs",
    "  Café Crème!  , cafe-creme",
    "Settings, x-settings",
    "42, x-42",
    "'', x-1",
    "a, x-a",
  })
  void aSlugIsProposedFromAName(String name, String slug) {
    assertThat(Slugs.fromName(name)).isEqualTo(slug);
    assertThat(Slugs.SLUG.matcher(slug).matches()).isTrue();
  }

  @Test
  void aProposedSlugIsAtMostFortyCharacters() {
    String slug = Slugs.fromName("The quick brown fox jumps over the lazy dog twice");

    assertThat(slug).hasSizeLessThanOrEqualTo(40).doesNotEndWith("-");
    assertThat(Slugs.SLUG.matcher(slug).matches()).isTrue();
  }

  @ParameterizedTest(name = "\"{0}\" gives {1}")
  @CsvSource({
    "Checkout, CHE",
    "Mobile App, MA",
    "Über Analytics Platform Suite Extra, UAPS",
    "X, PXX",
    "42, P42X",
  })
  void aKeyIsProposedFromAName(String name, String key) {
    assertThat(Slugs.keyFromName(name)).isEqualTo(key);
    assertThat(Slugs.KEY.matcher(key).matches()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ab", "a1", "my-team", "a-b-c"})
  void validSlugs(String slug) {
    assertThat(Slugs.SLUG.matcher(slug).matches()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "12", "-ab", "ab-", "Ab", "a_b", "a b"})
  void invalidSlugs(String slug) {
    assertThat(Slugs.SLUG.matcher(slug).matches()).isFalse();
  }

  @Test
  void pagesOfTheAppAreReserved() {
    assertThat(Slugs.reserved("settings")).isTrue();
    assertThat(Slugs.reserved("api")).isTrue();
    assertThat(Slugs.reserved("northwind")).isFalse();
  }
}
