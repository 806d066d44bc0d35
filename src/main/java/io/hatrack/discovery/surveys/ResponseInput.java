package io.hatrack.discovery.surveys;

import java.util.List;

/**
 * A whole response before it is checked: its answers and, on a survey that is not anonymous, who
 * gave it (optional). Checked as a whole: one wrong answer refuses it all.
 */
public record ResponseInput(List<AnswerInput> answers, String name, String email) {
  public ResponseInput {
    answers = answers == null ? List.of() : List.copyOf(answers);
  }

  public static ResponseInput of(AnswerInput... answers) {
    return new ResponseInput(List.of(answers), null, null);
  }

  public ResponseInput from(String who, String address) {
    return new ResponseInput(answers, who, address);
  }
}
