package io.hatrack.planning.plans;

/** What a stored plan was asked: its request and, for a scenario, the changes to its base. */
public record StoredRequest(PlanRequest request, ScenarioChanges changes) {}
