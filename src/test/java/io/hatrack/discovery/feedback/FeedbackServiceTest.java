package io.hatrack.discovery.feedback;

import static io.hatrack.testing.Fixtures.team;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.definition.NewWorkItem;
import io.hatrack.definition.WorkItem;
import io.hatrack.discovery.customers.Customer;
import io.hatrack.discovery.customers.CustomerDraft;
import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.FieldError;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

@OnEveryDatabase
class FeedbackServiceTest {

  private static FeedbackService feedback(TestApp app) {
    return app.app().discovery().feedback().service();
  }

  private static Customer customer(TestApp app, Team team, String name, String arr) {
    return app.app()
        .discovery()
        .customers()
        .create(
            team.owner(),
            team.workspace().slug(),
            new CustomerDraft(name, null, "SMB", "", "", "", "", arr, arr == null ? null : "arr"));
  }

  private static WorkItem feature(TestApp app, Team team, String title) {
    return app.app()
        .definition()
        .workItems()
        .create(team.owner(), team.product().slug(), NewWorkItem.of("feature", title));
  }

  private static Feedback add(TestApp app, Team team, FeedbackDraft draft) {
    return feedback(app).create(team.owner(), team.product().slug(), draft);
  }

  private static Instant day(String date) {
    return java.time.LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  @Test
  void feedbackIsAnItemOfItsProductWithASummaryFromItsFirstLineAndItsTags(TestApp app) {
    Team team = team(app);
    Customer acme = customer(app, team, "Acme Stores", "120000");

    Feedback f =
        add(
            app,
            team,
            FeedbackDraft.of(
                    "  Please keep my card on file so I do not type it every single time I buy"
                        + " something from you\nSecond line",
                    "support_ticket")
                .withCustomer(acme.id(), null)
                .withImportance(2)
                .withTags(List.of("Saved Cards", "checkout")));

    assertThat(f.key()).startsWith("CHK-");
    assertThat(f.summary())
        .isEqualTo("Please keep my card on file so I do not type it every single time I buy\u2026");
    assertThat(f.summary().length()).isLessThanOrEqualTo(FeedbackService.SUMMARY_LENGTH);
    assertThat(f.status()).isEqualTo(FeedbackStatus.NEW);
    assertThat(f.source()).isEqualTo(FeedbackSource.SUPPORT_TICKET);
    assertThat(f.customerName()).isEqualTo("Acme Stores");
    assertThat(f.importanceLabel()).isEqualTo("important");
    assertThat(feedback(app).get(team.owner(), f.key()).tags())
        .containsExactly("checkout", "saved cards");
  }

  @Test
  void invalidFeedbackNamesEveryWrongField(TestApp app) {
    Team team = team(app);
    FeedbackDraft bad =
        new FeedbackDraft(
            " ",
            null,
            "carrier pigeon",
            999_999L,
            5L,
            Instant.now().plusSeconds(86_400 * 3),
            4,
            null,
            "done",
            List.of("ok", "!!"));

    assertThatThrownBy(() -> add(app, team, bad))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactlyInAnyOrder(
                        "text",
                        "source",
                        "customer_id",
                        "happened_at",
                        "importance",
                        "status",
                        "tags[1]"));
  }

