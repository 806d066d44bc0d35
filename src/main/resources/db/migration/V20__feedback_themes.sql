-- Themes of feedback as the grouping finds them and as the PM shapes them (issue 4, part 5).
-- quotes: ids of the representative feedback, comma-separated, best first. position: the order
-- on the themes page. kept: the PM shaped this theme (renamed, merged into, split or tagged
-- into), so that the next run of the grouping keeps it and its members rather than starting over.
-- centroid: the theme's centre for assigning new feedback without recomputing, as JSON
-- {"stem": weight} over the stored IDF of feedback_theme_model (the heaviest terms only).
ALTER TABLE feedback_theme ADD COLUMN quotes TEXT NOT NULL DEFAULT '';
ALTER TABLE feedback_theme ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
ALTER TABLE feedback_theme ADD COLUMN kept BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE feedback_theme ADD COLUMN centroid TEXT NOT NULL DEFAULT '{}';
ALTER TABLE feedback_theme ADD COLUMN updated_at BIGINT;

-- What assigning new feedback to a product's themes needs, from the last run of the grouping:
-- the method, the number of texts it ran over, the inverse document frequency of each stem as
-- JSON {"stem": idf}, and the least similarity to a centroid. version goes up with every change
-- to the product's themes, so that a cached copy of the model knows when it is stale.
CREATE TABLE feedback_theme_model (
  product_id     BIGINT PRIMARY KEY REFERENCES product (id) ON DELETE CASCADE,
  method         TEXT NOT NULL,
  documents      BIGINT NOT NULL,
  idf            TEXT NOT NULL,
  min_similarity DOUBLE PRECISION NOT NULL,
  run_at         BIGINT NOT NULL,
  run_by         BIGINT REFERENCES app_user (id) ON DELETE SET NULL,
  version        BIGINT NOT NULL DEFAULT 1
);

-- The PM's tags: this feedback belongs in this theme (theme_id null: in no theme). A tag pins
-- the feedback there across runs and weighs more in its theme's centroid.
CREATE TABLE feedback_theme_tag (
  feedback_id BIGINT PRIMARY KEY REFERENCES feedback (id) ON DELETE CASCADE,
  product_id  BIGINT NOT NULL REFERENCES product (id) ON DELETE CASCADE,
  theme_id    BIGINT REFERENCES feedback_theme (id) ON DELETE CASCADE,
  tagged_by   BIGINT REFERENCES app_user (id) ON DELETE SET NULL,
  tagged_at   BIGINT NOT NULL
);
CREATE INDEX feedback_theme_tag_theme ON feedback_theme_tag (theme_id);
CREATE INDEX feedback_theme_tag_product ON feedback_theme_tag (product_id);
