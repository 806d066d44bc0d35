package io.hatrack.discovery.feedback.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.demo.DemoStory;
import io.hatrack.testing.Fresh;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.util.List;
import org.junit.jupiter.api.Test;

/** After the demo, the Checkout inbox has possible duplicates for Ana to review. */
@OnEveryDatabase
class DuplicatesDemoTest {
  @Test
  void theDemoInboxHasPossibleDuplicatesInSeveralGroups(@Fresh TestApp app) {
    assertThat(app.app().seedDemoIfEmpty()).isTrue();
    User ana = app.accounts().byEmail(DemoStory.LOGIN_EMAIL).orElseThrow();
    DuplicateService duplicates = app.app().discovery().duplicates().service();

    long pairs = duplicates.count(ana, "checkout");
    List<DuplicateGroup> groups = duplicates.groups(ana, "checkout", 300);

    assertThat(pairs).isGreaterThan(0);
    assertThat(groups.size()).isGreaterThan(10);
    assertThat(groups).allSatisfy(g -> assertThat(g.percent()).isGreaterThanOrEqualTo(50));
  }
}
