package io.hatrack.discovery.personas;

import static io.hatrack.testing.Fixtures.product;
import static io.hatrack.testing.Fixtures.team;
import static io.hatrack.testing.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.work.Product;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import org.junit.jupiter.api.Test;

@OnEveryDatabase
class PersonaServiceTest {

  private static PersonaService personas(TestApp app) {
    return app.app().discovery().personas();
  }

  @Test
  void aPersonaIsAnItemOfItsProductWithAKeyAndMarkdownTexts(TestApp app) {
    Team team = team(app);

    Persona riley =
        personas(app)
            .create(
                team.owner(),
                team.product().slug(),
                new PersonaDraft(" Returning Riley ", "Buys **monthly**", "- Pay in one tap", ""));

    assertThat(riley.name()).isEqualTo("Returning Riley");
    assertThat(riley.key()).startsWith("CHK-");
    assertThat(riley.item().productId()).isEqualTo(team.product().id());
    assertThat(riley.goals()).isEqualTo("- Pay in one tap");
    assertThat(personas(app).get(team.owner(), riley.key()).persona()).isEqualTo(riley);
  }

  @Test
  void personasBelongToOneProductAndAreListedByName(TestApp app) {
    Team team = team(app);
    Product mobile = product(app, team.owner(), team.workspace(), "MOB");
    personas(app).create(team.owner(), team.product().slug(), PersonaDraft.of("Zed"));
    personas(app).create(team.owner(), team.product().slug(), PersonaDraft.of("Amy"));
    personas(app).create(team.owner(), mobile.slug(), PersonaDraft.of("Mo"));

    var checkout = personas(app).list(team.owner(), team.product().slug(), null, 50).slice();
    var onMobile = personas(app).list(team.owner(), mobile.slug(), null, 50).slice();

    assertThat(checkout.items()).extracting(Persona::name).containsExactly("Amy", "Zed");
    assertThat(checkout.total()).isEqualTo(2);
    assertThat(onMobile.items()).extracting(Persona::name).containsExactly("Mo");
    assertThatThrownBy(() -> personas(app).list(user(app, "eve"), team.product().slug(), null, 50))
        .isInstanceOf(NotFound.class);
  }

  @Test
  void aPersonaIsChangedWithItsVersionDeletedAndRestored(TestApp app) {
    Team team = team(app);
    Persona p = personas(app).create(team.owner(), team.product().slug(), PersonaDraft.of("Felix"));
    String key = p.key();

    assertThatThrownBy(() -> personas(app).update(team.owner(), key, 1, PersonaDraft.of("  ")))
        .isInstanceOf(Invalid.class);
    Persona changed =
        personas(app)
            .update(team.owner(), key, 1, new PersonaDraft("Finance Felix", "", "Reconcile", ""));
    assertThat(changed.version()).isEqualTo(2);
    assertThatThrownBy(() -> personas(app).update(team.owner(), key, 1, PersonaDraft.of("Old")))
        .isInstanceOf(Conflict.class);
    personas(app).delete(team.owner(), key, 2);
    assertThat(personas(app).list(team.owner(), team.product().slug(), null, 50).slice().total())
        .isZero();
    assertThat(personas(app).restore(team.owner(), key).name()).isEqualTo("Finance Felix");
  }
}