  @Test
  void anExternalIdIsUniqueInTheProduct(TestApp app) {
    Team team = team(app);
    Feedback first = add(app, team, FeedbackDraft.of("One", "api").withExternalId("T-1"));

    assertThatThrownBy(() -> add(app, team, FeedbackDraft.of("Two", "api").withExternalId("T-1")))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("external_id")).contains(first.key()));
  }

  @Test
  void theInboxFiltersAndPagesNewestFirstByWhenFeedbackWasGiven(TestApp app) {
    Team team = team(app);
    Customer acme = customer(app, team, "Acme", null);
    Feedback a =
        add(
            app,
            team,
            FeedbackDraft.of("Refunds are slow", "email").withHappenedAt(day("2025-01-10")));
    Feedback b =
        add(
            app,
            team,
            FeedbackDraft.of("Apple Pay please", "sales_call")
                .withHappenedAt(day("2025-02-10"))
                .withCustomer(acme.id(), null)
                .withTags(List.of("wallets")));
    Feedback c =
        add(
            app,
            team,
            FeedbackDraft.of("Refund button hidden", "email").withHappenedAt(day("2025-03-10")));
    var svc = feedback(app);

    var all = svc.list(team.owner(), team.product().slug(), FeedbackFilter.ALL, null, 2);
    var next =
        svc.list(
            team.owner(), team.product().slug(), FeedbackFilter.ALL, all.slice().nextCursor(), 2);

    assertThat(all.slice().items()).extracting(Feedback::id).containsExactly(c.id(), b.id());
    assertThat(all.slice().total()).isEqualTo(3);
    assertThat(next.slice().items()).extracting(Feedback::id).containsExactly(a.id());
    assertThat(next.slice().nextCursor()).isNull();
    assertThat(
            filtered(
                app,
                team,
                FeedbackFilter.parse(null, "email", null, null, null, null, null, null, "REFUND")))
        .containsExactly(c.id(), a.id());
    assertThat(
            filtered(
                app,
                team,
                FeedbackFilter.parse(
                    null, null, Long.toString(acme.id()), null, null, null, null, null, null)))
        .containsExactly(b.id());
    assertThat(
            filtered(
                app,
                team,
                FeedbackFilter.parse(null, null, null, "Wallets", null, null, null, null, null)))
        .containsExactly(b.id());
    assertThat(
            filtered(
                app,
                team,
                FeedbackFilter.parse(
                    null, null, null, null, null, "2025-02-01", "2025-03-10", null, null)))
        .containsExactly(c.id(), b.id());
    assertThat(
            filtered(
                app,
                team,
                FeedbackFilter.parse("triaged", null, null, null, null, null, null, null, null)))
        .isEmpty();
  }

  private static List<Long> filtered(TestApp app, Team team, FeedbackFilter filter) {
    return feedback(app)
        .list(team.owner(), team.product().slug(), filter, null, 50)
        .slice()
        .items()
        .stream()
        .map(Feedback::id)
        .toList();
  }

  @Test
  void sentimentBandsFollowVadersThresholds(TestApp app) {
    Team team = team(app);
    Feedback happy = add(app, team, FeedbackDraft.of("Love it", "portal"));
    Feedback flat = add(app, team, FeedbackDraft.of("It is a button", "portal"));
    Feedback sad = add(app, team, FeedbackDraft.of("Hate it", "portal"));
    add(app, team, FeedbackDraft.of("Not scored yet", "portal"));
    app.database()
        .txVoid(
            h -> {
              feedback(app).setSentiment(h, happy.id(), 0.05);
              feedback(app).setSentiment(h, flat.id(), 0.04);
              feedback(app).setSentiment(h, sad.id(), -0.6);
            });

    assertThat(
            filtered(
                app,
                team,
                FeedbackFilter.parse(null, null, null, null, null, null, null, "positive", null)))
        .containsExactly(happy.id());
    assertThat(
            filtered(
                app,
                team,
                FeedbackFilter.parse(null, null, null, null, null, null, null, "neutral", null)))
        .containsExactly(flat.id());
    assertThat(
            filtered(
                app,
                team,
                FeedbackFilter.parse(null, null, null, null, null, null, null, "negative", null)))
        .containsExactly(sad.id());
  }

  @Test
  void feedbackChangesWithItsVersionAndIsDeletedAndRestored(TestApp app) {
    Team team = team(app);
    Feedback f = add(app, team, FeedbackDraft.of("Invoices need our VAT number", "email"));
    var svc = feedback(app);

    Feedback triaged = svc.setStatus(team.owner(), f.key(), 1, "triaged");
    assertThat(triaged.status()).isEqualTo(FeedbackStatus.TRIAGED);
    assertThat(triaged.version()).isEqualTo(2);
    assertThatThrownBy(() -> svc.setStatus(team.owner(), f.key(), 1, "archived"))
        .isInstanceOf(Conflict.class);
    User viewer = team.member(app, Role.VIEWER, "vic");
    assertThatThrownBy(() -> svc.setStatus(viewer, f.key(), 2, "archived"))
        .isInstanceOf(io.hatrack.kernel.Forbidden.class);
    svc.delete(team.owner(), f.key(), 2);
    assertThatThrownBy(() -> svc.get(team.owner(), f.key())).isInstanceOf(NotFound.class);
    assertThat(svc.restore(team.owner(), f.key()).text()).isEqualTo("Invoices need our VAT number");
  }

  @Test
  void linkingToAWorkItemMarksNewFeedbackLinkedAndUnlinkingTheLastLinkTakesItBack(TestApp app) {
    Team team = team(app);
    WorkItem saved = feature(app, team, "Saved cards");
    Feedback f = add(app, team, FeedbackDraft.of("Keep my card", "support_ticket"));
    Feedback other = add(app, team, FeedbackDraft.of("Other", "support_ticket"));
    var svc = feedback(app);

    var link = svc.link(team.owner(), f.key(), saved.key());

    assertThat(svc.get(team.owner(), f.key()).feedback().status()).isEqualTo(FeedbackStatus.LINKED);
    assertThat(svc.links(team.owner(), f.key()))
        .extracting(l -> l.other().id())
        .containsExactly(saved.id());
    assertThatThrownBy(() -> svc.link(team.owner(), f.key(), other.key()))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("target")).contains("merge"));
    assertThatThrownBy(() -> svc.link(team.owner(), f.key(), saved.key()))
        .isInstanceOf(Conflict.class);
    svc.unlink(team.owner(), f.key(), link.id());
    assertThat(svc.get(team.owner(), f.key()).feedback().status())
        .isEqualTo(FeedbackStatus.TRIAGED);
  }

  @Test
  void mergingKeepsDuplicatesReadableAndMovesTheirTagsAndLinksToTheTarget(TestApp app) {
    Team team = team(app);
    WorkItem wallets = feature(app, team, "Apple Pay");
    Customer a = customer(app, team, "A", "1000");
    Customer b = customer(app, team, "B", "2000");
    Feedback target =
        add(app, team, FeedbackDraft.of("Apple Pay", "portal").withCustomer(a.id(), null));
    Feedback dup =
        add(
            app,
            team,
            FeedbackDraft.of("Apple Pay pls", "sales_call")
                .withCustomer(b.id(), null)
                .withTags(List.of("wallets")));
    Feedback older = add(app, team, FeedbackDraft.of("Wallet support", "email"));
    var svc = feedback(app);
    svc.merge(team.owner(), dup.key(), List.of(older.key()));
    svc.link(team.owner(), dup.key(), wallets.key());

    Feedback merged = svc.merge(team.owner(), target.key(), List.of(Long.toString(dup.id())));

    var view = svc.get(team.owner(), target.key());
    assertThat(merged.status()).isEqualTo(FeedbackStatus.LINKED);
    assertThat(view.tags()).containsExactly("wallets");
    assertThat(view.links()).extracting(l -> l.other().id()).containsExactly(wallets.id());
    assertThat(view.duplicates())
        .extracting(Feedback::id)
        .containsExactlyInAnyOrder(dup.id(), older.id());
    Feedback d = svc.get(team.owner(), dup.key()).feedback();
    assertThat(d.duplicateOf()).isEqualTo(target.id());
    assertThat(d.status()).isEqualTo(FeedbackStatus.ARCHIVED);
    assertThat(d.customerName()).isEqualTo("B");
    assertThatThrownBy(
            () -> svc.merge(team.owner(), target.key(), List.of(dup.key(), target.key())))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactly("ids[0]", "ids[1]"));
    assertThat(svc.get(team.owner(), target.key()).feedback().version())
        .isEqualTo(merged.version());
  }

  @Test
  void demandCountsLinkedFeedbackAndDuplicatesWithCustomersRevenueImportanceAndTrend(TestApp app) {
    Team team = team(app);
    YearMonth now = YearMonth.from(app.clock().instant().atZone(ZoneOffset.UTC));
    WorkItem saved = feature(app, team, "Saved cards");
    Customer a = customer(app, team, "A", "1000.50");
    Customer b = customer(app, team, "B", "2000");
    Customer c = customer(app, team, "C", null);
    var svc = feedback(app);
    Feedback a1 = add(app, team, given("a1", a, 3, now.minusMonths(5)));
    Feedback a2 = add(app, team, given("a2", a, 1, now.minusMonths(1)));
    Feedback b1 = add(app, team, given("b1", b, 2, now.minusMonths(1)));
    Feedback c1 = add(app, team, given("c1", c, null, now.minusMonths(20)));
    Feedback anon = add(app, team, given("anon", null, 0, now));
    add(app, team, given("unlinked", b, 0, now));
    svc.link(team.owner(), a1.key(), saved.key());
    svc.link(team.owner(), b1.key(), saved.key());
    svc.link(team.owner(), c1.key(), saved.key());
    svc.merge(team.owner(), a1.key(), List.of(a2.key(), anon.key()));

    Demand d = svc.demand(team.owner(), saved.key());

    assertThat(d.feedback()).isEqualTo(5);
    assertThat(d.customers()).isEqualTo(3);
    assertThat(d.revenueMinor()).isEqualTo(100_050 + 200_000);
    assertThat(d.customersWithoutRevenue()).isEqualTo(1);
    assertThat(d.currency()).isEqualTo("USD");
    // A's latest is a2 (1), B's is b1 (2); C gave none; the anonymous one has no customer.
    assertThat(d.importance()).containsExactly(0L, 1L, 1L, 0L);
    assertThat(d.importanceMean()).isEqualTo(1.5);
    assertThat(d.trend()).hasSize(12);
    assertThat(d.trend().get(0).month()).isEqualTo(now.minusMonths(11));
    assertThat(d.trend().get(11).month()).isEqualTo(now);
    assertThat(d.trend().stream().mapToLong(Demand.Month::count).sum()).isEqualTo(4);
    assertThat(d.trend().get(6).count()).isEqualTo(1);
    assertThat(d.trend().get(10).count()).isEqualTo(2);
    assertThat(d.trend().get(11).count()).isEqualTo(1);
    assertThatThrownBy(() -> svc.demand(team.owner(), a1.key())).isInstanceOf(NotFound.class);
  }

  private static FeedbackDraft given(String text, Customer c, Integer importance, YearMonth m) {
    return FeedbackDraft.of(text, "email")
        .withCustomer(c == null ? null : c.id(), null)
        .withImportance(importance)
        .withHappenedAt(m.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
  }
}
