package io.hatrack.kernel.auth;

import static io.hatrack.testing.Fixtures.PASSWORD;
import static io.hatrack.testing.Fixtures.email;
import static io.hatrack.testing.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.FieldError;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.testing.Fresh;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.Race;
import io.hatrack.testing.TestApp;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@OnEveryDatabase
class AccountServiceTest {

  @Test
  void creatingAnAccountStoresTheNormalizedEmailAndTrimmedName(TestApp app) {
    String email = email("ana");

    User ana = app.accounts().create("  " + email.toUpperCase() + " ", "  Ana Lima ", PASSWORD);

    assertThat(ana.email()).isEqualTo(email);
    assertThat(ana.name()).isEqualTo("Ana Lima");
    assertThat(ana.hasPassword()).isTrue();
    assertThat(app.accounts().byEmail(email.toUpperCase())).contains(ana);
    assertThat(app.accounts().byId(ana.id())).isEqualTo(ana);
  }

  @Test
  void invalidInputIsRefusedWithAReasonForEveryField(TestApp app) {
    long before = app.count("app_user");

    assertThatThrownBy(() -> app.accounts().create("ana-at-example", "   ", "short"))
        .asInstanceOf(type(Invalid.class))
        .satisfies(
            e -> {
              assertThat(e.errors())
                  .extracting(FieldError::field)
                  .containsExactlyInAnyOrder("email", "name", "password");
              assertThat(e.reasonFor("email")).contains("e-mail address");
              assertThat(e.reasonFor("name")).isEqualTo("must not be blank");
              assertThat(e.reasonFor("password")).isEqualTo("must be at least 8 characters");
              assertThat(e.code()).isEqualTo("validation_failed");
            });
    assertThat(app.count("app_user")).isEqualTo(before);
  }

  @Test
  void anAccountWithoutPasswordIsAllowedAndHasNone(TestApp app) {
    User ben = app.accounts().create(email("ben"), "Ben", null);

    assertThat(ben.hasPassword()).isFalse();
  }

  @Test
  void aSecondAccountWithTheSameEmailInAnyCaseIsAConflict(TestApp app) {
    String email = email("ana");
    app.accounts().create(email, "Ana", PASSWORD);

    assertThatThrownBy(() -> app.accounts().create(email.toUpperCase(), "Other Ana", PASSWORD))
        .asInstanceOf(type(Conflict.class))
        .satisfies(
            e -> {
              assertThat(e.code()).isEqualTo("already_exists");
              assertThat(e.getMessage()).contains("email").contains(email);
            });
  }

  @Test
  void twoPeopleCalledAnaGetTheHandlesAnaAndAna2(@Fresh TestApp app) {
    User first = app.accounts().create(email("ana"), "Ana Lima", PASSWORD);
    User second = app.accounts().create(email("ana"), "Ána Souza", PASSWORD);
    User third = app.accounts().create(email("ana"), "ana", PASSWORD);

    assertThat(first.handle()).isEqualTo("ana");
    assertThat(second.handle()).isEqualTo("ana2");
    assertThat(third.handle()).isEqualTo("ana3");
  }

  @Test
  void aNameWithoutLatinLettersTakesItsHandleFromTheEmail(@Fresh TestApp app) {
    User wei = app.accounts().create("wei.li@example.test", "李伟", PASSWORD);

    assertThat(wei.handle()).isEqualTo("wei");
  }

  @Test
  void hatrackNeedsSetupUntilTheFirstAccountExists(@Fresh TestApp app) {
    assertThat(app.accounts().needsSetup()).isTrue();

    user(app, "ana");

    assertThat(app.accounts().needsSetup()).isFalse();
  }

