package io.hatrack.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CursorTest {

  @Test
  void aCursorGivesBackItsNumbers() {
    String cursor = Cursor.encode(1_700_000_000_000L, 42L);

    assertThat(cursor).doesNotContain("1700000000000").matches("[A-Za-z0-9_-]+");
    assertThat(Cursor.decode(cursor, 2)).containsExactly(1_700_000_000_000L, 42L);
  }

  @Test
  void aCursorThisListingDidNotGiveOutIsInvalid() {
    String three = Cursor.encode(1, 2, 3);

    for (String bad : new String[] {"!!!", three, Cursor.encode(1), "bm90LWEtbnVtYmVy"}) {
      assertThatThrownBy(() -> Cursor.decode(bad, 2))
          .isInstanceOfSatisfying(
              Invalid.class, e -> assertThat(e.reasonFor("cursor")).contains("not a cursor"));
    }
  }
}
