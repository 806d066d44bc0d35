-- The discovery hat's surveys. A survey's identity, key, title and version live in entity; its
-- questions are ordered rows that cannot change once responses exist, so answers always refer to the
-- question they answered. survey_id columns refer to entity (not to survey) so that a backup
-- restores in any row order.

CREATE TABLE survey (
  id          BIGINT PRIMARY KEY REFERENCES entity (id) ON DELETE CASCADE,
  product_id  BIGINT NOT NULL REFERENCES product (id) ON DELETE CASCADE,
  -- The random part of the public address /p/{product}/s/{public_code}: unguessable, never reused.
  public_code TEXT NOT NULL UNIQUE,
  description TEXT NOT NULL DEFAULT '',
  status      TEXT NOT NULL CHECK (status IN ('draft', 'open', 'closed')),
  anonymous   BOOLEAN NOT NULL DEFAULT FALSE,
  -- Whether anyone holding the address may answer; personal links work either way.
  open_link   BOOLEAN NOT NULL DEFAULT TRUE
);
CREATE INDEX survey_product ON survey (product_id);

CREATE TABLE survey_question (
  id                   ${id_pk},
  survey_id            BIGINT NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
  position             INTEGER NOT NULL,
  type                 TEXT NOT NULL
                       CHECK (type IN ('nps', 'csat', 'ces', 'rating', 'single', 'multiple', 'text', 'kano')),
  prompt               TEXT NOT NULL,
  required             BOOLEAN NOT NULL DEFAULT TRUE,
  -- Choices of a single or multiple choice question, one per line.
  options              TEXT NOT NULL DEFAULT '',
  -- The highest point of a rating scale (from 1).
  scale                INTEGER,
  -- A Kano pair: the feature, with prompt as the functional and this as the dysfunctional question.
  feature              TEXT NOT NULL DEFAULT '',
  dysfunctional_prompt TEXT NOT NULL DEFAULT '',
  UNIQUE (survey_id, position)
);

-- Personal links: the token itself is shown once; only its SHA-256 is kept. An anonymous survey's
-- links carry no e-mail address, and the time they were used is kept to the day only.
CREATE TABLE survey_token (
  id         ${id_pk},
  survey_id  BIGINT NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  label      TEXT NOT NULL DEFAULT '',
  email      TEXT,
  created_by BIGINT NOT NULL REFERENCES app_user (id),
  created_at BIGINT NOT NULL,
  used_at    BIGINT,
  revoked_at BIGINT
);
CREATE INDEX survey_token_survey ON survey_token (survey_id, id);

-- One row per response. token_id is unique: a personal link answers once. An anonymous survey's
-- responses keep no token, name or e-mail address, and their time to the day only.
CREATE TABLE survey_response (
  id               ${id_pk},
  survey_id        BIGINT NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
  channel          TEXT NOT NULL CHECK (channel IN ('link', 'token', 'entered')),
  token_id         BIGINT UNIQUE REFERENCES survey_token (id) ON DELETE SET NULL,
  respondent_name  TEXT,
  respondent_email TEXT,
  entered_by       BIGINT REFERENCES app_user (id),
  submitted_at     BIGINT NOT NULL
);
CREATE INDEX survey_response_survey ON survey_response (survey_id, id);

-- number: the point of a scale (NPS, CSAT, CES, rating) or a Kano functional answer (1-5);
-- dysfunctional: a Kano dysfunctional answer (1-5); choices: option numbers (from 0), comma separated.
CREATE TABLE survey_answer (
  response_id   BIGINT NOT NULL REFERENCES survey_response (id) ON DELETE CASCADE,
  question_id   BIGINT NOT NULL REFERENCES survey_question (id) ON DELETE CASCADE,
  number        INTEGER,
  dysfunctional INTEGER,
  choices       TEXT,
  answer_text   TEXT,
  PRIMARY KEY (response_id, question_id)
);
CREATE INDEX survey_answer_question ON survey_answer (question_id);

-- Submissions of public survey forms per client and survey (a hash, never the address itself), kept
-- in the database so that every node counts the same; rows older than the window are removed.
CREATE TABLE survey_attempt (
  id      ${id_pk},
  subject TEXT NOT NULL,
  at      BIGINT NOT NULL
);
CREATE INDEX survey_attempt_subject ON survey_attempt (subject, at);
