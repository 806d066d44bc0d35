package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.definition.NewWorkItem;
import io.hatrack.definition.decisions.Decision;
import io.hatrack.definition.decisions.DecisionChanges;
import io.hatrack.definition.decisions.DecisionDraft;
import io.hatrack.definition.decisions.DecisionOption;
import io.hatrack.definition.decisions.DecisionService;
import io.hatrack.definition.decisions.DecisionStatus;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.testing.Browser;
import io.hatrack.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The decision log in the browser: recording through the form, editing, conflicts, undo. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DecisionsWebTest {
  private TestServer server;
  private User ana;
  private Workspace ws;
  private Product product;
  private Browser browser;

  @BeforeAll
  void start() {
    server = TestServer.start();
    ana = server.user("Ana");
    ws = server.workspace(ana);
    product = server.product(ana, ws);
    browser = new Browser(server.url());
    browser.signIn(ana.email(), "password123");
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private DecisionService decisions() {
    return server.app().definition().decisions();
  }

  private String base() {
    return "/w/" + ws.slug() + "/" + product.slug() + "/definition/decisions";
  }

  @Test
  void recordingADecisionThroughTheFormLeadsToItsPageLaidOutLikeAnAdr() {
    Browser.Page form = browser.get(base() + "/new");
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.body())
        .contains("Record a decision")
        .contains("name=\"option_0_name\"")
        .contains("name=\"decider\" value=\"" + ana.handle() + "\"")
        .contains("aria-current=\"page\">Decisions<");

    Browser.Page created =
        browser.post(
            base(),
            "title",
            "Store card tokens with the payment processor",
            "status",
            "decided",
            "decided_on",
            "2026-01-20",
            "decider",
            ana.handle(),
            "context",
            "Card data puts us in **PCI scope**.",
            "option_count",
            "3",
            "option_0_name",
            "Own PCI vault",
            "option_0_pros",
            "Portable tokens\n- No per-token fees",
            "option_0_cons",
            "PCI Level 1 audits",
            "option_1_name",
            "Processor tokens",
            "option_1_description",
            "Card numbers never reach us.",
            "option_1_pros",
            "Stays at SAQ A",
            "option_2_name",
            "",
            "chosen",
            "1",
            "outcome",
            "We keep **processor tokens**.",
            "_action",
            "save");

    assertThat(created.status()).as(created.body()).isEqualTo(302);
    assertThat(created.location()).startsWith(base() + "/");
    Browser.Page shown = browser.open(created.location());
    assertThat(shown.body())
        .contains("Store card tokens with the payment processor")
        .contains("<strong>PCI scope</strong>")
        .contains("Options considered")
        .contains("decision-option chosen")
        .contains("No per-token fees")
        .contains("Decided on <time datetime=\"2026-01-20\">")
        .contains("<strong>processor tokens</strong>")
        .contains("id=\"panel-links\"")
        .contains("aria-current=\"page\">Decisions<");
    String id = created.location().substring(created.location().lastIndexOf('/') + 1);
    Decision saved = decisions().get(ana, id).decision();
    assertThat(saved.status()).isEqualTo(DecisionStatus.DECIDED);
    assertThat(saved.options())
        .extracting(DecisionOption::name)
        .containsExactly("Own PCI vault", "Processor tokens");
    assertThat(saved.options().get(0).pros())
        .containsExactly("Portable tokens", "No per-token fees");
    assertThat(saved.chosen()).map(DecisionOption::name).contains("Processor tokens");
    assertThat(saved.deciders()).extracting(d -> d.id()).containsExactly(ana.id());
  }

  @Test
  void addingAnOptionRowKeepsWhatWasTypedAndSavesNothing() {
    long before = decisions().list(ana, product.slug(), null, null, 200).total();
    browser.get(base() + "/new");

    Browser.Page more =
        browser.post(
            base(),
            "title",
            "Half-written",
            "option_count",
            "1",
            "option_0_name",
            "Only option",
            "_action",
            "add-option");
    Browser.Page fewer =
        browser.post(
            base(),
            "title",
            "Half-written",
            "option_count",
            "2",
            "option_0_name",
            "Drop me",
            "option_1_name",
            "Keep me",
            "_action",
            "remove-option:0");

    assertThat(more.status()).isEqualTo(200);
    assertThat(more.body())
        .contains("value=\"Half-written\"")
        .contains("value=\"Only option\"")
        .contains("name=\"option_1_name\"")
        .contains("name=\"option_count\" value=\"2\"");
    assertThat(fewer.body()).contains("value=\"Keep me\"").doesNotContain("Drop me");
    assertThat(decisions().list(ana, product.slug(), null, null, 200).total()).isEqualTo(before);
  }

  @Test
  void aRefusedDecisionKeepsWhatWasTypedAndSaysWhatIsWrongNextToTheField() {
    browser.get(base() + "/new");

    Browser.Page refused =
        browser.post(
            base(),
            "title",
            "Undated",
            "status",
            "decided",
            "context",
            "kept context",
            "option_count",
            "2",
            "option_0_name",
            "",
            "option_1_name",
            "",
            "option_1_description",
            "a nameless option",
            "_action",
            "save");

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body())
        .contains("Date decided is needed: a decided decision says when it was decided")
        .contains("Deciders needs at least one person")
        .contains("id=\"e-option_1_name\"")
        .contains("Option 2 name must not be blank")
        .contains("kept context")
        .contains("a nameless option");
  }

  @Test
  void savingOverSomeoneElsesChangeShowsTheConflictAndOverwritesOnlyWhenAsked() {
    Decision d = decisions().create(ana, product.slug(), DecisionDraft.of("Shared"));
    String path = base() + "/" + d.id();
    Browser.Page edit = browser.get(path + "/edit");
    assertThat(edit.body()).contains("name=\"version\" value=\"1\"");
    decisions().update(ana, d.key(), 1, DecisionChanges.none().withTitle("Their title"));

    Browser.Page conflict =
        browser.post(path, "version", "1", "title", "My title", "status", "proposed");

    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.body())
        .contains("Someone else saved this decision")
        .contains("My title")
        .contains("Overwrite with mine");
    assertThat(decisions().get(ana, d.key()).decision().title()).isEqualTo("Their title");

    Browser.Page overwritten =
        browser.post(path, "version", "2", "title", "My title", "status", "proposed");

    assertThat(overwritten.location()).isEqualTo(path);
    assertThat(decisions().get(ana, d.key()).decision().title()).isEqualTo("My title");
  }

  @Test
  void deletingOffersUndoWhichBringsTheDecisionBack() {
    Decision d = decisions().create(ana, product.slug(), DecisionDraft.of("Short-lived"));
    String path = base() + "/" + d.id();
    browser.get(path);

    Browser.Page deleted = browser.post(path + "/delete", "version", "1");
    Browser.Page list = browser.get(deleted.location());

    assertThat(list.body())
        .contains("Deleted the decision")
        .contains("action=\"" + path + "/restore\"")
        .contains(">Undo<");
    assertThat(browser.get(path).status()).isEqualTo(404);

    browser.post(path + "/restore");

    assertThat(browser.get(path).status()).isEqualTo(200);
  }

  @Test
  void theLogOfAProductWithoutDecisionsExplainsWhatItIsFor() {
    Product empty = server.product(ana, ws);

    Browser.Page log =
        browser.get("/w/" + ws.slug() + "/" + empty.slug() + "/definition/decisions");

    assertThat(log.status()).isEqualTo(200);
    assertThat(log.body())
        .contains("No decisions recorded yet")
        .contains("A decision log keeps the important choices")
        .contains(">Record a decision<");
  }

  @Test
  void theLogShowsStatusDateAndDecidersAndTheKeyOpensTheDecision() {
    Decision d =
        decisions()
            .create(
                ana,
                product.slug(),
                DecisionDraft.of("Listed decision").decided("2025-11-30", ana.handle()));

    Browser.Page log = browser.get(base());
    Browser.Page byKey = browser.get("/i/" + d.key());

    assertThat(log.body())
        .contains("Listed decision")
        .contains("decision-status decided")
        .contains("2025-11-30")
        .contains(ana.name());
    assertThat(browser.get(base() + "?status=proposed").body()).doesNotContain("Listed decision");
    assertThat(byKey.location()).isEqualTo(base() + "/" + d.id());
  }

  @Test
  void aLinkedWorkItemAndTheSupersedingDecisionShowOnTheDecisionsPage() {
    var feature =
        server
            .app()
            .definition()
            .workItems()
            .create(ana, product.slug(), NewWorkItem.of("feature", "One-click saved cards"));
    Decision old =
        decisions()
            .create(
                ana,
                product.slug(),
                DecisionDraft.of("Old way").decided("2025-01-01", ana.handle()));
    server.app().collaboration().links().add(ana, old.key(), feature.key(), "relates-to");
    browser.get(base() + "/" + old.id());
    Browser.Page supersedeForm = browser.get(base() + "/new?supersedes=" + old.key());
    assertThat(supersedeForm.body()).contains("This decision supersedes " + old.key());

    Browser.Page created =
        browser.post(
            base(),
            "title",
            "New way",
            "status",
            "proposed",
            "supersedes",
            old.key(),
            "option_count",
            "0");
    Browser.Page oldPage = browser.get(base() + "/" + old.id());

    assertThat(created.status()).isEqualTo(302);
    assertThat(oldPage.body())
        .contains("This decision was replaced by")
        .contains("New way")
        .contains("One-click saved cards")
        .contains("decision-status superseded");
    assertThat(decisions().get(ana, old.key()).decision().supersededBy()).isNotNull();
    assertThat(List.of(oldPage.body())).noneMatch(b -> b.contains(">Supersede<"));
  }
}
