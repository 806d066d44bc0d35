package io.hatrack.definition.query;

import io.hatrack.definition.EstimateUnit;
import io.hatrack.definition.WorkflowState;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * What compiling a query needs to know about the product and the reader: names to resolve into ids,
 * the reader's time zone and the time. Kept apart from the database so that the compiler can be
 * tested on its own.
 */
interface QueryContext {
  long productId();

  /** The product's key, such as {@code CHK}. */
  String productKey();

  /** The reader, whom {@code me} means. */
  long me();

  /** The reader's time zone, where days begin and end. */
  ZoneId zone();

  Instant now();

  EstimateUnit estimateUnit();

  /** The product's workflow states, in order. */
  List<WorkflowState> states();

  /** The member with this handle (without {@code @}, lowercase). */
  Optional<Long> member(String handle);

  /** Every member's handle, for suggestions. */
  List<String> memberHandles();

  /** The workspace's tag with this normalised name. */
  Optional<Long> tag(String name);

  /** Every tag name of the workspace, for suggestions. */
  List<String> tagNames();

  /** The id of the product's work item with this number. */
  Optional<Long> workItem(long number);

  /** The product's custom fields. */
  List<FieldCatalog.CustomField> fields();
}
