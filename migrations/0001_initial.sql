-- Facetpath initial schema. Forward-only; runs on PostgreSQL 15+ and PGlite (PostgreSQL 18).
-- Every patient-data table carries practice_id: every query is scoped to one practice (tenant).

CREATE TABLE practices (
  id uuid PRIMARY KEY,
  slug text NOT NULL UNIQUE,
  name text NOT NULL,
  is_demo boolean NOT NULL DEFAULT false,
  phone text,
  policy_by_coverage jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE locations (
  id uuid PRIMARY KEY,
  practice_id uuid NOT NULL REFERENCES practices(id),
  name text NOT NULL,
  address text NOT NULL,
  phone text NOT NULL,
  state text NOT NULL,
  rooms jsonb NOT NULL DEFAULT '[]'::jsonb,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX locations_practice ON locations (practice_id);

CREATE TABLE users (
  id uuid PRIMARY KEY,
  practice_id uuid NOT NULL REFERENCES practices(id),
  email text NOT NULL,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'physician', 'coordinator')),
  password_hash text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  failed_attempts integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email ON users (lower(email));
CREATE INDEX users_practice ON users (practice_id);

CREATE TABLE sessions (
  id text PRIMARY KEY,               -- sha256 of the cookie token; the token itself is never stored
  user_id uuid NOT NULL REFERENCES users(id),
  practice_id uuid NOT NULL REFERENCES practices(id),
  csrf_token text NOT NULL,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE patients (
  id uuid PRIMARY KEY,
  practice_id uuid NOT NULL REFERENCES practices(id),
  mrn text,
  given_name text NOT NULL,
  family_name text NOT NULL,
  birth_date date NOT NULL,
  phone text,
  email text,
  language text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'es')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX patients_practice_name ON patients (practice_id, family_name, given_name);
CREATE UNIQUE INDEX patients_practice_mrn ON patients (practice_id, mrn) WHERE mrn IS NOT NULL;

CREATE TABLE coverages (
  id uuid PRIMARY KEY,
  practice_id uuid NOT NULL REFERENCES practices(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  kind text NOT NULL,
  state text NOT NULL,
  payer_name text,
  member_id text,
  policy text,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX coverages_patient ON coverages (practice_id, patient_id);

CREATE TABLE episodes (
  id uuid PRIMARY KEY,
  practice_id uuid NOT NULL REFERENCES practices(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  location_id uuid REFERENCES locations(id),
  region text NOT NULL CHECK (region IN ('cervical', 'thoracic', 'lumbar')),
  complaint jsonb NOT NULL,           -- the case-format complaint (screening facts, baseline, function, care)
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX episodes_patient ON episodes (practice_id, patient_id);

CREATE TABLE procedures (
  id uuid PRIMARY KEY,
  practice_id uuid NOT NULL REFERENCES practices(id),
  episode_id uuid NOT NULL REFERENCES episodes(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  location_id uuid REFERENCES locations(id),
  physician_id uuid REFERENCES users(id),
  status text NOT NULL DEFAULT 'done' CHECK (status IN ('planned', 'done', 'cancelled')),
  kind text NOT NULL,
  other_block text,
  intent text NOT NULL,
  date date NOT NULL,
  joints jsonb NOT NULL,
  agent text,
  volume_ml_per_nerve double precision,
  guidance text NOT NULL,
  sedation text NOT NULL,
  sedation_justified boolean,
  technique text,
  temperature_c double precision,
  pre_score_scale text,
  pre_score double precision,
  interpreted_at timestamptz,
  interpreted_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX procedures_episode ON procedures (practice_id, episode_id, date);

CREATE TABLE diary_entries (
  id uuid PRIMARY KEY,
  practice_id uuid NOT NULL REFERENCES practices(id),
  procedure_id uuid NOT NULL REFERENCES procedures(id),
  minutes_after integer NOT NULL CHECK (minutes_after >= 0),
  score double precision NOT NULL CHECK (score >= 0 AND score <= 10),
  activity text,
  rescue_medication boolean,
  idempotency_key text NOT NULL,
  source text NOT NULL CHECK (source IN ('patient', 'staff')),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX diary_entries_idempotency ON diary_entries (procedure_id, idempotency_key);
CREATE UNIQUE INDEX diary_entries_time ON diary_entries (procedure_id, minutes_after);

CREATE TABLE follow_ups (
  id uuid PRIMARY KEY,
  practice_id uuid NOT NULL REFERENCES practices(id),
  procedure_id uuid NOT NULL REFERENCES procedures(id),
  date date NOT NULL,
  relief_percent double precision NOT NULL,
  function_improvement_percent double precision,
  nrs double precision,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX follow_ups_procedure ON follow_ups (practice_id, procedure_id, date);

CREATE TABLE diary_links (
  id uuid PRIMARY KEY,
  practice_id uuid NOT NULL REFERENCES practices(id),
  procedure_id uuid NOT NULL REFERENCES procedures(id),
  token_hash text NOT NULL UNIQUE,    -- sha256 of the link token; the token itself is never stored
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX diary_links_procedure ON diary_links (practice_id, procedure_id);

CREATE TABLE appointments (
  id uuid PRIMARY KEY,
  practice_id uuid NOT NULL REFERENCES practices(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  location_id uuid NOT NULL REFERENCES locations(id),
  physician_id uuid REFERENCES users(id),
  room text,
  starts_at timestamptz NOT NULL,
  minutes integer NOT NULL CHECK (minutes > 0 AND minutes <= 600),
  purpose text NOT NULL,
  status text NOT NULL DEFAULT 'booked' CHECK (status IN ('booked', 'done', 'cancelled', 'no-show')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX appointments_location_day ON appointments (practice_id, location_id, starts_at);

CREATE TABLE screening_requests (
  id uuid PRIMARY KEY,
  practice_id uuid NOT NULL REFERENCES practices(id),
  location_id uuid NOT NULL REFERENCES locations(id),
  answers jsonb NOT NULL,
  contact jsonb NOT NULL,
  insurance jsonb,
  language text NOT NULL DEFAULT 'en',
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'accepted', 'declined')),
  patient_id uuid REFERENCES patients(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX screening_requests_practice ON screening_requests (practice_id, status, created_at);

-- Worklist: one row per open item, recomputed in the same transaction as every write to an episode, so the
-- worklist is an indexed read whatever the number of patients.
CREATE TABLE worklist_items (
  practice_id uuid NOT NULL REFERENCES practices(id),
  episode_id uuid NOT NULL REFERENCES episodes(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  location_id uuid REFERENCES locations(id),
  kind text NOT NULL,
  due_date date NOT NULL,
  reason text NOT NULL,
  detail jsonb NOT NULL DEFAULT '{}'::jsonb,
  PRIMARY KEY (episode_id, kind)
);
CREATE INDEX worklist_items_due ON worklist_items (practice_id, location_id, due_date);
CREATE INDEX worklist_items_practice_due ON worklist_items (practice_id, due_date);

-- Audit: append-only, hash-chained per database (each hash covers the previous one).
CREATE TABLE audit_events (
  seq bigint PRIMARY KEY,
  at timestamptz NOT NULL,
  practice_id uuid,
  actor_type text NOT NULL CHECK (actor_type IN ('user', 'patient-link', 'public', 'system')),
  actor_id text,
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text,
  patient_id uuid,
  request_id text,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_events_patient ON audit_events (practice_id, patient_id, seq);
