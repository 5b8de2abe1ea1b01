import type Database from 'better-sqlite3'
import { firstSteps } from './firstSteps'

/**
 * The id of a claim's entry of an import: `entry` an import_entry row, `item` its claim's
 * import_entry_claim row. Part of the step that made import_entry: never to change.
 */
export const entryEventId = (entry: string, item: string): string =>
  `substr(${entry}.id, 1, 24) || printf('%012x', (${entry}.first_event + ${item}.place) % 281474976710656)`

/**
 * Ordered schema steps. Step N brings a review file from user_version N-1 to N; each runs with its
 * version bump in one transaction. Never edit a released step: add the next one.
 */
export const migrations: readonly string[] = [
  ...firstSteps,
  // Undo import: the pre-image of every row an import changed, replayed in reverse to take it back
  // (src/core/exchange/importUndo.ts), and the state hashes that say whether it still can be.
  `
  CREATE TABLE import_undo (
    import_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    tbl TEXT NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    key_json TEXT NOT NULL,
    before_json TEXT,
    PRIMARY KEY (import_id, seq)
  ) STRICT;
  ALTER TABLE import_log ADD COLUMN before_state TEXT NOT NULL DEFAULT '';
  ALTER TABLE import_log ADD COLUMN after_state TEXT NOT NULL DEFAULT '';
  ALTER TABLE import_log ADD COLUMN undone TEXT NOT NULL DEFAULT '';
  ALTER TABLE import_log ADD COLUMN undone_by TEXT NOT NULL DEFAULT '';
  `,
  // A verdict judges the words it was given: a rated or worked-on claim whose words changed other than
  // by a correction is marked until a reviewer confirms or changes its verdict (src/core/claims/textChange.ts).
  `
  ALTER TABLE claim ADD COLUMN text_changed INTEGER NOT NULL DEFAULT 0 CHECK (text_changed IN (0, 1));
  `,
  // What each version of a claim or source said, who wrote it and when, so a conflict can show the
  // version both sides started from. Triggers record every version however it was written (an edit, a
  // merge, a resolution); versions from before this step are known by id only.
  `
  CREATE TABLE version_value (
    entity_id TEXT NOT NULL,
    version TEXT NOT NULL,
    modified TEXT NOT NULL,
    modified_by TEXT NOT NULL,
    values_json TEXT NOT NULL,
    PRIMARY KEY (entity_id, version)
  ) STRICT, WITHOUT ROWID;

  CREATE TRIGGER claim_version_added AFTER INSERT ON claim BEGIN
    INSERT OR IGNORE INTO version_value VALUES (NEW.id, NEW.version, NEW.modified, NEW.modified_by,
      json_object('verdict', NEW.verdict, 'status', NEW.status, 'note', NEW.note, 'deleted', NEW.deleted));
  END;
  CREATE TRIGGER claim_version_changed AFTER UPDATE OF version ON claim WHEN NEW.version <> OLD.version BEGIN
    INSERT OR IGNORE INTO version_value VALUES (NEW.id, NEW.version, NEW.modified, NEW.modified_by,
      json_object('verdict', NEW.verdict, 'status', NEW.status, 'note', NEW.note, 'deleted', NEW.deleted));
  END;
  CREATE TRIGGER source_version_added AFTER INSERT ON source BEGIN
    INSERT OR IGNORE INTO version_value VALUES (NEW.id, NEW.version, NEW.modified, '',
      json_object('url', NEW.url, 'title', NEW.title, 'publisher', NEW.publisher, 'published', NEW.published,
        'accessed', NEW.accessed, 'excerpt', NEW.excerpt, 'archiveUrl', NEW.archive_url, 'deleted', NEW.deleted));
  END;
  CREATE TRIGGER source_version_changed AFTER UPDATE OF version ON source WHEN NEW.version <> OLD.version BEGIN
    INSERT OR IGNORE INTO version_value VALUES (NEW.id, NEW.version, NEW.modified, '',
      json_object('url', NEW.url, 'title', NEW.title, 'publisher', NEW.publisher, 'published', NEW.published,
        'accessed', NEW.accessed, 'excerpt', NEW.excerpt, 'archiveUrl', NEW.archive_url, 'deleted', NEW.deleted));
  END;

  INSERT OR IGNORE INTO version_value SELECT id, version, modified, modified_by,
    json_object('verdict', verdict, 'status', status, 'note', note, 'deleted', deleted) FROM claim;
  INSERT OR IGNORE INTO version_value SELECT id, version, modified, '',
    json_object('url', url, 'title', title, 'publisher', publisher, 'published', published, 'accessed', accessed,
      'excerpt', excerpt, 'archiveUrl', archive_url, 'deleted', deleted) FROM source;
  `,
  // Where a claim imported from W3C annotations came from: the annotation's own id (and canonical IRI),
  // written back as \`via\` (and \`canonical\`) on export, so the annotation keeps its identity elsewhere.
  `
  CREATE TABLE claim_origin (
    claim_id TEXT PRIMARY KEY,
    via TEXT NOT NULL,
    canonical TEXT NOT NULL DEFAULT ''
  ) STRICT, WITHOUT ROWID;
  `,
  // Team workflow: who checks a claim and the editor's sign-off (the verdict it approved), versioned
  // like corrections so merges converge; and which notices (assignments, @mentions) each reviewer has
  // seen on this machine.
  `
  CREATE TABLE claim_workflow (
    claim_id TEXT PRIMARY KEY,
    assignee TEXT NOT NULL DEFAULT '',
    signed_by TEXT NOT NULL DEFAULT '',
    signed_at TEXT NOT NULL DEFAULT '',
    signed_verdict TEXT NOT NULL DEFAULT '',
    modified TEXT NOT NULL,
    modified_by TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    version TEXT NOT NULL
  ) STRICT, WITHOUT ROWID;
  CREATE TABLE notice_seen (
    reviewer TEXT NOT NULL,
    key TEXT NOT NULL,
    PRIMARY KEY (reviewer, key)
  ) STRICT, WITHOUT ROWID;
  `,
  // Live co-review: the records (kind and version id) a team server has acknowledged, per server and
  // review, so the desk can say how many changes wait while it is offline (src/core/sync/).
  `
  CREATE TABLE sync_pushed (
    server TEXT NOT NULL,
    record TEXT NOT NULL,
    PRIMARY KEY (server, record)
  ) STRICT, WITHOUT ROWID;
  `,
  // The version of the review's content, which "Undo import" compares instead of hashing every row
  // (src/core/exchange/importState.ts): every insert, update or delete of a content table, by any
  // code or tool, moves \`current\` to a value never given before (\`latest\` + 1). A table added to
  // the content later needs these three triggers in its own step (test/importVersion.test.ts checks).
  `
  CREATE TABLE review_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    current INTEGER NOT NULL,
    latest INTEGER NOT NULL
  ) STRICT;
  INSERT INTO review_version (id, current, latest) VALUES (1, 0, 0);
  ${versionTriggers([
    'claim',
    'claim_origin',
    'claim_tag',
    'claim_workflow',
    'conflict',
    'correction',
    'dismissed_suggestion',
    'document',
    'event',
    'meta',
    'reply',
    'setting',
    'source',
    'tag_style',
    'version_seen',
    'version_value',
  ])}
  `,
  // One 'merged' history entry per import instead of a full event row per claim (a 10,000-claim bundle
  // wrote 10,000, each with its own uuid and detail): the import's time, importer and file once, and
  // each claim it touched as a narrow row (its place, the claim, the change), found by claim through
  // an index, so one claim's history never reads a whole import. `claim_event` is every claim's
  // history as one list, both kinds of entry alike: a claim's entry of an import has an id of its own
  // (the import's first 24 characters, then `first_event` + its place, in hex), and `seq` orders
  // entries of the same time as their writing did (an import's come after the rows it wrote before
  // them). An entry that came back from another file as a row of its own is listed once.
  `
  CREATE TABLE import_entry (
    id TEXT PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    file TEXT NOT NULL,
    first_event INTEGER NOT NULL,
    after_event INTEGER NOT NULL
  ) STRICT;
  CREATE TABLE import_entry_claim (
    entry TEXT NOT NULL,
    place INTEGER NOT NULL,
    claim_id TEXT NOT NULL,
    change TEXT NOT NULL
  ) STRICT;
  CREATE INDEX import_entry_claim_by_claim ON import_entry_claim(claim_id);
  ${versionTriggers(['import_entry', 'import_entry_claim'])}
  CREATE VIEW claim_event AS
    SELECT rowid AS seq, id, claim_id, at, actor, kind, detail_json FROM event
    UNION ALL
    SELECT e.after_event + 0.5, ${entryEventId('e', 'c')}, c.claim_id, e.at, e.actor, 'merged',
      json_object('file', e.file, 'change', c.change)
    FROM import_entry_claim c JOIN import_entry e ON e.id = c.entry
    WHERE NOT EXISTS (SELECT 1 FROM event x WHERE x.id = ${entryEventId('e', 'c')});
  `,
]

/** The triggers that give the review a new content version on every write to `tables`. */
function versionTriggers(tables: string[]): string {
  const bump = `UPDATE review_version SET current = latest + 1, latest = latest + 1;`
  return tables
    .flatMap((t) =>
      ['INSERT', 'UPDATE', 'DELETE'].map(
        (op) => `CREATE TRIGGER ${t}_version_${op.toLowerCase()} AFTER ${op} ON ${t} BEGIN ${bump} END;`,
      ),
    )
    .join('\n  ')
}

export const SCHEMA_VERSION = migrations.length

export function migrate(db: Database.Database, upTo: number = SCHEMA_VERSION): void {
  const current = db.pragma('user_version', { simple: true }) as number
  for (let version = current; version < upTo; version++) {
    db.transaction(() => {
      db.exec(migrations[version])
      db.pragma(`user_version = ${version + 1}`)
    }).immediate()
  }
}
