-- "Would you recommend us?": one short answer after a visit, anonymous unless it came from a patient's diary
-- link (then it names the procedure, and so the patient: patient data, audited). Forward-only; PostgreSQL 15+
-- and PGlite.
CREATE TABLE feedback (
  id uuid PRIMARY KEY,
  practice_id uuid NOT NULL REFERENCES practices(id),
  location_id uuid REFERENCES locations(id),
  score integer NOT NULL CHECK (score BETWEEN 0 AND 10),
  comment text CHECK (comment IS NULL OR char_length(comment) BETWEEN 1 AND 1000),
  language text NOT NULL CHECK (language IN ('en', 'es')),
  diary_link_id uuid REFERENCES diary_links(id),
  procedure_id uuid REFERENCES procedures(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((diary_link_id IS NULL) = (procedure_id IS NULL))
);
-- The staff summary: counts per practice (and location), the latest comments first.
CREATE INDEX feedback_practice_created ON feedback (practice_id, created_at DESC, id);
