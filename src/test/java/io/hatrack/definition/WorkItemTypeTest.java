package io.hatrack.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.kernel.Invalid;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkItemTypeTest {

  @Test
  void theHierarchyRunsFromObjectivesDownWithBugsAndTasksBelowFeaturesStoriesAndEpics() {
    Map<WorkItemType, Set<WorkItemType>> expected =
        Map.of(
            WorkItemType.OBJECTIVE, EnumSet.noneOf(WorkItemType.class),
            WorkItemType.INITIATIVE, EnumSet.of(WorkItemType.OBJECTIVE),
            WorkItemType.EPIC, EnumSet.of(WorkItemType.OBJECTIVE, WorkItemType.INITIATIVE),
            WorkItemType.FEATURE, EnumSet.of(WorkItemType.INITIATIVE, WorkItemType.EPIC),
            WorkItemType.STORY, EnumSet.of(WorkItemType.EPIC, WorkItemType.FEATURE),
            WorkItemType.BUG,
                EnumSet.of(WorkItemType.EPIC, WorkItemType.FEATURE, WorkItemType.STORY),
            WorkItemType.TASK,
                EnumSet.of(
                    WorkItemType.EPIC, WorkItemType.FEATURE, WorkItemType.STORY, WorkItemType.BUG));

    for (WorkItemType type : WorkItemType.values()) {
      assertThat(type.allowedParents()).as(type.id()).isEqualTo(expected.get(type));
      for (WorkItemType parent : WorkItemType.values()) {
        assertThat(type.mayBeUnder(parent))
            .as("%s under %s", type.id(), parent.id())
            .isEqualTo(expected.get(type).contains(parent));
      }
    }
  }

  @Test
  void everyParentIsBroaderThanItsChildSoNoChainOfTypesLoops() {
    for (WorkItemType type : WorkItemType.values()) {
      assertThat(type.mayBeUnder(type)).as(type.id()).isFalse();
      for (WorkItemType parent : type.allowedParents()) {
        assertThat(parent.ordinal()).as("%s under %s", type, parent).isLessThan(type.ordinal());
      }
    }
  }

  @Test
  void theAllowedParentsCannotBeChangedFromOutside() {
    Set<WorkItemType> parents = WorkItemType.STORY.allowedParents();
    parents.add(WorkItemType.OBJECTIVE);

    assertThat(WorkItemType.STORY.mayBeUnder(WorkItemType.OBJECTIVE)).isFalse();
  }

  @Test
  void typesParseFromTheirIdsWhateverTheCaseAndSpacing() {
    Set<String> ids = new HashSet<>();
    for (WorkItemType type : WorkItemType.values()) {
      assertThat(WorkItemType.parse("type", type.id())).isEqualTo(type);
      assertThat(WorkItemType.parse("type", " " + type.label().toUpperCase() + " "))
          .isEqualTo(type);
      ids.add(type.id());
    }
    assertThat(ids)
        .containsExactlyInAnyOrder(
            "objective", "initiative", "epic", "feature", "story", "bug", "task");
  }

  @Test
  void anUnknownTypeIsRefusedNamingTheFieldAndTheTypes() {
    for (String bad : new String[] {"saga", "", null, "stories"}) {
      assertThatThrownBy(() -> WorkItemType.parse("kind", bad))
          .isInstanceOfSatisfying(
              Invalid.class,
              e ->
                  assertThat(e.reasonFor("kind"))
                      .isEqualTo(
                          "must be one of objective, initiative, epic, feature, story, bug,"
                              + " task"));
    }
  }

  @Test
  void unitsSizesAndCategoriesParseLeniently() {
    assertThat(EstimateUnit.parse("u", " Points ")).isEqualTo(EstimateUnit.POINTS);
    assertThat(EstimateUnit.parse("u", "SIZE")).isEqualTo(EstimateUnit.SIZE);
    assertThat(EstimateUnit.parse("u", "days").label()).isEqualTo("person-days");
    assertThatThrownBy(() -> EstimateUnit.parse("u", "hours"))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> assertThat(e.reasonFor("u")).isEqualTo("must be points, size or days"));
    assertThat(Size.parse("s", " xxl ")).isEqualTo(Size.XXL);
    assertThat(Size.XS.rank()).isEqualTo(1);
    assertThat(Size.XXL.rank()).isEqualTo(6);
    assertThatThrownBy(() -> Size.parse("s", "XXXL")).isInstanceOf(Invalid.class);
    assertThatThrownBy(() -> Size.parse("s", null)).isInstanceOf(Invalid.class);
    assertThat(StateCategory.parse("c", " Doing ")).isEqualTo(StateCategory.DOING);
    assertThatThrownBy(() -> StateCategory.parse("c", "blocked"))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> assertThat(e.reasonFor("c")).isEqualTo("must be todo, doing or done"));
  }
}
