package io.hatrack.cli;

import io.hatrack.App;
import io.hatrack.AppConfig;
import io.hatrack.discovery.feedback.Feedback;
import io.hatrack.discovery.feedback.FeedbackDraft;
import io.hatrack.kernel.FieldError;
import io.hatrack.kernel.Invalid;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hatrack feedback}: the feedback inbox from the command line. */
@Command(
    name = "feedback",
    mixinStandardHelpOptions = true,
    description = "Work with the feedback inbox of a product.",
    subcommands = {FeedbackCommand.Add.class, FeedbackDuplicatesCommand.class})
public final class FeedbackCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Missing subcommand: add or duplicates");
  }

  /** {@code hatrack feedback add --product KEY --text ...}. */
  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Add a piece of feedback to a product's inbox, in the name of the first owner of its"
            + " workspace. Prints its key."
      })
  public static final class Add implements Callable<Integer> {
    @Mixin StorageOptions storage;

    @Option(
        names = "--product",
        required = true,
        paramLabel = "KEY",
        description = "The product's key (CHK) or slug.")
    String product;

    @Option(names = "--text", required = true, description = "What the customer said.")
    String text;

    @Option(
        names = "--source",
        paramLabel = "S",
        description =
            "support_ticket, sales_call, interview, survey, portal, email, api, sprint_review or"
                + " other (default other).")
    String source;

    @Option(
        names = "--customer",
        paramLabel = "NAME|EXTERNAL_ID",
        description = "The customer who said it, by external id or name.")
    String customer;

    @Option(
        names = "--date",
        paramLabel = "YYYY-MM-DD",
        description = "When it was said (default today).")
    String date;

    @Option(
        names = "--importance",
        paramLabel = "N",
        description = "0 not important, 1 nice to have, 2 important, 3 critical.")
    Integer importance;

    @Option(names = "--tag", paramLabel = "T", description = "A tag; repeat for more.")
    List<String> tags = new ArrayList<>();

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      String url = storage.databaseUrl();
      if (url.equals(AppConfig.defaultDatabaseUrl(storage.dataDir()))
          && !Files.exists(storage.dataDir().resolve("hatrack.db"))) {
        throw new CommandFailure("no Hatrack database in " + storage.dataDir().toAbsolutePath());
      }
      java.time.Instant at = null;
      if (date != null) {
        try {
          at = LocalDate.parse(date.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
          throw new CommandFailure("--date must be a date such as 2025-03-31, not " + date);
        }
      }
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      AppConfig config = AppConfig.defaults(storage.dataDir(), url, "127.0.0.1", 0);
      try (App app = new App(config)) {
        FeedbackDraft draft =
            FeedbackDraft.of(text, source)
                .withHappenedAt(at)
                .withImportance(importance)
                .withTags(tags);
        Feedback f =
            app.discovery().feedback().intake().createAsAdministrator(product, customer, draft);
        out.println(
            "Added "
                + f.key()
                + " \u201c"
                + f.summary()
                + "\u201d"
                + (f.customerName() == null ? "" : " from " + f.customerName())
                + ".");
        return 0;
      } catch (Invalid e) {
        for (FieldError fe : e.errors()) {
          err.println("hatrack: " + option(fe.field()) + " " + fe.reason());
        }
        return 1;
      }
    }

    private static String option(String field) {
      return switch (field) {
        case "happened_at" -> "--date";
        case "customer_id", "customer" -> "--customer";
        default -> field.startsWith("tags") ? "--tag" : "--" + field;
      };
    }
  }
}
