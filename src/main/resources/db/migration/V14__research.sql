-- The discovery hat's user research: studies of a product with their participants and sessions
-- (interview notes in Markdown, an uploaded transcript split into segments), and insights: passages
-- highlighted in a session, tagged and linked ("supports") to the work items they are evidence for.
-- A study's and an insight's identity, key, title and version live in entity. study_id columns refer
-- to entity (not to research_study) so that a backup restores in any row order. Dates of a study and
-- of a session are calendar days, kept as ISO text (YYYY-MM-DD), which sorts as it reads.

CREATE TABLE research_study (
  id         BIGINT PRIMARY KEY REFERENCES entity (id) ON DELETE CASCADE,
  product_id BIGINT NOT NULL REFERENCES product (id) ON DELETE CASCADE,
  goals      TEXT NOT NULL DEFAULT '',
  status     TEXT NOT NULL CHECK (status IN ('planned', 'running', 'done')),
  starts_on  TEXT,
  ends_on    TEXT
);
CREATE INDEX research_study_product ON research_study (product_id);

-- Someone the study talks to: a name, and optionally the customer (and contact) of the workspace
-- they are; the link is dropped, not the participant, when the customer or contact goes.
CREATE TABLE research_participant (
  id          ${id_pk},
  study_id    BIGINT NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  customer_id BIGINT REFERENCES entity (id) ON DELETE SET NULL,
  contact_id  BIGINT REFERENCES customer_contact (id) ON DELETE SET NULL,
  role        TEXT NOT NULL DEFAULT '',
  notes       TEXT NOT NULL DEFAULT '',
  created_at  BIGINT NOT NULL,
  version     BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX research_participant_study ON research_participant (study_id, id);

-- transcript_format is null while a session has no transcript.
CREATE TABLE research_session (
  id                ${id_pk},
  study_id          BIGINT NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
  held_on           TEXT NOT NULL,
  interviewer_id    BIGINT REFERENCES app_user (id) ON DELETE SET NULL,
  notes             TEXT NOT NULL DEFAULT '',
  transcript_format TEXT CHECK (transcript_format IN ('text', 'vtt', 'srt')),
  transcript_name   TEXT,
  created_at        BIGINT NOT NULL,
  updated_at        BIGINT NOT NULL,
  version           BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX research_session_study ON research_session (study_id, held_on);

CREATE TABLE research_session_participant (
  session_id     BIGINT NOT NULL REFERENCES research_session (id) ON DELETE CASCADE,
  participant_id BIGINT NOT NULL REFERENCES research_participant (id) ON DELETE CASCADE,
  PRIMARY KEY (session_id, participant_id)
);
CREATE INDEX research_session_participant_p ON research_session_participant (participant_id);

-- A transcript in reading order: times in milliseconds where the file gave them, the speaker where
-- it named one.
CREATE TABLE research_segment (
  session_id BIGINT NOT NULL REFERENCES research_session (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  start_ms   BIGINT,
  end_ms     BIGINT,
  speaker    TEXT,
  body       TEXT NOT NULL,
  PRIMARY KEY (session_id, position)
);

-- An insight keeps its quote even when its session, segment or participant goes. source says where
-- in the session the quote was highlighted; segment_position and the offsets (characters of the
-- segment's text) are set when the quote lies within one transcript segment.
CREATE TABLE research_insight (
  id               BIGINT PRIMARY KEY REFERENCES entity (id) ON DELETE CASCADE,
  product_id       BIGINT NOT NULL REFERENCES product (id) ON DELETE CASCADE,
  quote            TEXT NOT NULL,
  note             TEXT NOT NULL DEFAULT '',
  study_id         BIGINT REFERENCES entity (id) ON DELETE SET NULL,
  session_id       BIGINT REFERENCES research_session (id) ON DELETE SET NULL,
  source           TEXT CHECK (source IN ('notes', 'transcript')),
  segment_position INTEGER,
  start_offset     INTEGER,
  end_offset       INTEGER,
  start_ms         BIGINT,
  participant_id   BIGINT REFERENCES research_participant (id) ON DELETE SET NULL
);
CREATE INDEX research_insight_product ON research_insight (product_id);
CREATE INDEX research_insight_study ON research_insight (study_id);
CREATE INDEX research_insight_session ON research_insight (session_id);
