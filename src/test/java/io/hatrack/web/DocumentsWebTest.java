package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.definition.docs.Document;
import io.hatrack.definition.docs.DocumentService;
import io.hatrack.definition.docs.DocumentStatus;
import io.hatrack.definition.docs.NewDocument;
import io.hatrack.kernel.auth.Role;
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

/** Requirement documents in the browser: writing, editing with conflicts, review, versions. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentsWebTest {
  private TestServer server;
  private User ana;
  private User ben;
  private Workspace ws;
  private Product product;
  private Browser anaBrowser;
  private Browser benBrowser;

  @BeforeAll
  void start() {
    server = TestServer.start();
    ana = server.user("Ana");
    ben = server.user("Ben");
    ws = server.workspace(ana);
    product = server.product(ana, ws);
    server.app().workspaces().addMember(ana, ws.slug(), ben.email(), Role.EDITOR);
    anaBrowser = new Browser(server.url());
    anaBrowser.signIn(ana.email(), "password123");
    benBrowser = new Browser(server.url());
    benBrowser.signIn(ben.email(), "password123");
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private DocumentService documents() {
    return server.app().definition().documents().documents();
  }

  private String base(Product p) {
    return "/w/" + ws.slug() + "/" + p.slug() + "/definition/documents";
  }

  private String base() {
    return base(product);
  }

  private Document write(String title, String body) {
    return documents().create(ana, product.slug(), NewDocument.of("blank", title).withBody(body));
  }

  @Test
  void anEmptyListSaysWhatDocumentsAreForUnderTheHatTabs() {
    Product empty = server.product(ana, ws);

    Browser.Page list = anaBrowser.get(base(empty));

    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body())
        .contains("No documents yet")
        .contains("Write the first document")
        .contains("href=\"" + base(empty) + "/new\"")
        .contains("class=\"hat-tabs\"")
        .containsPattern("href=\"[^\"]+/definition/documents\" aria-current=\"page\"");
  }

  @Test
  void writingFromATemplateLeadsToItsEditorAndThenToTheRenderedDocument() {
    Browser.Page form = anaBrowser.get(base() + "/new");
    assertThat(form.body())
        .contains("Product requirements (PRD)")
        .contains("Request for comments (RFC)")
        .contains("Success metrics")
        .contains("hx-get=\"" + base() + "/new/preview\"");
    Browser.Page preview = anaBrowser.get(base() + "/new/preview?template=rfc");
    assertThat(preview.body()).contains("<h2>Motivation</h2>").doesNotContain("<html");

    Browser.Page created =
        anaBrowser.post(base(), "title", "One-click saved cards", "template", "prd");

    assertThat(created.location()).startsWith(base() + "/").endsWith("/edit");
    Browser.Page editor = anaBrowser.open(created.location());
    assertThat(editor.body()).contains("One-click saved cards").contains("Save version 2");
    Browser.Page shown = anaBrowser.get(created.location().replace("/edit", ""));
    assertThat(shown.body())
        .contains("<h2>Problem</h2>")
        .contains("doc-status draft")
        .contains("Ask for a review")
        .contains("Linked items");
  }

  @Test
  void aBlankTitleIsRefusedAndTheChosenTemplateKept() {
    anaBrowser.get(base() + "/new");

    Browser.Page refused = anaBrowser.post(base(), "title", " ", "template", "rfc");

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body())
        .contains("Title must not be blank")
        .containsPattern("value=\"rfc\"\\s+checked");
  }

  @Test
  void savingOverSomeoneElsesChangeShowsTheConflictAndOverwritesOnlyWhenAsked() {
    Document d = write("Shared spec", "original");
    String path = base() + "/" + d.key();
    anaBrowser.get(path + "/edit");
    documents().update(ben, d.key(), 1, null, "their change");

    Browser.Page conflict =
        anaBrowser.post(
            path, "version", "1", "base", "1", "title", "Shared spec", "body", "my change");

    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.body())
        .contains("Someone else saved this document")
        .contains("my change")
        .contains("Overwrite with mine")
        .contains(path + "/diff?from=1&amp;to=2");
    assertThat(documents().get(ana, d.key()).document().body()).isEqualTo("their change");

    Browser.Page overwritten =
        anaBrowser.post(path, "version", "2", "title", "Shared spec", "body", "my change");

    assertThat(overwritten.location()).isEqualTo(path);
    assertThat(documents().get(ana, d.key()).document().body()).isEqualTo("my change");
    assertThat(documents().get(ana, d.key()).document().latestVersion()).isEqualTo(3);
  }

  @Test
  void anApproverApprovesFromTheDocumentPageAndAnEditSaysItResetsApprovals() {
    Document d = write("Reviewed PRD", "text");
    String path = base() + "/" + d.key();
    anaBrowser.get(path);

    Browser.Page asked = anaBrowser.post(path + "/review", "approvers", ben.handle());

    assertThat(asked.location()).isEqualTo(path);
    assertThat(anaBrowser.get(path).body()).contains("They have been notified");
    Browser.Page forBen = benBrowser.get(path);
    assertThat(forBen.body())
        .contains("Approve version 1")
        .contains("Request changes")
        .contains("name=\"reviewed_version\" value=\"1\"");

    benBrowser.post(path + "/approve", "reviewed_version", "1", "comment", "Ship it");

    Browser.Page approved = anaBrowser.get(path);
    assertThat(approved.body())
        .contains("doc-status approved")
        .contains("Every approver approved version 1")
        .contains("Ship it");
    assertThat(anaBrowser.get(path + "/edit").body()).contains("Saving resets the approvals");
    assertThat(documents().get(ana, d.key()).document().status())
        .isEqualTo(DocumentStatus.APPROVED);
  }

  @Test
  void approvingAVersionThatWasReplacedMeanwhileSaysSo() {
    Document d = write("Moving target", "v1");
    documents().requestReview(ana, d.key(), List.of(ben.handle()));
    String path = base() + "/" + d.key();
    benBrowser.get(path);
    documents().update(ana, d.key(), 1, null, "v2");

    Browser.Page refused = benBrowser.post(path + "/approve", "reviewed_version", "1");

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body()).contains("Version 2 was saved while you were reviewing version 1");
  }

  @Test
  void versionsAndTheDiffBetweenAnyTwoAreReadable() {
    Document d = write("Metrics", "Conversion from 61 % to 66 %\nKeep PCI scope\n");
    documents().update(ana, d.key(), 1, null, "Conversion from 61 % to 68 %\nKeep PCI scope\n");
    String path = base() + "/" + d.key();

    Browser.Page versions = anaBrowser.get(path + "/versions");
    Browser.Page diff = anaBrowser.get(path + "/diff?from=1&to=2");
    Browser.Page old = anaBrowser.get(path + "/versions/1");

    assertThat(versions.body())
        .contains("Version 2")
        .contains("Version 1")
        .contains(path + "/diff?from=1&amp;to=2");
    assertThat(diff.status()).isEqualTo(200);
    assertThat(diff.body())
        .contains("Changes from version 1 to version 2")
        .contains("<del class=\"word\">66</del>")
        .contains("<ins class=\"word\">68</ins>")
        .contains("<span class=\"visually-hidden\">added</span>")
        .contains("@@ -1,2 +1,2 @@");
    assertThat(old.body()).contains("You are reading an older version").contains("66 %");
    assertThat(anaBrowser.get(path + "/diff?from=1&to=5").status()).isEqualTo(422);
  }

  @Test
  void exportsDownloadFromThePage() {
    Document d = write("Export me", "Some **bold** text");
    String path = base() + "/" + d.key();

    Browser.Page md = anaBrowser.get(path + "/export.md");
    Browser.Page html = anaBrowser.get(path + "/export.html");

    assertThat(md.header("Content-Disposition")).contains(d.key() + "-export-me.md");
    assertThat(md.body()).startsWith("# Export me\n");
    assertThat(html.header("Content-Disposition")).contains(d.key() + "-export-me.html");
    assertThat(html.body()).contains("<strong>bold</strong>");
  }

  @Test
  void editorsAddProductTemplatesOnTheTemplatesPage() {
    Browser.Page page = anaBrowser.get(base() + "/templates");
    assertThat(page.body()).contains("Technical specification").contains("Add a template");

    Browser.Page added =
        anaBrowser.post(
            base() + "/templates",
            "name",
            "Launch brief",
            "description",
            "For launches",
            "body",
            "## Audience\n*Who hears about it?*");

    assertThat(added.location()).isEqualTo(base() + "/templates");
    Browser.Page after = anaBrowser.get(base() + "/templates");
    assertThat(after.body())
        .contains("Launch brief")
        .contains(base() + "/templates/launch-brief/edit");
    assertThat(anaBrowser.get(base() + "/new").body()).contains("Launch brief");
    assertThat(anaBrowser.get(base() + "/templates/prd/edit").status()).isEqualTo(404);
  }
}
