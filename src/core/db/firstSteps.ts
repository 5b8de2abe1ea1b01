/**
 * The review file's first three schema steps, as the first release shipped them: claims on the essay;
 * exchange between reviewers (versions, conflicts, imports); republication and the editor's workflow.
 * Released: never edit them (./migrations.ts lists every step and says how they run).
 */
export const firstSteps: readonly string[] = [
  `
  CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT;

  CREATE TABLE document (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    byline TEXT NOT NULL DEFAULT '',
    source_url TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT '',
    blocks_json TEXT NOT NULL,
    text TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    created TEXT NOT NULL,
    modified TEXT NOT NULL
  ) STRICT;

  CREATE TABLE claim (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES document(id),
    exact TEXT NOT NULL,
    prefix TEXT NOT NULL,
    suffix TEXT NOT NULL,
    start INTEGER NOT NULL CHECK (start >= 0),
    end INTEGER NOT NULL CHECK (end > start),
    verdict TEXT NOT NULL DEFAULT 'unrated',
    status TEXT NOT NULL DEFAULT 'open',
    note TEXT NOT NULL DEFAULT '',
    author TEXT NOT NULL,
    created TEXT NOT NULL,
    modified TEXT NOT NULL,
    modified_by TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
  ) STRICT;
  CREATE INDEX claim_by_position ON claim(document_id, deleted, start, end);

  CREATE TABLE source (
    id TEXT PRIMARY KEY,
    claim_id TEXT NOT NULL REFERENCES claim(id),
    url TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    publisher TEXT NOT NULL DEFAULT '',
    published TEXT NOT NULL DEFAULT '',
    accessed TEXT NOT NULL DEFAULT '',
    excerpt TEXT NOT NULL DEFAULT '',
    archive_url TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    modified TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
  ) STRICT;
  CREATE INDEX source_by_claim ON source(claim_id, deleted);
  `,
  // Exchange between reviewers: every content change of a claim or source gets a new version id, and a
  // file remembers every version it has seen, so a merge can tell "changed on one side" from
  // "changed on both sides since the common version". Unanchored claims, conflicts and imports are kept.
  `
  ALTER TABLE claim ADD COLUMN version TEXT NOT NULL DEFAULT '';
  ALTER TABLE claim ADD COLUMN anchored INTEGER NOT NULL DEFAULT 1 CHECK (anchored IN (0, 1));
  ALTER TABLE source ADD COLUMN version TEXT NOT NULL DEFAULT '';
  UPDATE claim SET version = lower(hex(randomblob(16)));
  UPDATE source SET version = lower(hex(randomblob(16)));

  CREATE TABLE version_seen (
    entity_id TEXT NOT NULL,
    version TEXT NOT NULL,
    PRIMARY KEY (entity_id, version)
  ) STRICT, WITHOUT ROWID;
  INSERT INTO version_seen (entity_id, version) SELECT id, version FROM claim;
  INSERT INTO version_seen (entity_id, version) SELECT id, version FROM source;

  CREATE TABLE conflict (
    id TEXT PRIMARY KEY,
    entity TEXT NOT NULL CHECK (entity IN ('claim', 'source')),
    entity_id TEXT NOT NULL,
    their_version TEXT NOT NULL,
    theirs_json TEXT NOT NULL,
    origin TEXT NOT NULL,
    created TEXT NOT NULL,
    resolved TEXT NOT NULL DEFAULT '',
    UNIQUE (entity_id, their_version)
  ) STRICT;

  CREATE TABLE import_log (
    id TEXT PRIMARY KEY,
    imported TEXT NOT NULL,
    importer TEXT NOT NULL,
    file_name TEXT NOT NULL,
    file_hash TEXT NOT NULL,
    format TEXT NOT NULL,
    summary_json TEXT NOT NULL
  ) STRICT;
  `,
  // Republication and the editor's workflow: corrections, replies, tags, the per-claim history, review
  // settings (verdict scale, organisation), dismissed claim suggestions, and the search index.
  // Corrections, replies and tags are entities with versions and tombstones, so they merge like claims.
  `
  CREATE TABLE correction (
    id TEXT PRIMARY KEY,
    claim_id TEXT NOT NULL REFERENCES claim(id),
    original TEXT NOT NULL,
    replacement TEXT NOT NULL,
    explanation TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL DEFAULT 'proposed' CHECK (state IN ('proposed', 'applied')),
    proposed_by TEXT NOT NULL,
    proposed TEXT NOT NULL,
    applied_by TEXT NOT NULL DEFAULT '',
    applied TEXT NOT NULL DEFAULT '',
    modified TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    version TEXT NOT NULL
  ) STRICT;
  CREATE INDEX correction_by_claim ON correction(claim_id, deleted);

  CREATE TABLE reply (
    id TEXT PRIMARY KEY,
    claim_id TEXT NOT NULL REFERENCES claim(id),
    author TEXT NOT NULL,
    body TEXT NOT NULL,
    created TEXT NOT NULL,
    modified TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    version TEXT NOT NULL
  ) STRICT;
  CREATE INDEX reply_by_claim ON reply(claim_id, deleted, created);

  CREATE TABLE claim_tag (
    id TEXT PRIMARY KEY,
    claim_id TEXT NOT NULL REFERENCES claim(id),
    name TEXT NOT NULL,
    author TEXT NOT NULL,
    created TEXT NOT NULL,
    modified TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    version TEXT NOT NULL
  ) STRICT;
  CREATE INDEX tag_by_claim ON claim_tag(claim_id, deleted);
  CREATE INDEX tag_by_name ON claim_tag(name, deleted);

  CREATE TABLE tag_style (
    name TEXT PRIMARY KEY,
    color TEXT NOT NULL
  ) STRICT;

  CREATE TABLE event (
    id TEXT PRIMARY KEY,
    claim_id TEXT NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    kind TEXT NOT NULL,
    detail_json TEXT NOT NULL DEFAULT '{}'
  ) STRICT;
  CREATE INDEX event_by_claim ON event(claim_id, at);

  CREATE TABLE setting (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT;

  CREATE TABLE dismissed_suggestion (
    key TEXT PRIMARY KEY,
    dismissed TEXT NOT NULL,
    actor TEXT NOT NULL
  ) STRICT;

  CREATE VIRTUAL TABLE claim_search USING fts5(claim_id UNINDEXED, body, tokenize = 'trigram');
  `,
]
