package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.cli.Main;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.pages.Page;
import io.hatrack.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A backup taken with the CLI while the server runs, restored into an empty data directory, serves
 * the same answers from the API.
 */
class BackupRestoreApiTest {

  @Test
  void aRestoredDataDirectoryAnswersTheApiExactlyAsTheOriginal() throws Exception {
    Path backup = Files.createTempDirectory("hatrack-backup-").resolve("backup.zip");
    Path restored = Files.createTempDirectory("hatrack-restored-").resolve("data");
    List<String> paths;
    List<String> before;
    String secret;
    try (TestServer original = TestServer.start()) {
      User ana = original.user("Ana");
      User ben = original.user("Ben");
      Workspace ws = original.workspace(ana);
      Product product = original.product(ana, ws);
      original
          .app()
          .workspaces()
          .addMember(ana, ws.slug(), ben.email(), io.hatrack.kernel.auth.Role.EDITOR);
      Page vision =
          original.app().pages().create(ana, product.slug(), "Vision", "# Grow\n@" + ben.handle());
      Page notes = original.app().pages().create(ana, product.slug(), "Notes", "plain");
      original
          .app()
          .collaboration()
          .comments()
          .add(ben, vision.item().key(), "Agreed, @" + ana.handle());
      original
          .app()
          .collaboration()
          .links()
          .add(ana, notes.item().key(), vision.item().key(), "supports");
      original.app().collaboration().tags().set(ana, vision.item().key(), List.of("strategy"));
      secret = original.app().tokens().create(ana, "kept").secret();
      paths =
          List.of(
              "/api/v1/me",
              "/api/v1/workspaces",
              "/api/v1/workspaces/" + ws.slug() + "/members",
              "/api/v1/workspaces/" + ws.slug() + "/audit",
              "/api/v1/products/" + product.slug(),
              "/api/v1/products/" + product.slug() + "/pages",
              "/api/v1/pages/" + vision.item().key() + "?include=comments",
              "/api/v1/items/" + notes.item().key() + "/links",
              "/api/v1/items/" + vision.item().key() + "/tags",
              "/api/v1/items/" + vision.item().key() + "/activity",
              "/api/v1/notifications");
      TestServer.Api api = original.apiWithToken(secret);
      before = paths.stream().map(p -> api.get(p).body()).toList();

      int backedUp = Main.run("backup", backup.toString(), "--data", original.dataDir().toString());
      assertThat(backedUp).isZero();
    }

    assertThat(Main.run("restore", backup.toString(), "--data", restored.toString())).isZero();

    try (TestServer copy = TestServer.start("jdbc:sqlite:" + restored.resolve("hatrack.db"))) {
      TestServer.Api api = copy.apiWithToken(secret);
      List<String> after = paths.stream().map(p -> api.get(p).body()).toList();
      for (int i = 0; i < paths.size(); i++) {
        assertThat(after.get(i)).as(paths.get(i)).isEqualTo(before.get(i));
      }
    }
  }
}
