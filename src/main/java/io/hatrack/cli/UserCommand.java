package io.hatrack.cli;

import io.hatrack.App;
import io.hatrack.AppConfig;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hatrack user}: manage accounts from the server's shell. */
@Command(
    name = "user",
    mixinStandardHelpOptions = true,
    description = "Manage accounts.",
    subcommands = UserCommand.Add.class)
public final class UserCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: add");
  }

  /** {@code hatrack user add}. */
  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Create an account. With --workspace, add it to that workspace with --role (default"
            + " editor), or create the workspace with the new user as its owner if it does not"
            + " exist. Without --password-stdin, prints a one-time link to choose a password."
      })
  public static final class Add implements Callable<Integer> {
    @Mixin StorageOptions storage;

    @Option(names = "--email", required = true, paramLabel = "E", description = "E-mail address.")
    String email;

    @Option(names = "--name", required = true, paramLabel = "N", description = "Display name.")
    String name;

    @Option(
        names = "--workspace",
        paramLabel = "W",
        description = "Workspace slug, id or new name.")
    String workspace;

    @Option(
        names = "--role",
        paramLabel = "R",
        description = "owner, admin, editor, commenter or viewer (with --workspace).")
    String role;

    @Option(
        names = "--password-stdin",
        description = "Read the password from standard input (one line).")
    boolean passwordStdin;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    /** Where {@code --password-stdin} reads from; tests replace it. */
    InputStream stdin = System.in;

    @Override
    public Integer call() throws IOException {
      if (role != null && workspace == null) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--role needs --workspace");
      }
      Role wanted = role == null ? null : Role.parse("role", role);
      String password = passwordStdin ? readPassword() : null;
      AppConfig config =
          AppConfig.defaults(storage.dataDir(), storage.databaseUrl(), "127.0.0.1", 0);
      try (App app = new App(config)) {
        var out = spec.commandLine().getOut();
        String joined =
            app.database()
                .tx(
                    h -> {
                      User user = app.accounts().create(h, email, name, password);
                      if (workspace == null) {
                        return "";
                      }
                      Optional<Workspace> existing =
                          app.workspaces().findAsAdministrator(h, workspace);
                      if (existing.isPresent()) {
                        Role r = wanted == null ? Role.EDITOR : wanted;
                        app.workspaces().addMemberAsAdministrator(h, existing.get().id(), user, r);
                        return " and added to " + existing.get().name() + " as " + r.id();
                      }
                      if (wanted != null && wanted != Role.OWNER) {
                        throw new CommandFailure(
                            "no workspace '"
                                + workspace
                                + "'; a new workspace is owned by its creator, so --role must be"
                                + " owner or left out");
                      }
                      Workspace created = app.workspaces().create(h, user, workspace, null);
                      return " and created the workspace "
                          + created.name()
                          + " ("
                          + created.slug()
                          + ") as its owner";
                    });
        User user = app.accounts().byEmail(email).orElseThrow();
        out.println(
            "Created the account @" + user.handle() + " <" + user.email() + ">" + joined + ".");
        if (password == null) {
          String secret = app.accounts().createPasswordLink(user.id());
          out.println("To choose a password, open (valid for 7 days, once):");
          out.println(app.config().baseUrl().replaceFirst(":0$", ":7070") + "/reset/" + secret);
        }
        out.flush();
      }
      return 0;
    }

    private String readPassword() throws IOException {
      String text = new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
      String line = text.lines().findFirst().orElse("");
      if (line.isEmpty()) {
        throw new CommandFailure("--password-stdin was given but standard input held no password");
      }
      return line;
    }
  }
}
