-- The block record as facet-pathway.md §3 lists it (issue 11): the start time (an absolute instant, with the
-- time zone of the location it was read in; ADR 0013), the room, the agent's concentration, a steroid added,
-- contrast, complications, observation minutes, and the post-procedure provocation check, whose score is the
-- diary's first point (a staff entry marked as recorded in the recovery area). Every column is optional, so
-- rows and clients from before stay valid. Forward-only; PostgreSQL 15+ and PGlite.

-- Each location says which clock its times are read on (an IANA zone). Existing rows get the zone of most of
-- their state; the few states that span two zones get the larger one (an admin changes it if not).
ALTER TABLE locations ADD COLUMN time_zone text NOT NULL DEFAULT 'America/New_York'
  CHECK (char_length(time_zone) BETWEEN 1 AND 64);
UPDATE locations SET time_zone = CASE
  WHEN state IN ('AL', 'AR', 'IL', 'IA', 'KS', 'LA', 'MN', 'MS', 'MO', 'NE', 'ND', 'OK', 'SD', 'TN', 'TX', 'WI')
    THEN 'America/Chicago'
  WHEN state IN ('CO', 'ID', 'MT', 'NM', 'UT', 'WY') THEN 'America/Denver'
  WHEN state = 'AZ' THEN 'America/Phoenix'
  WHEN state IN ('CA', 'NV', 'OR', 'WA') THEN 'America/Los_Angeles'
  WHEN state = 'AK' THEN 'America/Anchorage'
  WHEN state = 'HI' THEN 'Pacific/Honolulu'
  WHEN state IN ('PR', 'VI') THEN 'America/Puerto_Rico'
  WHEN state IN ('GU', 'MP') THEN 'Pacific/Guam'
  WHEN state = 'AS' THEN 'Pacific/Pago_Pago'
  ELSE 'America/New_York'
END;

ALTER TABLE procedures
  ADD COLUMN started_at timestamptz,
  ADD COLUMN time_zone text CHECK (time_zone IS NULL OR char_length(time_zone) BETWEEN 1 AND 64),
  ADD COLUMN room text CHECK (room IS NULL OR char_length(room) BETWEEN 1 AND 40),
  ADD COLUMN agent_concentration_percent double precision
    CHECK (agent_concentration_percent IS NULL OR (agent_concentration_percent > 0 AND agent_concentration_percent <= 10)),
  ADD COLUMN steroid text,
  ADD COLUMN steroid_dose_mg double precision
    CHECK (steroid_dose_mg IS NULL OR (steroid_dose_mg > 0 AND steroid_dose_mg <= 200)),
  ADD COLUMN contrast boolean,
  ADD COLUMN complications jsonb,
  ADD COLUMN complications_note text
    CHECK (complications_note IS NULL OR char_length(complications_note) BETWEEN 1 AND 500),
  ADD COLUMN observation_minutes integer
    CHECK (observation_minutes IS NULL OR (observation_minutes >= 0 AND observation_minutes <= 1440)),
  ADD CONSTRAINT procedures_start_zone CHECK ((started_at IS NULL) = (time_zone IS NULL)),
  ADD CONSTRAINT procedures_steroid_dose CHECK (steroid_dose_mg IS NULL OR steroid IS NOT NULL);

-- The provocation check in the recovery area: a staff entry of the diary, marked so.
ALTER TABLE diary_entries ADD COLUMN in_recovery boolean NOT NULL DEFAULT false,
  ADD CONSTRAINT diary_entries_recovery_by_staff CHECK (NOT in_recovery OR source = 'staff');
-- At most one provocation check per procedure.
CREATE UNIQUE INDEX diary_entries_recovery ON diary_entries (procedure_id) WHERE in_recovery;
