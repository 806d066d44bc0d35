package io.hatrack.definition.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.demo.DemoStory;
import io.hatrack.testing.Fresh;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.util.List;
import org.junit.jupiter.api.Test;

@OnEveryDatabase
class DocumentsDemoTest {

  @Test
  void checkoutHasThePrdInReviewAndTheApprovedVaultSpec(@Fresh TestApp app) {
    app.app().seedDemoIfEmpty();
    User ana = app.accounts().byEmail(DemoStory.LOGIN_EMAIL).orElseThrow();
    DocumentService documents = app.app().definition().documents().documents();

    List<Document> all = documents.list(ana, "checkout", null, null, 50).items();

    Document prd =
        all.stream()
            .filter(d -> d.title().equals("One-click saved cards"))
            .findFirst()
            .orElseThrow();
    Document spec =
        all.stream()
            .filter(d -> d.title().equals("Card vault tokenisation"))
            .findFirst()
            .orElseThrow();
    assertThat(prd.templateKey()).isEqualTo("prd");
    assertThat(prd.status()).isEqualTo(DocumentStatus.IN_REVIEW);
    assertThat(prd.latestVersion()).isEqualTo(3);
    assertThat(prd.body()).contains("PCI", "token", "Checkout conversion");
    assertThat(prd.approvals())
        .extracting(a -> a.approver().handle(), Approval::decision)
        .containsExactly(tuple("ben", Decision.APPROVED), tuple("femi", Decision.PENDING));
    assertThat(documents.diff(ana, prd.key(), 1, 3).body().added()).isPositive();
    assertThat(spec.templateKey()).isEqualTo("technical-spec");
    assertThat(spec.status()).isEqualTo(DocumentStatus.APPROVED);
    assertThat(app.app().definition().documents().templates().list(ana, "checkout"))
        .extracting(DocumentTemplate::name)
        .contains("Experiment brief");
    User femi = app.accounts().byEmail("femi@northwind.example").orElseThrow();
    assertThat(app.collaboration().notifications().list(femi, false, 0, 100))
        .anyMatch(n -> n.summary().contains("asked you to review version 3"));
  }
}
