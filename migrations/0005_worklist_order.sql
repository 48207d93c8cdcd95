-- The worklist is read in (due date, episode, kind) order per practice and per location: indexes that
-- match the order let a page be read without sorting every due item (flat latency as patients grow).
DROP INDEX IF EXISTS worklist_items_due;
DROP INDEX IF EXISTS worklist_items_practice_due;
CREATE INDEX worklist_items_practice_order ON worklist_items (practice_id, due_date, episode_id, kind);
CREATE INDEX worklist_items_location_order ON worklist_items (practice_id, location_id, due_date, episode_id, kind);
