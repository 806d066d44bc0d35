package io.hatrack.discovery.surveys;

import io.hatrack.kernel.work.Item;

/** A survey in its product's list: where it stands and how many have answered. */
public record SurveySummary(
    Item item,
    SurveyStatus status,
    boolean anonymous,
    boolean openLink,
    int questions,
    long responses) {}