  @Test
  void aPasswordLinkSetsThePasswordOnce(TestApp app) {
    User ben = app.accounts().create(email("ben"), "Ben", null);
    String secret = app.accounts().createPasswordLink(ben.id());

    assertThat(app.accounts().userForPasswordLink(secret)).isEqualTo(ben);
    User updated = app.accounts().setPasswordWithLink(secret, "a brand new password");

    assertThat(updated.hasPassword()).isTrue();
    assertThat(app.sessions().signIn(ben.email(), "a brand new password", "test", null).user())
        .isEqualTo(updated);
    assertThatThrownBy(() -> app.accounts().setPasswordWithLink(secret, "another password"))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> app.accounts().userForPasswordLink(secret))
        .isInstanceOf(NotFound.class);
  }

  @Test
  void aPasswordLinkExpiresAfterSevenDays(TestApp app) {
    User ben = app.accounts().create(email("ben"), "Ben", null);
    String secret = app.accounts().createPasswordLink(ben.id());

    app.clock().advance(Duration.ofDays(7).minusMinutes(1));
    assertThat(app.accounts().userForPasswordLink(secret)).isEqualTo(ben);

    app.clock().advance(Duration.ofMinutes(1));
    assertThatThrownBy(() -> app.accounts().userForPasswordLink(secret))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> app.accounts().setPasswordWithLink(secret, "too late for this"))
        .isInstanceOf(NotFound.class);
    assertThat(app.accounts().byId(ben.id()).hasPassword()).isFalse();
  }

  @Test
  void aPasswordLinkRefusesAShortPasswordAndStaysUsable(TestApp app) {
    User ben = app.accounts().create(email("ben"), "Ben", null);
    String secret = app.accounts().createPasswordLink(ben.id());

    assertThatThrownBy(() -> app.accounts().setPasswordWithLink(secret, "short"))
        .asInstanceOf(type(Invalid.class))
        .extracting(e -> e.reasonFor("password"))
        .isEqualTo("must be at least 8 characters");
    assertThat(app.accounts().userForPasswordLink(secret)).isEqualTo(ben);
  }

  @Test
  void aPasswordLinkForAnUnknownPersonIsNotFound(TestApp app) {
    assertThatThrownBy(() -> app.accounts().createPasswordLink(Long.MAX_VALUE))
        .isInstanceOf(NotFound.class);
  }

  @Test
  void changingThePasswordNeedsTheCurrentOne(TestApp app) {
    User ana = user(app, "ana");

    assertThatThrownBy(() -> app.accounts().changePassword(ana, "wrong password", "new password 1"))
        .asInstanceOf(type(Invalid.class))
        .extracting(e -> e.reasonFor("current_password"))
        .isEqualTo("is not your current password");
    assertThatThrownBy(() -> app.accounts().changePassword(ana, PASSWORD, "short"))
        .asInstanceOf(type(Invalid.class))
        .extracting(e -> e.reasonFor("password"))
        .isEqualTo("must be at least 8 characters");

    app.accounts().changePassword(ana, PASSWORD, "new password 1");

    assertThat(app.sessions().signIn(ana.email(), "new password 1", "test", null).user())
        .isEqualTo(ana);
    assertThatThrownBy(() -> app.sessions().signIn(ana.email(), PASSWORD, "test", null))
        .isInstanceOf(Invalid.class);
  }

  @Test
  void updatingTheProfileChecksTheTimeZone(TestApp app) {
    User ana = user(app, "ana");

    assertThatThrownBy(() -> app.accounts().updateProfile(ana, "Ana", "Mars/Olympus"))
        .asInstanceOf(type(Invalid.class))
        .extracting(e -> e.reasonFor("time_zone"))
        .asString()
        .contains("time zone");

    User updated = app.accounts().updateProfile(ana, " Ana Lima ", "Europe/Lisbon");

    assertThat(updated.name()).isEqualTo("Ana Lima");
    assertThat(updated.timeZone()).isEqualTo("Europe/Lisbon");
    assertThat(updated.handle()).isEqualTo(ana.handle());
  }

  @Test
  void aPasswordLinkUsedTwiceAtOnceSetsThePasswordOnlyOnce(TestApp app) throws Exception {
    // Passes on SQLite, where writes take turns; fails on PostgreSQL, where both transactions
    // find the link unused before either marks it used.
    for (int round = 0; round < 10; round++) {
      User ben = app.accounts().create(email("ben"), "Ben", null);
      String secret = app.accounts().createPasswordLink(ben.id());

      int succeeded =
          Race.successes(
              () -> app.accounts().setPasswordWithLink(secret, "first password"),
              () -> app.accounts().setPasswordWithLink(secret, "second password"));

      assertThat(succeeded).as("uses of one link in round %d", round).isEqualTo(1);
    }
  }
}
