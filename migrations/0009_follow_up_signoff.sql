-- Follow-ups record the function score and whether the patient can do the activities that hurt (spec §3);
-- a diagnostic block's diary can be closed by staff with a reason (signing needs a closed diary), and the
-- sign-off keeps an optional note and the physician's override beside the computed result, never replacing
-- it. Forward-only; PostgreSQL 15+ and PGlite.
ALTER TABLE follow_ups ADD COLUMN function_score double precision CHECK (function_score IS NULL OR function_score BETWEEN 0 AND 100);
ALTER TABLE follow_ups ADD COLUMN able_to_do_activities boolean;
ALTER TABLE procedures ADD COLUMN diary_closed_at timestamptz;
ALTER TABLE procedures ADD COLUMN diary_closed_by uuid;
ALTER TABLE procedures ADD COLUMN diary_close_reason text CHECK (diary_close_reason IS NULL OR char_length(diary_close_reason) BETWEEN 1 AND 500);
ALTER TABLE procedures ADD COLUMN sign_note text CHECK (sign_note IS NULL OR char_length(sign_note) BETWEEN 1 AND 1000);
ALTER TABLE procedures ADD COLUMN override_result text CHECK (override_result IS NULL OR override_result IN ('positive', 'negative', 'indeterminate'));
ALTER TABLE procedures ADD COLUMN override_reason text CHECK (override_reason IS NULL OR char_length(override_reason) BETWEEN 1 AND 1000);
ALTER TABLE procedures ADD CONSTRAINT procedures_override_has_reason CHECK ((override_result IS NULL) = (override_reason IS NULL));
