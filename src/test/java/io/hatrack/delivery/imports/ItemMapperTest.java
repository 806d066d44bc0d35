package io.hatrack.delivery.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.definition.StateCategory;
import io.hatrack.definition.WorkItemType;
import io.hatrack.definition.WorkflowState;
import io.hatrack.delivery.imports.source.SourceRecord;
import io.hatrack.kernel.Invalid;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemMapperTest {
  private static final List<WorkflowState> STATES =
      List.of(
          new WorkflowState(1, 1, "Backlog", StateCategory.NOT_STARTED, 0),
          new WorkflowState(2, 1, "Ready", StateCategory.NOT_STARTED, 1),
          new WorkflowState(3, 1, "In progress", StateCategory.DOING, 2),
          new WorkflowState(4, 1, "Done", StateCategory.DONE, 3),
          new WorkflowState(5, 1, "Won't do", StateCategory.DONE, 4));

  private static ItemMapper mapper(String... map) {
    return new ItemMapper(
        STATES, ImportOptions.parse("jira", false, List.of(map)), true, Map.of("ana lopez", "ana"));
  }

  private static SourceRecord record(String type, String status, String category, String estimate) {
    return new SourceRecord(
        "line 2 (K-1)",
        "K-1",
        null,
        type,
        "  A   title ",
        "",
        status,
        category,
        null,
        estimate,
        "Ana Lopez",
        List.of("UX/Checkout", "#hash", "Saved Cards"),
        List.of(),
        List.of(),
        null,
        List.of());
  }

  @Test
  void statusesGoToTheMappedStateTheSameNameOrTheFirstOfTheirCategory() {
    ItemMapper m = mapper("status:QA=In progress");

    assertThat(m.state("QA", "todo")).isEqualTo("In progress");
    assertThat(m.state("ready", null)).isEqualTo("Ready");
    assertThat(m.state("Verifying", "doing")).isEqualTo("In progress");
    assertThat(m.state("Resolved", null)).isEqualTo("Done");
    assertThat(m.state("closed (not planned)", "done")).isEqualTo("Won't do");
    assertThat(m.state("Icebox", null)).isEqualTo("Backlog");
    assertThat(m.state(null, null)).isEqualTo("Backlog");
    assertThat(m.statuses())
        .containsEntry("QA", "In progress (mapped)")
        .containsEntry("Verifying", "In progress (by category doing)")
        .containsEntry("Icebox", "Backlog (by category todo, guessed from the name)");
    assertThat(ItemImport.Report.chosen("Backlog (by category todo, guessed from the name)"))
        .isEqualTo("Backlog");
  }

  @Test
  void typesByMappingNameOrAliasAndAStoryOtherwise() {
    ItemMapper m = mapper("type:Spike=bug");

    assertThat(m.type("Spike")).isEqualTo(WorkItemType.BUG);
    assertThat(m.type("Sub-task")).isEqualTo(WorkItemType.TASK);
    assertThat(m.type("New Feature")).isEqualTo(WorkItemType.FEATURE);
    assertThat(m.type("EPIC")).isEqualTo(WorkItemType.EPIC);
    assertThat(m.type("Improvement")).isEqualTo(WorkItemType.STORY);
    assertThat(m.type(null)).isEqualTo(WorkItemType.STORY);
  }

  @Test
  void aRecordIsPlannedWithValidTagsItsOwnerAndAStableFingerprint() {
    ItemMapper m = mapper();
    List<RecordProblem> problems = new ArrayList<>();

    ItemMapper.Planned p = m.plan(record("Story", "Done", "done", "2,5"), problems).orElseThrow();
    ItemMapper.Planned again =
        mapper().plan(record("Story", "Done", "done", "2,5"), problems).orElseThrow();
    ItemMapper.Planned other =
        mapper().plan(record("Story", "Done", "done", "3"), problems).orElseThrow();

    assertThat(problems).isEmpty();
    assertThat(p.title()).isEqualTo("A title");
    assertThat(p.estimate()).isEqualTo(2.5);
    assertThat(p.tags()).containsExactly("ux-checkout", "hash", "saved cards");
    assertThat(p.owner()).isEqualTo("ana");
    assertThat(p.fingerprint()).isEqualTo(again.fingerprint()).isNotEqualTo(other.fingerprint());
    assertThat(m.notes()).anySatisfy(n -> assertThat(n).startsWith("2 labels were changed"));
  }

  @Test
  void aBadEstimateOrAMissingTitleIsAProblemNamingTheRecord() {
    List<RecordProblem> problems = new ArrayList<>();

    assertThat(mapper().plan(record("Story", null, null, "lots"), problems)).isEmpty();
    assertThat(mapper().plan(record("Story", null, null, "-1"), problems)).isEmpty();

    assertThat(problems)
        .extracting(RecordProblem::toString)
        .containsExactly(
            "line 2 (K-1): the estimate \"lots\" is not a number",
            "line 2 (K-1): the estimate -1 is not from 0 to 10,000");
  }

  @Test
  void mappingEntriesAreParsedAndAWrongOneNamesTheParameter() {
    ImportOptions o =
        ImportOptions.parse(
            "csv", true, List.of("Summary=title,status:In QA=In review", "type:Spike=task"));

    assertThat(o.columns()).containsEntry("Summary", "title");
    assertThat(o.statuses()).containsEntry("In QA", "In review");
    assertThat(o.types()).containsEntry("Spike", "task");
    assertThat(o.dryRun()).isTrue();
    assertThat(
            ImportOptions.ofEntries("trello", false, List.of("status:Later, maybe=Backlog"))
                .statuses())
        .containsExactly(Map.entry("Later, maybe", "Backlog"));
    assertThatThrownBy(() -> ImportOptions.parse("csv", false, List.of("nonsense")))
        .isInstanceOf(Invalid.class)
        .hasMessageContaining("FROM=TO");
    assertThatThrownBy(() -> ImportOptions.parse("asana", false, List.of()))
        .isInstanceOf(Invalid.class);
    assertThat(mapper("status:X=Nowhere", "type:Y=saga").check())
        .extracting(RecordProblem::where)
        .containsExactly("mapping status:X", "mapping type:Y");
  }
}
