package io.hatrack.kernel.auth;

import static io.hatrack.testing.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

@OnEveryDatabase
class ApiTokenServiceTest {

  @Test
  void aNewTokenIsShownOnceStartingWithHtkAndAuthenticatesItsOwner(TestApp app) {
    User ana = user(app, "ana");

    ApiTokenService.Created created = app.tokens().create(ana, "  CI pipeline ");

    assertThat(created.secret()).startsWith("htk_").hasSizeGreaterThan(40);
    assertThat(created.token().name()).isEqualTo("CI pipeline");
    assertThat(created.token().prefix()).isEqualTo(created.secret().substring(0, 10));
    assertThat(created.token().active()).isTrue();
    assertThat(app.tokens().userFor(created.secret())).contains(ana);
  }

  @Test
  void aTokenWithoutNameIsCalledApiToken(TestApp app) {
    User ana = user(app, "ana");

    assertThat(app.tokens().create(ana, " ").token().name()).isEqualTo("API token");
  }

  @Test
  void aTooLongNameIsRefused(TestApp app) {
    User ana = user(app, "ana");

    assertThatThrownBy(() -> app.tokens().create(ana, "x".repeat(81)))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("name")).contains("at most 80"));
  }

  @Test
  void theDatabaseKeepsOnlyAHashOfTheSecret(TestApp app) {
    User ana = user(app, "ana");
    String secret = app.tokens().create(ana, "CLI").secret();

    List<String> stored =
        app.database()
            .read(
                h ->
                    h.createQuery(
                            "SELECT id, user_id, name, prefix, token_hash, created_at,"
                                + " last_used_at, revoked_at FROM api_token")
                        .map(
                            (rs, ctx) -> {
                              StringBuilder row = new StringBuilder();
                              for (int i = 1; i <= 8; i++) {
                                row.append(Objects.toString(rs.getString(i), "")).append('|');
                              }
                              return row.toString();
                            })
                        .list());

    assertThat(stored).isNotEmpty().noneMatch(row -> row.contains(secret));
    assertThat(stored)
        .noneMatch(row -> row.contains(secret.substring(4)))
        .anyMatch(row -> row.contains(secret.substring(0, 10)));
  }

  @Test
  void theOwnerListsTheirTokensNewestFirstWithoutSecrets(TestApp app) {
    User ana = user(app, "ana");
    User ben = user(app, "ben");
    ApiToken first = app.tokens().create(ana, "first").token();
    ApiToken second = app.tokens().create(ana, "second").token();
    app.tokens().create(ben, "ben's");

    assertThat(app.tokens().list(ana))
        .extracting(ApiToken::id)
        .containsExactly(second.id(), first.id());
  }

  @Test
  void aRevokedTokenNoLongerAuthenticates(TestApp app) {
    User ana = user(app, "ana");
    ApiTokenService.Created created = app.tokens().create(ana, "laptop");

    app.tokens().revoke(ana, created.token().id());

    assertThat(app.tokens().userFor(created.secret())).isEmpty();
    assertThat(app.tokens().list(ana))
        .singleElement()
        .satisfies(t -> assertThat(t.active()).isFalse());
  }

  @Test
  void revokingAnotherPersonsTokenIsNotFoundAndLeavesItWorking(TestApp app) {
    User ana = user(app, "ana");
    User mallory = user(app, "mallory");
    ApiTokenService.Created created = app.tokens().create(ana, "laptop");

    assertThatThrownBy(() -> app.tokens().revoke(mallory, created.token().id()))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> app.tokens().revoke(mallory, Long.MAX_VALUE))
        .isInstanceOf(NotFound.class)
        .hasMessage("API token not found");
    assertThat(app.tokens().userFor(created.secret())).contains(ana);
  }

  @Test
  void secretsThatAreNotLiveTokensBelongToNobody(TestApp app) {
    User ana = user(app, "ana");
    String secret = app.tokens().create(ana, "laptop").secret();

    assertThat(app.tokens().userFor(null)).isEmpty();
    assertThat(app.tokens().userFor(secret.substring(4))).isEmpty();
    assertThat(app.tokens().userFor(secret + "x")).isEmpty();
  }

  @Test
  void usingATokenRecordsWhenItWasLastUsed(TestApp app) {
    User ana = user(app, "ana");
    String secret = app.tokens().create(ana, "laptop").secret();
    assertThat(app.tokens().list(ana).get(0).lastUsedAt()).isNull();

    app.clock().advance(Duration.ofMinutes(5));
    app.tokens().userFor(secret);

    assertThat(app.tokens().list(ana).get(0).lastUsedAt()).isEqualTo(app.clock().instant());
  }
}
