package io.hatrack.delivery.ceremonies;

import java.util.List;

/**
 * A piece of feedback (an item of the discovery hat, source sprint review) given at a review.
 *
 * @param stakeholder who gave it, or null
 * @param items the keys of the demoed items it is linked to
 */
public record ReviewFeedback(
    long feedbackId, String key, String summary, String stakeholder, List<String> items) {}
