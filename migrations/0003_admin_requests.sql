-- Screening requests: who decided, when, and why a request was declined. Forward-only; PostgreSQL 15+ and PGlite.
ALTER TABLE screening_requests ADD COLUMN decided_by uuid REFERENCES users(id);
ALTER TABLE screening_requests ADD COLUMN decided_at timestamptz;
ALTER TABLE screening_requests ADD COLUMN decline_reason text;
-- Appointments: conflict checks look up a room or a physician around a time.
CREATE INDEX appointments_physician_time ON appointments (practice_id, physician_id, starts_at);
