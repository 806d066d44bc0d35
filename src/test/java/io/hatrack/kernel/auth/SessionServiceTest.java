package io.hatrack.kernel.auth;

import static io.hatrack.testing.Fixtures.PASSWORD;
import static io.hatrack.testing.Fixtures.email;
import static io.hatrack.testing.Fixtures.unique;
import static io.hatrack.testing.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.RateLimited;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@OnEveryDatabase
class SessionServiceTest {

  /** A client address of its own, so that the per-client limit of one test never hits another. */
  private static String client() {
    return "192.0.2." + unique();
  }

  private static void failSignIn(TestApp app, String email, String client) {
    assertThatThrownBy(() -> app.sessions().signIn(email, "not the password", client, null))
        .isInstanceOf(Invalid.class);
  }

  @Test
  void signingInWithTheRightPasswordOpensASessionForThatPerson(TestApp app) {
    User ana = user(app, "ana");

    SessionService.SignedIn session =
        app.sessions().signIn(ana.email().toUpperCase(), PASSWORD, client(), "JUnit");

    assertThat(session.user()).isEqualTo(ana);
    assertThat(session.secret()).isNotBlank();
    assertThat(app.sessions().userFor(session.secret())).contains(ana);
  }

  @Test
  void aWrongPasswordAndAnUnknownEmailAreRefusedAlikeWithoutSayingWhich(TestApp app) {
    User ana = user(app, "ana");

    Invalid wrongPassword =
        catchInvalid(() -> app.sessions().signIn(ana.email(), "not the password", client(), null));
    Invalid unknownEmail =
        catchInvalid(() -> app.sessions().signIn(email("nobody"), PASSWORD, client(), null));

    assertThat(wrongPassword.getMessage()).isEqualTo(unknownEmail.getMessage());
    assertThat(wrongPassword.errors()).isEqualTo(unknownEmail.errors());
    assertThat(wrongPassword.getMessage()).contains("e-mail address or the password");
  }

  private static Invalid catchInvalid(Runnable signIn) {
    try {
      signIn.run();
    } catch (Invalid e) {
      return e;
    }
    throw new AssertionError("the sign-in was accepted");
  }

  @Test
  void anAccountWithoutPasswordCannotSignIn(TestApp app) {
    User ben = app.accounts().create(email("ben"), "Ben", null);

    assertThatThrownBy(() -> app.sessions().signIn(ben.email(), "", client(), null))
        .isInstanceOf(Invalid.class);
  }

  @Test
  void afterFiveFailuresEvenTheRightPasswordIsRateLimited(TestApp app) {
    User ana = user(app, "ana");
    String client = client();
    for (int i = 0; i < 5; i++) {
      failSignIn(app, ana.email(), client);
    }

    assertThatThrownBy(() -> app.sessions().signIn(ana.email(), PASSWORD, client(), null))
        .asInstanceOf(type(RateLimited.class))
        .satisfies(
            e -> {
              assertThat(e.code()).isEqualTo("rate_limited");
              assertThat(e.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(15));
              assertThat(e.getMessage()).contains("Try again in 15 minutes");
            });
  }

  @Test
  void failuresOlderThanFifteenMinutesNoLongerCount(TestApp app) {
    User ana = user(app, "ana");
    String client = client();
    for (int i = 0; i < 5; i++) {
      failSignIn(app, ana.email(), client);
    }

    app.clock().advance(Duration.ofMinutes(15).plusSeconds(1));

    assertThat(app.sessions().signIn(ana.email(), PASSWORD, client, null).user()).isEqualTo(ana);
  }

  @Test
  void aSuccessfulSignInClearsTheFailuresOfThatAccount(TestApp app) {
    User ana = user(app, "ana");
    String client = client();
    for (int i = 0; i < 4; i++) {
      failSignIn(app, ana.email(), client);
    }
    app.sessions().signIn(ana.email(), PASSWORD, client, null);
    for (int i = 0; i < 4; i++) {
      failSignIn(app, ana.email(), client);
    }

    assertThat(app.sessions().signIn(ana.email(), PASSWORD, client, null).user()).isEqualTo(ana);
  }

