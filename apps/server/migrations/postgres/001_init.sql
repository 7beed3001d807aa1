-- Answers, stored once per distinct text and addressed by their SHA-256 (identical questions get
-- identical answers, so the trail does not repeat kilobytes per record); a record adds the caller's `id`.
CREATE TABLE audit_responses (
  hash TEXT PRIMARY KEY,
  body TEXT NOT NULL
);

-- The audit trail: append-only, each record's hash covers the previous record's hash.
CREATE TABLE audit_records (
  seq BIGINT PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  time TEXT NOT NULL,
  caller TEXT NOT NULL,
  request TEXT NOT NULL,
  answer_id TEXT,
  response_hash TEXT NOT NULL REFERENCES audit_responses (hash),
  plugins TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE FUNCTION audit_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit records are append-only';
END
$$;
CREATE TRIGGER audit_records_no_change BEFORE UPDATE OR DELETE ON audit_records
  FOR EACH ROW EXECUTE FUNCTION audit_records_append_only();
CREATE TRIGGER audit_records_no_truncate BEFORE TRUNCATE ON audit_records
  FOR EACH STATEMENT EXECUTE FUNCTION audit_records_append_only();
CREATE TRIGGER audit_responses_no_change BEFORE UPDATE OR DELETE ON audit_responses
  FOR EACH ROW EXECUTE FUNCTION audit_records_append_only();
CREATE TRIGGER audit_responses_no_truncate BEFORE TRUNCATE ON audit_responses
  FOR EACH STATEMENT EXECUTE FUNCTION audit_records_append_only();

CREATE TABLE api_keys (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('read', 'assess', 'admin')),
  secret_hash TEXT NOT NULL,
  rate_limit INTEGER,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);

-- Batch jobs: the input, progress and lease; output is committed chunk by chunk with its audit records.
CREATE TABLE jobs (
  id TEXT PRIMARY KEY,
  caller TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
  total INTEGER NOT NULL,
  processed INTEGER NOT NULL DEFAULT 0,
  failed_lines INTEGER NOT NULL DEFAULT 0,
  owner TEXT,
  lease_until TIMESTAMPTZ,
  error TEXT,
  input TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX jobs_by_status ON jobs (status, created_at);

CREATE TABLE job_output (
  job_id TEXT NOT NULL REFERENCES jobs (id),
  from_line INTEGER NOT NULL,
  to_line INTEGER NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (job_id, from_line)
);
