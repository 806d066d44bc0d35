package io.hatrack.cli;

import io.hatrack.App;
import io.hatrack.AppConfig;
import io.hatrack.delivery.imports.ItemExport;
import io.hatrack.delivery.imports.ItemImport;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.auth.User;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hatrack export items --product KEY --format csv|json}: a product's work items. */
@Command(
    name = "items",
    mixinStandardHelpOptions = true,
    description = {
      "Write the live work items of a product (every type, or one with --type) as CSV or JSON,"
          + " in key order. The CSV reads back with hatrack import csv. Prints to standard output"
          + " unless --output is given."
    })
public final class ExportItemsCommand implements Callable<Integer> {
  @Mixin StorageOptions storage;

  @Option(
      names = "--product",
      required = true,
      paramLabel = "KEY",
      description = "The product's key (e.g. CHK) or slug.")
  String product;

  @Option(
      names = "--workspace",
      paramLabel = "SLUG",
      description = "The workspace, when several have a product with that key.")
  String workspace;

  @Option(names = "--format", paramLabel = "csv|json", description = "csv (default) or json.")
  String format = "csv";

  @Option(names = "--type", paramLabel = "TYPE", description = "Only items of this type.")
  String type;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write to FILE instead of standard output.")
  Path output;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    String url = storage.databaseUrl();
    if (url.equals(AppConfig.defaultDatabaseUrl(storage.dataDir()))
        && !Files.exists(storage.dataDir().resolve("hatrack.db"))) {
      throw new CommandFailure("no Hatrack database in " + storage.dataDir().toAbsolutePath());
    }
    ItemExport.Format f;
    try {
      f = ItemExport.Format.parse(format);
    } catch (Invalid e) {
      throw new CommandFailure("--format must be csv or json");
    }
    AppConfig config = AppConfig.defaults(storage.dataDir(), url, "127.0.0.1", 0);
    try (App app = new App(config)) {
      ItemImport.Target target;
      try {
        target = app.delivery().imports().items().targetAsAdministrator(product, workspace);
      } catch (NotFound e) {
        throw new CommandFailure("no product " + product);
      }
      User owner = app.accounts().byId(target.ownerId());
      ItemExport export = app.delivery().imports().export();
      try {
        export.check(owner, target.productRef(), type);
      } catch (Invalid e) {
        throw new CommandFailure(e.errors().get(0).field() + " " + e.errors().get(0).reason());
      }
      long n;
      if (output == null) {
        PrintWriter out = spec.commandLine().getOut();
        n = export.export(owner, target.productRef(), f, type, out);
        out.flush();
      } else {
        try (Writer w =
            new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(output), StandardCharsets.UTF_8))) {
          n = export.export(owner, target.productRef(), f, type, w);
        }
        spec.commandLine()
            .getOut()
            .println(
                String.format(
                    Locale.ROOT, "Wrote %,d work items of %s to %s.", n, product, output));
      }
    }
    return 0;
  }
}
