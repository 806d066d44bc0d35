-- The public feedback portal at /p/{product}/feedback. Each portal idea is an item of the product
-- (its entity row, and its feedback item once the inbox has one) with a public face kept here: the
-- title and description visitors see, the status the PM sets, whether it is shown, and its votes.
-- Columns naming ideas refer to entity (not to portal_idea) so that a backup restores in any order.

-- Whether a product has a portal, and whether new ideas and comments show at once ('open') or
-- after a member approved them ('approve'). A product without a row has no portal.
CREATE TABLE portal_setting (
  product_id BIGINT PRIMARY KEY REFERENCES product (id) ON DELETE CASCADE,
  enabled    BOOLEAN NOT NULL DEFAULT FALSE,
  moderation TEXT NOT NULL CHECK (moderation IN ('open', 'approve')),
  intro      TEXT NOT NULL DEFAULT '',
  version    BIGINT NOT NULL DEFAULT 1,
  updated_by BIGINT REFERENCES app_user (id) ON DELETE SET NULL,
  updated_at BIGINT NOT NULL
);

-- votes is the number of portal_vote rows of the idea, kept in the same transactions.
-- author_email is the verified address, normalised (trimmed, lower case); null for members.
-- merged_into: the idea this one was merged into; its public page sends visitors there.
CREATE TABLE portal_idea (
  id             BIGINT PRIMARY KEY REFERENCES entity (id) ON DELETE CASCADE,
  product_id     BIGINT NOT NULL REFERENCES product (id) ON DELETE CASCADE,
  title          TEXT NOT NULL,
  description    TEXT NOT NULL DEFAULT '',
  status         TEXT NOT NULL
                 CHECK (status IN ('under_review', 'planned', 'in_progress', 'done', 'declined')),
  visibility     TEXT NOT NULL CHECK (visibility IN ('pending', 'approved', 'hidden')),
  votes          INTEGER NOT NULL DEFAULT 0,
  author_name    TEXT NOT NULL,
  author_email   TEXT,
  author_user_id BIGINT REFERENCES app_user (id) ON DELETE SET NULL,
  merged_into    BIGINT REFERENCES entity (id) ON DELETE SET NULL,
  created_at     BIGINT NOT NULL,
  updated_at     BIGINT NOT NULL,
  version        BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX portal_idea_product_votes ON portal_idea (product_id, votes, id);
CREATE INDEX portal_idea_product_created ON portal_idea (product_id, created_at, id);

-- One vote per idea and voter: 'email:<normalised address>' or 'user:<id>' for a signed-in member.
CREATE TABLE portal_vote (
  id         ${id_pk},
  idea_id    BIGINT NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
  voter      TEXT NOT NULL,
  email      TEXT,
  user_id    BIGINT REFERENCES app_user (id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  UNIQUE (idea_id, voter)
);
CREATE INDEX portal_vote_voter ON portal_vote (voter);

-- from_team: written by a member of the workspace, shown as the team's answer.
CREATE TABLE portal_comment (
  id          ${id_pk},
  idea_id     BIGINT NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
  author_name TEXT NOT NULL,
  email       TEXT,
  user_id     BIGINT REFERENCES app_user (id) ON DELETE SET NULL,
  from_team   BOOLEAN NOT NULL DEFAULT FALSE,
  body        TEXT NOT NULL,
  visibility  TEXT NOT NULL CHECK (visibility IN ('pending', 'approved', 'hidden')),
  created_at  BIGINT NOT NULL
);
CREATE INDEX portal_comment_idea ON portal_comment (idea_id, id);

-- A verification mail's one-time link: only the SHA-256 of its token is kept. The action waiting
-- for it (post an idea, vote, comment) is kept as JSON and performed when the link is followed.
CREATE TABLE portal_verification (
  id         ${id_pk},
  product_id BIGINT NOT NULL REFERENCES product (id) ON DELETE CASCADE,
  email      TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  action     TEXT NOT NULL CHECK (action IN ('idea', 'vote', 'comment')),
  payload    TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at    BIGINT
);

-- The development outbox: no mail leaves this machine; each mail Hatrack would send is logged and
-- kept here for the dev mailbox page (/dev/mailbox). It holds the link as sent, like a real inbox.
CREATE TABLE portal_mail (
  id         ${id_pk},
  product_id BIGINT REFERENCES product (id) ON DELETE CASCADE,
  recipient  TEXT NOT NULL,
  subject    TEXT NOT NULL,
  body       TEXT NOT NULL,
  link       TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL
);
CREATE INDEX portal_mail_recipient ON portal_mail (recipient, id);

-- Rate limits of the portal per client address and per e-mail address (each a hash, never the
-- address itself), in the database so that every node counts the same; old rows are removed.
CREATE TABLE portal_attempt (
  id      ${id_pk},
  subject TEXT NOT NULL,
  at      BIGINT NOT NULL
);
CREATE INDEX portal_attempt_subject ON portal_attempt (subject, at);
