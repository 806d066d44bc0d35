package io.hatrack.definition.query;

/** Carries a {@link QueryError} out of the parser or the compiler to {@link WorkItemQuery}. */
final class QueryFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient QueryError error;

  QueryFailure(QueryError error) {
    super(error.message(), null, false, false);
    this.error = error;
  }

  static QueryFailure at(ParsedQuery.Span span, String message) {
    return new QueryFailure(QueryError.at(span, message));
  }

  QueryError error() {
    return error;
  }
}
