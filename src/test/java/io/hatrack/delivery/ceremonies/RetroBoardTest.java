package io.hatrack.delivery.ceremonies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetroBoardTest {
  private static final List<String> COLUMNS = List.of("Start", "Stop", "Continue");

  private static RetroCard card(long id, int column, Long group, int votes, int mine) {
    return new RetroCard(
        id, 1, column, "Card " + id, null, null, group, votes, mine, Instant.EPOCH, 1);
  }

  @Test
  void beforeVotingStacksKeepTheOrderWrittenAndAfterwardsTheMostVotedComeFirst() {
    List<RetroCard> cards =
        List.of(card(1, 0, null, 1, 0), card(2, 0, null, 4, 1), card(3, 0, null, 2, 0));

    RetroBoard written = RetroBoard.of(COLUMNS, cards, List.of(), false);
    RetroBoard voted = RetroBoard.of(COLUMNS, cards, List.of(), true);

    assertThat(written.columns().get(0).stacks())
        .extracting(s -> s.cards().get(0).id())
        .containsExactly(1L, 2L, 3L);
    assertThat(voted.columns().get(0).stacks())
        .extracting(s -> s.cards().get(0).id())
        .containsExactly(2L, 3L, 1L);
    assertThat(voted.columns().get(1).stacks()).isEmpty();
  }

  @Test
  void aGroupSitsInItsFirstCardsColumnWithTheVotesOfAllItsCards() {
    RetroGroup g = new RetroGroup(9, 1, "Build pain");
    List<RetroCard> cards =
        List.of(
            card(1, 1, 9L, 1, 1),
            card(2, 2, 9L, 2, 0),
            card(3, 1, null, 2, 0),
            card(4, 0, 77L, 0, 0));

    RetroBoard board = RetroBoard.of(COLUMNS, cards, List.of(g), true);
    RetroBoard.Column stop = board.columns().get(1);

    assertThat(stop.stacks()).hasSize(2);
    assertThat(stop.stacks().get(0).group()).isEqualTo(g);
    assertThat(stop.stacks().get(0).votes()).isEqualTo(3);
    assertThat(stop.stacks().get(0).myVotes()).isEqualTo(1);
    assertThat(stop.cards()).isEqualTo(3);
    assertThat(board.columns().get(2).stacks()).isEmpty();
    assertThat(board.columns().get(0).stacks())
        .extracting(s -> s.group())
        .containsExactly((RetroGroup) null);
  }
}
