-- Imported screening lists (CONTRACT §10): the copy in use and the one before it, per list.
CREATE TABLE party_lists (
  id TEXT PRIMARY KEY,
  body TEXT NOT NULL,
  previous TEXT,
  as_of TEXT NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
