package io.hatrack.definition.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QueryHelpTest {

  private static String help() throws IOException {
    try (InputStream in = WorkItemQuery.class.getResourceAsStream(WorkItemQuery.HELP)) {
      assertThat(in).as(WorkItemQuery.HELP).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theHelpShowsEveryFieldPresenceAndSortKey() throws IOException {
    String help = help();

    for (String field : QueryCompiler.FIELDS) {
      assertThat(help).as(field).containsAnyOf(field + ":", field + ">");
    }
    for (String what : QueryCompiler.PRESENCE) {
      assertThat(help).contains("`" + what + "`");
    }
    for (String key : QueryCompiler.SORTS) {
      assertThat(help).contains("`" + key + "`");
    }
  }

  @Test
  void everyExampleInTheHelpsTablesParses() throws IOException {
    String help =
        help()
            .lines()
            .filter(l -> l.startsWith("|"))
            .collect(java.util.stream.Collectors.joining("\n"));
    var examples = java.util.regex.Pattern.compile("`([^`]+)`").matcher(help);
    int count = 0;
    while (examples.find()) {
      String example = examples.group(1);
      if (example.length() <= 3 || example.endsWith(":")) {
        continue; // operators, field names, and the words OR, AND, NOT the help warns about
      }
      assertThat(WorkItemQuery.syntaxError(example)).as(example).isEmpty();
      count++;
    }
    assertThat(count).isGreaterThan(30);
  }
}
