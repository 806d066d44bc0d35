package io.hatrack.kernel.work;

import static io.hatrack.testing.Fixtures.member;
import static io.hatrack.testing.Fixtures.product;
import static io.hatrack.testing.Fixtures.unique;
import static io.hatrack.testing.Fixtures.user;
import static io.hatrack.testing.Fixtures.workspace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.FieldError;
import io.hatrack.kernel.Forbidden;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.ProductService.ProductInput;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import org.junit.jupiter.api.Test;

@OnEveryDatabase
class ProductServiceTest {

  private static ProductInput input(String name, String slug, String key) {
    return new ProductInput(name, slug, key, null);
  }

  @Test
  void anAdminCreatesAProductWithTheGivenSlugAndKey(TestApp app) {
    User ana = user(app, "ana");
    Workspace ws = workspace(app, ana);
    String slug = "checkout-" + unique();

    Product product =
        app.products()
            .create(ana, ws.slug(), new ProductInput(" Checkout ", slug, "chk", " Payments. "));

    assertThat(product.name()).isEqualTo("Checkout");
    assertThat(product.slug()).isEqualTo(slug);
    assertThat(product.key()).isEqualTo("CHK");
    assertThat(product.description()).isEqualTo("Payments.");
    assertThat(product.workspaceId()).isEqualTo(ws.id());
    assertThat(product.version()).isEqualTo(1);
    assertThat(app.products().list(ana, ws.slug())).containsExactly(product);
    assertThat(app.products().access(ana, slug).product()).isEqualTo(product);
    assertThat(app.products().access(ana, Long.toString(product.id())).product())
        .isEqualTo(product);
  }

  @Test
  void slugAndKeyAreProposedFromTheName(TestApp app) {
    User ana = user(app, "ana");
    Workspace ws = workspace(app, ana);

    Product first = app.products().create(ana, ws.slug(), input("Checkout", null, null));
    Product second = app.products().create(ana, ws.slug(), input("Checkout", null, null));
    Product mobile = app.products().create(ana, ws.slug(), input("Mobile App", null, null));
    Product admin = app.products().create(ana, ws.slug(), input("Admin", null, null));

    assertThat(first.slug()).isEqualTo("checkout");
    assertThat(first.key()).isEqualTo("CHE");
    assertThat(second.slug()).isEqualTo("checkout-2");
    assertThat(second.key()).isEqualTo("CHE2");
    assertThat(mobile.slug()).isEqualTo("mobile-app");
    assertThat(mobile.key()).isEqualTo("MA");
    assertThat(admin.slug()).isEqualTo("x-admin");
  }

  @Test
  void aSlugIsUniqueAcrossTheWholeInstallation(TestApp app) {
    User ana = user(app, "ana");
    User ben = user(app, "ben");
    Product taken = product(app, ana, workspace(app, ana));
    Workspace other = workspace(app, ben);

    assertThatThrownBy(
            () -> app.products().create(ben, other.slug(), input("Mine", taken.slug(), "MIN")))
        .isInstanceOfSatisfying(
            Conflict.class,
            e -> {
              assertThat(e.code()).isEqualTo("already_exists");
              assertThat(e.getMessage()).contains("slug").contains(taken.slug());
            });
    assertThat(app.products().list(ben, other.slug())).isEmpty();
  }

  @Test
  void aKeyIsUniqueInItsWorkspaceButFreeInAnother(TestApp app) {
    User ana = user(app, "ana");
    Workspace ws = workspace(app, ana);
    product(app, ana, ws, "PAY");
    Workspace other = workspace(app, ana);

    assertThatThrownBy(() -> product(app, ana, ws, "PAY"))
        .isInstanceOf(Conflict.class)
        .hasMessageContaining("key 'PAY'");
    assertThat(product(app, ana, other, "PAY").key()).isEqualTo("PAY");
  }

  @Test
  void reservedSlugsAreRefused(TestApp app) {
    User ana = user(app, "ana");
    Workspace ws = workspace(app, ana);

    for (String reserved : new String[] {"settings", "api", "admin", "new", "health"}) {
      assertThatThrownBy(() -> app.products().create(ana, ws.slug(), input("X", reserved, "XX")))
          .isInstanceOfSatisfying(
              Invalid.class, e -> assertThat(e.reasonFor("slug")).contains("reserved"));
    }
    assertThat(app.products().list(ana, ws.slug())).isEmpty();
  }

