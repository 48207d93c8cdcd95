-- Episodes whose worklist items must be recomputed: marked in the same transaction as a high-volume write
-- (a patient's diary entry), recomputed before the worklist is read and by the server in the background.
CREATE TABLE worklist_dirty (
  episode_id uuid PRIMARY KEY REFERENCES episodes(id),
  practice_id uuid NOT NULL REFERENCES practices(id),
  marked_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX worklist_dirty_practice ON worklist_dirty (practice_id, marked_at);
