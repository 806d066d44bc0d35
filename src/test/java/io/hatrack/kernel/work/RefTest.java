package io.hatrack.kernel.work;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RefTest {

  @Test
  void aNumberIsAnId() {
    Ref ref = new Ref("42");

    assertThat(ref.id()).hasValue(42);
    assertThat(ref.productKey()).isNull();
  }

  @Test
  void anItemKeyHasAProductKeyAndANumberInAnyCase() {
    Ref ref = new Ref("chk-42");

    assertThat(ref.id()).isEmpty();
    assertThat(ref.productKey()).isEqualTo("CHK");
    assertThat(ref.number()).isEqualTo(42L);
  }

  @Test
  void anythingElseIsASlug() {
    Ref ref = new Ref("Northwind");

    assertThat(ref.id()).isEmpty();
    assertThat(ref.productKey()).isNull();
    assertThat(ref.number()).isNull();
    assertThat(ref.slug()).isEqualTo("northwind");
  }

  @Test
  void numbersTooLongForAnIdAreNotIds() {
    assertThat(new Ref("1".repeat(19)).id()).isEmpty();
    assertThat(new Ref("").id()).isEmpty();
    assertThat(new Ref(null).slug()).isEmpty();
  }
}
