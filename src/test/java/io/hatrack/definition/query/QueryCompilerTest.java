package io.hatrack.definition.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.definition.EstimateUnit;
import io.hatrack.definition.StateCategory;
import io.hatrack.definition.WorkItemStore.SqlFilter;
import io.hatrack.definition.WorkflowState;
import io.hatrack.definition.query.FieldCatalog.CustomField;
import io.hatrack.definition.query.FieldCatalog.Type;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The compiler against a product described in memory: name resolution, errors and SQL shape. */
class QueryCompilerTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Instant NOW = ZonedDateTime.of(2026, 3, 10, 12, 0, 0, 0, BERLIN).toInstant();

  /** Checkout as the compiler sees it. */
  private static final class Checkout implements QueryContext {
    EstimateUnit unit = EstimateUnit.POINTS;

    @Override
    public long productId() {
      return 1;
    }

    @Override
    public String productKey() {
      return "CHK";
    }

    @Override
    public long me() {
      return 10;
    }

    @Override
    public ZoneId zone() {
      return BERLIN;
    }

    @Override
    public Instant now() {
      return NOW;
    }

    @Override
    public EstimateUnit estimateUnit() {
      return unit;
    }

    @Override
    public List<WorkflowState> states() {
      return List.of(
          new WorkflowState(1, 1, "Backlog", StateCategory.NOT_STARTED, 0),
          new WorkflowState(2, 1, "Ready", StateCategory.NOT_STARTED, 1),
          new WorkflowState(3, 1, "In progress", StateCategory.DOING, 2),
          new WorkflowState(4, 1, "In review", StateCategory.DOING, 3),
          new WorkflowState(5, 1, "Done", StateCategory.DONE, 4),
          new WorkflowState(6, 1, "Won't do", StateCategory.DONE, 5));
    }

    @Override
    public Optional<Long> member(String handle) {
      return Optional.ofNullable(Map.of("ana", 10L, "ben", 11L).get(handle));
    }

    @Override
    public List<String> memberHandles() {
      return List.of("ana", "ben");
    }

    @Override
    public Optional<Long> tag(String name) {
      return Optional.ofNullable(Map.of("mobile", 100L, "ios", 101L).get(name));
    }

    @Override
    public List<String> tagNames() {
      return List.of("ios", "mobile");
    }

    @Override
    public Optional<Long> workItem(long number) {
      return number == 12 ? Optional.of(512L) : Optional.empty();
    }

    @Override
    public List<CustomField> fields() {
      return List.of(
          new CustomField(7, "risk", "Risk", Type.SELECT, List.of("low", "medium", "high")),
          new CustomField(8, "customer_value", "Customer value", Type.NUMBER, List.of()),
          new CustomField(9, "design_ready", "Design ready", Type.CHECKBOX, List.of()),
          new CustomField(10, "target_date", "Target date", Type.DATE, List.of()),
          new CustomField(11, "reviewer", "Reviewer", Type.PERSON, List.of()),
          new CustomField(12, "platforms", "Platforms", Type.MULTI_SELECT, List.of("web", "ios")),
          new CustomField(13, "notes", "Notes", Type.TEXT, List.of()));
    }
  }

  private final Checkout checkout = new Checkout();

  private SqlFilter compile(String q) {
    return QueryCompiler.compile(QueryParser.parse(q), checkout);
  }

  private QueryError error(String q) {
    try {
      compile(q);
    } catch (QueryFailure f) {
      return f.error();
    }
    throw new AssertionError("no error for " + q);
  }

  /** The parameters in the order they were bound (qp0, qp1, ...). */
  private static List<Object> values(SqlFilter f) {
    List<Object> list = new java.util.ArrayList<>();
    for (int i = 0; f.params().containsKey("qp" + i); i++) {
      list.add(f.params().get("qp" + i));
    }
    return list;
  }

  @Test
  void aBlankQueryFiltersNothingAndSortsByLastUpdate() {
    SqlFilter f = compile("");

    assertThat(f.where()).isEmpty();
    assertThat(values(f)).isEmpty();
    assertThat(f.orderBy()).isEqualTo("e.updated_at DESC, e.id DESC");
  }

  @Test
  void statesAreFoundByNameWhateverTheCase() {
    SqlFilter f = compile("status:\"IN REVIEW\",done");

    assertThat(f.where()).contains("w.state_id IN (:qp0, :qp1)");
    assertThat(values(f)).endsWith(4L, 5L);
  }

  @Test
  void anUnknownStateListsTheStatesAndPointsAtTheValue() {
    QueryError e = error("type:story status:Reviewing");

    assertThat(e.offset()).isEqualTo(18);
    assertThat(e.length()).isEqualTo(9);
    assertThat(e.message())
        .isEqualTo(
            "no state named \"Reviewing\"; states are Backlog, Ready, In progress, In review, Done,"
                + " Won't do");
    assertThat(error("status:Redy").message())
        .startsWith("no state named \"Redy\": did you mean \"Ready\"?");
  }

  @Test
  void anUnknownFieldSuggestsTheNearestOne() {
    QueryError e = error("type:feature stauts:done");

    assertThat(e.offset()).isEqualTo(13);
    assertThat(e.length()).isEqualTo(6);
    assertThat(e.message()).isEqualTo("unknown field \"stauts\": did you mean \"status\"?");
    assertThat(error("rsk:high").message()).contains("did you mean \"risk\"?");
    assertThat(error("zzz:1").message()).contains("put it in quotes");
  }

  @Test
  void categoriesBecomeTheirStates() {
    assertThat(values(compile("category:doing"))).endsWith(3L, 4L);
    assertThat(values(compile("category:todo,done"))).endsWith(1L, 2L, 5L, 6L);
    assertThat(error("category:later").message()).contains("categories are todo, doing, done");
  }

  @Test
  void typesAreCheckedAndSuggested() {
    assertThat(values(compile("type:Feature,story"))).endsWith("feature", "story");
    QueryError e = error("type:feture");
    assertThat(e.offset()).isEqualTo(5);
    assertThat(e.message()).startsWith("no type \"feture\": did you mean \"feature\"?");
  }

  @Test
  void ownersAreMeAHandleOrNone() {
    SqlFilter f = compile("owner:me,@ben,none");

    assertThat(f.where())
        .contains("w.owner_id IS NULL OR (w.owner_id IS NOT NULL AND w.owner_id IN");
    assertThat(values(f)).endsWith(10L, 11L);
    QueryError e = error("owner:@anna");
    assertThat(e.offset()).isEqualTo(6);
    assertThat(e.message()).isEqualTo("no member @anna in this workspace: did you mean \"@ana\"?");
    assertThat(error("creator:none").message()).contains("no member @none");
  }

  @Test
  void parentsAndKeysAreKeysOfThisProduct() {
    assertThat(values(compile("parent:CHK-12"))).endsWith(512L);
    assertThat(values(compile("parent:chk-12"))).endsWith(512L);
    assertThat(compile("parent:none").where()).contains("w.parent_id IS NULL");
    assertThat(error("parent:CHK-13").message()).isEqualTo("no work item CHK-13 in this product");
    assertThat(error("parent:MOB-12").message())
        .isEqualTo("MOB-12 is not in this product; its keys start with CHK-");
    assertThat(error("key:abc").message()).contains("is not an item key");
    assertThat(values(compile("key:CHK-40,41"))).endsWith(40L, 41L);
  }

  @Test
  void tagsAreNormalisedAndSuggested() {
    assertThat(values(compile("tag:Mobile"))).endsWith(100L);
    QueryError e = error("tag:mobil");
    assertThat(e.message())
        .isEqualTo("no tag \"mobil\" in this workspace: did you mean \"mobile\"?");
  }

  @Test
  void numbersAreCheckedAndCompared() {
    SqlFilter f = compile("estimate>3 estimate:1..2.5 -estimate<=8");

    assertThat(f.where())
        .contains("(w.estimate IS NOT NULL AND w.estimate > :qp0)")
        .contains("(w.estimate IS NOT NULL AND w.estimate >= :qp1 AND w.estimate <= :qp2)")
        .contains("NOT ((w.estimate IS NOT NULL AND w.estimate <= :qp3))");
    assertThat(values(f)).endsWith(3.0, 1.0, 2.5, 8.0);
    QueryError e = error("type:bug estimate>abc");
    assertThat(e.offset()).isEqualTo(18);
    assertThat(e.length()).isEqualTo(3);
    assertThat(e.message()).isEqualTo("\"abc\" is not a number for estimate");
    assertThat(error("estimate>3..5").message()).contains("a range takes a colon");
    assertThat(error("estimate:3..").message()).contains("both ends");
    assertThat(error("estimate:M").message()).contains("estimates in story points");
  }

  @Test
  void productsThatEstimateBySizeCompareSizes() {
    checkout.unit = EstimateUnit.SIZE;

    assertThat(values(compile("estimate>=L"))).endsWith("L", "XL", "XXL");
    assertThat(values(compile("size:xs..s"))).endsWith("XS", "S");
    assertThat(compile("estimate>XXL").where()).contains("1 = 0");
    assertThat(error("estimate>3").message()).contains("t-shirt sizes");
  }

  @Test
  void daysAreWholeDaysInTheReadersTimeZone() {
    long jan1 = ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, BERLIN).toInstant().toEpochMilli();
    long jan2 = ZonedDateTime.of(2026, 1, 2, 0, 0, 0, 0, BERLIN).toInstant().toEpochMilli();

    assertThat(values(compile("updated>2026-01-01"))).endsWith(jan2);
    assertThat(values(compile("updated>=2026-01-01"))).endsWith(jan1);
    assertThat(values(compile("updated<2026-01-01"))).endsWith(jan1);
    assertThat(values(compile("updated<=2026-01-01"))).endsWith(jan2);
    assertThat(values(compile("updated:2026-01-01"))).endsWith(jan1, jan2);
    assertThat(compile("updated:2026-01-01").where())
        .contains("(e.updated_at >= :qp0 AND e.updated_at < :qp1)");
  }

  @Test
  void relativeDaysAreMomentsBeforeOrAfterNow() {
    long weekAgo = NOW.minusSeconds(7 * 86_400).toEpochMilli();

    assertThat(values(compile("created<7d"))).endsWith(weekAgo);
    assertThat(compile("created<7d").where()).contains("e.created_at < :qp0");
    assertThat(values(compile("updated>1w"))).endsWith(weekAgo);
    assertThat(values(compile("updated>-7d"))).endsWith(weekAgo);
    assertThat(values(compile("target_date<+14d"))).contains("2026-03-24");
    assertThat(values(compile("target_date:today"))).contains("2026-03-10");
    QueryError e = error("updated>2026-13-01");
    assertThat(e.offset()).isEqualTo(8);
    assertThat(e.message()).startsWith("\"2026-13-01\" is not a date for updated");
  }

  @Test
  void customFieldsFilterByTheirType() {
    assertThat(compile("risk:HIGH").where())
        .containsPattern(
            "EXISTS \\(SELECT 1 FROM custom_value cv WHERE cv.item_id = w.id AND"
                + " cv.field_id = :qp\\d AND \\(cv.text_value = :qp\\d\\)\\)");
    assertThat(values(compile("risk:HIGH"))).contains(7L, "high");
    assertThat(values(compile("customer_value>=5"))).contains(8L, 5.0);
    assertThat(compile("customer_value>=5").where()).contains("cv.number_value >= :qp");
    assertThat(compile("design_ready:true").where())
        .contains("EXISTS")
        .contains("number_value = 1");
    assertThat(compile("design_ready:false").where()).contains("NOT EXISTS");
    assertThat(values(compile("target_date<2027-03-01"))).contains(10L, "2027-03-01");
    assertThat(values(compile("reviewer:me"))).contains(11L, 10L);
    assertThat(values(compile("platforms:IOS"))).contains(12L, "%|ios|%");
    assertThat(values(compile("notes:\"50%_off\""))).contains(13L, "%50!%!_off%");
    assertThat(compile("risk:none").where()).contains("NOT EXISTS");
  }

  @Test
  void customFieldMistakesPointAtTheirPart() {
    QueryError option = error("risk:hgh");
    assertThat(option.offset()).isEqualTo(5);
    assertThat(option.message())
        .isEqualTo(
            "\"hgh\" is not an option of risk: did you mean \"high\"?; options are low, medium, high");
    QueryError op = error("risk>low");
    assertThat(op.offset()).isEqualTo(4);
    assertThat(op.length()).isEqualTo(1);
    assertThat(op.message()).contains("risk is a select field, so write risk:low");
    assertThat(error("design_ready:maybe").message()).contains("not true or false");
    assertThat(error("customer_value>lots").message()).contains("not a number for customer_value");
  }

  @Test
  void presenceTakesBuiltInFieldsAndCustomFields() {
    assertThat(compile("has:owner").where()).contains("w.owner_id IS NOT NULL");
    assertThat(compile("no:owner,estimate").where())
        .contains(
            "NOT (w.owner_id IS NOT NULL) OR NOT ((w.estimate IS NOT NULL OR w.size IS NOT NULL))");
    assertThat(compile("has:risk").where()).contains("cv.text_value <> ''");
    QueryError e = error("has:ownr");
    assertThat(e.offset()).isEqualTo(4);
    assertThat(e.message()).contains("did you mean \"owner\"?");
  }

  @Test
  void orderingOperatorsOnlyForNumbersAndDates() {
    QueryError e = error("type>bug");

    assertThat(e.offset()).isEqualTo(4);
    assertThat(e.message()).contains("type takes a colon, such as type:bug");
    assertThat(error("status<=Done").length()).isEqualTo(2);
  }

  @Test
  void sortKeysBecomeAnOrderWithNullsLastAndATieBreak() {
    assertThat(compile("sort:estimate").orderBy())
        .isEqualTo("w.estimate IS NULL, w.estimate, e.id");
    assertThat(compile("sort:-updated").orderBy()).isEqualTo("e.updated_at DESC, e.id DESC");
    assertThat(compile("sort:status,-key").orderBy()).isEqualTo("s.position, e.number DESC, e.id");
    assertThat(compile("sort:risk").orderBy()).contains("CASE cv.text_value WHEN");
    QueryError e = error("sort:stauts");
    assertThat(e.offset()).isEqualTo(5);
    assertThat(e.message()).startsWith("cannot sort by \"stauts\": did you mean \"status\"?");
  }

  @Test
  void aWordThatIsAKeyAlsoFindsThatItem() {
    SqlFilter f = compile("chk-42");

    assertThat(f.where()).contains("(e.number = :qp1 OR e.search_title LIKE :qp0 ESCAPE '!')");
    assertThat(values(f)).endsWith("%chk-42%", 42L);
  }

  @Test
  void wordsAreLowercasedAndTheirWildcardsEscaped() {
    assertThat(values(compile("Saved -\"100%\""))).endsWith("%saved%", "%100!%%");
    assertThat(compile("-x").where()).contains("NOT (e.search_title LIKE");
  }

  @Property(tries = 200)
  void userTextNeverReachesTheSql(
      @ForAll @AlphaChars @StringLength(min = 3, max = 20) String text) {
    String marker = "zq" + text + "'; DROP TABLE entity; --";
    SqlFilter f =
        QueryCompiler.compile(
            QueryParser.parse(
                "\""
                    + marker.replace("\"", "")
                    + "\" title:\""
                    + marker
                    + "\" notes:\""
                    + marker
                    + "\""),
            checkout);

    // The text alone may be a piece of SQL ("LOW" of LOWER); with the "zq" before it, it is not.
    String mine = ("zq" + text).toLowerCase(Locale.ROOT);
    assertThat(f.where()).doesNotContain("DROP");
    assertThat(f.where().toLowerCase(Locale.ROOT)).doesNotContain(mine);
    assertThat(f.orderBy().toLowerCase(Locale.ROOT)).doesNotContain(mine);
  }
}
