package io.hatrack.cli;

import io.hatrack.App;
import io.hatrack.AppConfig;
import io.hatrack.kernel.auth.User;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hatrack token}: API tokens from the server's shell. */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = "Manage API tokens.",
    subcommands = TokenCommand.Create.class)
public final class TokenCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: create");
  }

  /** {@code hatrack token create}. */
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = {
        "Create a personal API token for an account. The token is printed once, as the last"
            + " line; Hatrack keeps only its hash."
      })
  public static final class Create implements Callable<Integer> {
    @Mixin StorageOptions storage;

    @Option(
        names = "--email",
        required = true,
        paramLabel = "E",
        description = "The account's e-mail.")
    String email;

    @Option(
        names = "--name",
        paramLabel = "NAME",
        description = "What the token is for (default: CLI).")
    String name = "CLI";

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      AppConfig config =
          AppConfig.defaults(storage.dataDir(), storage.databaseUrl(), "127.0.0.1", 0);
      try (App app = new App(config)) {
        User user =
            app.accounts()
                .byEmail(email)
                .orElseThrow(
                    () -> new CommandFailure("no account has the e-mail address " + email));
        var created = app.tokens().create(user, name);
        var out = spec.commandLine().getOut();
        out.println(
            "Created the API token \""
                + created.token().name()
                + "\" for @"
                + user.handle()
                + ". Use it as 'Authorization: Bearer <token>'; it is shown only now:");
        out.println(created.secret());
        out.flush();
      }
      return 0;
    }
  }
}