  @Test
  void theLimitOfOneAccountDoesNotLockOutAnother(TestApp app) {
    User ana = user(app, "ana");
    User ben = user(app, "ben");
    String client = client();
    for (int i = 0; i < 5; i++) {
      failSignIn(app, ana.email(), client);
    }

    assertThat(app.sessions().signIn(ben.email(), PASSWORD, client, null).user()).isEqualTo(ben);
  }

  @Test
  void oneClientGuessingAcrossManyAccountsIsRateLimited(TestApp app) {
    String client = client();
    for (int i = 0; i < 50; i++) {
      failSignIn(app, email("guess"), client);
    }
    User ana = user(app, "ana");

    assertThatThrownBy(() -> app.sessions().signIn(ana.email(), PASSWORD, client, null))
        .isInstanceOf(RateLimited.class);
    assertThat(app.sessions().signIn(ana.email(), PASSWORD, client(), null).user()).isEqualTo(ana);
  }

  @Test
  void signingOutEndsTheSession(TestApp app) {
    User ana = user(app, "ana");
    String secret = app.sessions().signIn(ana.email(), PASSWORD, client(), null).secret();
    String other = app.sessions().open(ana, "another browser").secret();

    app.sessions().signOut(secret);

    assertThat(app.sessions().userFor(secret)).isEmpty();
    assertThat(app.sessions().userFor(other)).contains(ana);
  }

  @Test
  void unknownOrMissingSessionSecretsBelongToNobody(TestApp app) {
    assertThat(app.sessions().userFor("no-such-session")).isEmpty();
    assertThat(app.sessions().userFor("")).isEmpty();
    assertThat(app.sessions().userFor(null)).isEmpty();
  }

  @Test
  void aSessionUnusedForThirtyDaysExpires(TestApp app) {
    User ana = user(app, "ana");
    String secret = app.sessions().open(ana, null).secret();

    app.clock().advance(SessionService.IDLE_LIFETIME.minusMinutes(1));
    app.clock().advance(Duration.ofMinutes(2));

    assertThat(app.sessions().userFor(secret)).isEmpty();
  }

  @Test
  void usingASessionKeepsItAlive(TestApp app) {
    User ana = user(app, "ana");
    String secret = app.sessions().open(ana, null).secret();

    app.clock().advance(Duration.ofDays(29));
    assertThat(app.sessions().userFor(secret)).contains(ana);
    app.clock().advance(Duration.ofDays(29));

    assertThat(app.sessions().userFor(secret)).contains(ana);
  }

  @Test
  void purgingRemovesExpiredSessionsOnly(TestApp app) {
    User ana = user(app, "ana");
    String old = app.sessions().open(ana, null).secret();
    app.clock().advance(Duration.ofDays(31));
    String recent = app.sessions().open(ana, null).secret();
    long sessions = app.count("user_session");

    int purged = app.sessions().purgeExpired();

    assertThat(purged).isPositive();
    assertThat(app.count("user_session")).isEqualTo(sessions - purged);
    assertThat(app.sessions().userFor(old)).isEmpty();
    assertThat(app.sessions().userFor(recent)).contains(ana);
  }

  @Test
  void theDatabaseKeepsOnlyAHashOfTheSessionSecret(TestApp app) {
    User ana = user(app, "ana");
    String secret = app.sessions().open(ana, null).secret();

    long plain =
        app.database()
            .read(
                h ->
                    h.createQuery("SELECT COUNT(*) FROM user_session WHERE token_hash = :s")
                        .bind("s", secret)
                        .mapTo(Long.class)
                        .one());

    assertThat(plain).isZero();
    assertThat(app.sessions().userFor(secret)).contains(ana);
  }
}