  @Test
  void invalidInputNamesEveryBadField(TestApp app) {
    User ana = user(app, "ana");
    Workspace ws = workspace(app, ana);

    assertThatThrownBy(
            () ->
                app.products()
                    .create(
                        ana,
                        ws.slug(),
                        new ProductInput("  ", "Bad Slug!", "1X", "d".repeat(2001))))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> {
              assertThat(e.errors())
                  .extracting(FieldError::field)
                  .containsExactlyInAnyOrder("name", "slug", "key", "description");
              assertThat(e.reasonFor("key")).contains("uppercase letters");
              assertThat(e.reasonFor("description")).isEqualTo("must be at most 2000 characters");
            });
  }

  @Test
  void onlyAdminsCreateOrEditProducts(TestApp app) {
    User ana = user(app, "ana");
    Workspace ws = workspace(app, ana);
    User editor = member(app, ws, ana, Role.EDITOR, "ed");
    Product product = product(app, ana, ws);

    assertThatThrownBy(() -> app.products().create(editor, ws.slug(), input("Nope", null, null)))
        .isInstanceOf(Forbidden.class);
    assertThatThrownBy(
            () ->
                app.products()
                    .update(editor, product.slug(), product.version(), input("Nope", null, null)))
        .isInstanceOf(Forbidden.class);
    assertThat(app.products().list(editor, ws.slug())).containsExactly(product);
  }

  @Test
  void nonMembersCannotSeeAProduct(TestApp app) {
    User ana = user(app, "ana");
    Product product = product(app, ana, workspace(app, ana));
    User outsider = user(app, "mallory");

    assertThatThrownBy(() -> app.products().access(outsider, product.slug()))
        .isInstanceOf(NotFound.class)
        .hasMessage("product not found");
    assertThatThrownBy(() -> app.products().access(outsider, Long.toString(product.id())))
        .isInstanceOf(NotFound.class)
        .hasMessage("product not found");
    assertThatThrownBy(() -> app.products().access(outsider, "no-such-product"))
        .isInstanceOf(NotFound.class)
        .hasMessage("product not found");
  }

  @Test
  void anUpdateAtTheCurrentVersionChangesOnlyTheGivenFields(TestApp app) {
    User ana = user(app, "ana");
    Product product = product(app, ana, workspace(app, ana));

    Product updated =
        app.products()
            .update(
                ana,
                product.slug(),
                product.version(),
                new ProductInput("Renamed", null, "new", null));

    assertThat(updated.name()).isEqualTo("Renamed");
    assertThat(updated.key()).isEqualTo("NEW");
    assertThat(updated.slug()).isEqualTo(product.slug());
    assertThat(updated.description()).isEqualTo(product.description());
    assertThat(updated.version()).isEqualTo(product.version() + 1);
  }

  @Test
  void anUpdateAtAStaleVersionIsAVersionConflictAndChangesNothing(TestApp app) {
    User ana = user(app, "ana");
    Product product = product(app, ana, workspace(app, ana));
    app.products().update(ana, product.slug(), product.version(), input("First", null, null));

    assertThatThrownBy(
            () ->
                app.products()
                    .update(ana, product.slug(), product.version(), input("Second", null, null)))
        .isInstanceOfSatisfying(
            Conflict.class,
            e -> {
              assertThat(e.code()).isEqualTo("version_conflict");
              assertThat(e.getMessage()).contains("version 1").contains("version 2");
            });
    Product current = app.products().access(ana, product.slug()).product();
    assertThat(current.name()).isEqualTo("First");
    assertThat(current.version()).isEqualTo(2);
  }

  @Test
  void anUpdateCannotTakeAnotherProductsSlugOrKey(TestApp app) {
    User ana = user(app, "ana");
    Workspace ws = workspace(app, ana);
    Product chk = product(app, ana, ws, "CHK");
    Product mob = product(app, ana, ws, "MOB");

    assertThatThrownBy(
            () ->
                app.products()
                    .update(ana, mob.slug(), mob.version(), input(null, chk.slug(), null)))
        .isInstanceOf(Conflict.class);
    assertThatThrownBy(
            () -> app.products().update(ana, mob.slug(), mob.version(), input(null, null, "CHK")))
        .isInstanceOf(Conflict.class);
    assertThat(app.products().access(ana, mob.slug()).product()).isEqualTo(mob);
  }

  @Test
  void creatingAProductIsRecordedInTheWorkspaceFeed(TestApp app) {
    User ana = user(app, "ana");
    Workspace ws = workspace(app, ana);
    Product product = product(app, ana, ws, "FEED");

    var feed =
        app.collaboration()
            .activity()
            .forProduct(app.products().access(ana, product.slug()), 0, 10);

    assertThat(feed)
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.action()).isEqualTo("product.created");
              assertThat(entry.actorId()).isEqualTo(ana.id());
              assertThat(entry.afterJson()).contains("\"key\":\"FEED\"");
              assertThat(entry.beforeJson()).isNull();
            });
  }
}
