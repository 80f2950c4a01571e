//! Versioned schema: an ordered list of migrations applied by `PRAGMA user_version`.
//!
//! Opening a store applies every migration the file has not seen yet, each in its own
//! transaction together with the version bump, so an interrupted upgrade leaves the file
//! at the previous version. A file with a newer version than this build knows is refused
//! with a clear message instead of being misread.

use crate::{Error, Result};
use rusqlite::Connection;

/// Migrations; migration `i` takes the schema from version `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    // 1: documents, duplicates, entities, full text.
    "CREATE TABLE docs(
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        hash TEXT NOT NULL,
        simhash INTEGER,
        dup_of INTEGER REFERENCES docs(rowid),
        dup_kind TEXT CHECK (dup_kind IN ('exact', 'near')),
        published TEXT, outlet TEXT, url TEXT, title TEXT, text TEXT,
        record TEXT NOT NULL,
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX docs_hash ON docs(hash);
    CREATE INDEX docs_published ON docs(published);
    CREATE INDEX docs_outlet ON docs(outlet);
    CREATE INDEX docs_dup ON docs(dup_of);
    CREATE TABLE simhash_bands(band INTEGER NOT NULL, doc INTEGER NOT NULL REFERENCES docs(rowid),
        PRIMARY KEY(band, doc)) WITHOUT ROWID;
    CREATE TABLE entities(
        rowid INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        type TEXT NOT NULL, name TEXT NOT NULL, folded TEXT NOT NULL,
        name_en TEXT, country TEXT, subtype TEXT, lat REAL, lon REAL, geo_country TEXT
    );
    CREATE INDEX entities_folded ON entities(folded);
    CREATE TABLE doc_entities(
        doc INTEGER NOT NULL REFERENCES docs(rowid),
        local_id TEXT NOT NULL,
        entity INTEGER NOT NULL REFERENCES entities(rowid),
        mentions INTEGER NOT NULL,
        PRIMARY KEY(doc, local_id)
    );
    CREATE INDEX doc_entities_entity ON doc_entities(entity, doc);
    CREATE VIRTUAL TABLE doc_fts USING fts5(stems, content='', contentless_delete=1,
        tokenize='unicode61 remove_diacritics 0');",
    // 2: events and their fusion clusters.
    "CREATE TABLE events(
        rowid INTEGER PRIMARY KEY,
        doc INTEGER NOT NULL REFERENCES docs(rowid),
        local_id TEXT NOT NULL,
        type TEXT NOT NULL, mode TEXT,
        date TEXT, day INTEGER,
        stance TEXT NOT NULL,
        dead REAL, injured REAL, arrested REAL, troops REAL,
        loc_entity INTEGER REFERENCES entities(rowid), lat REAL, lon REAL, country TEXT,
        cluster INTEGER NOT NULL,
        json TEXT NOT NULL,
        UNIQUE(doc, local_id)
    );
    CREATE INDEX events_fuse ON events(type, day);
    CREATE INDEX events_cluster ON events(cluster);
    CREATE TABLE event_args(
        event INTEGER NOT NULL REFERENCES events(rowid),
        role TEXT NOT NULL,
        entity INTEGER NOT NULL REFERENCES entities(rowid),
        PRIMARY KEY(event, role, entity)
    ) WITHOUT ROWID;
    CREATE INDEX event_args_entity ON event_args(entity, role);",
    // 3: what records give about an entity beyond its name (sector, every knowledge-base
    // id, GeoNames feature code), each report's ACLED type as the events crate maps it, and
    // the fusion keys (actor or recipient entity, type, day) that find fusion candidates
    // by index instead of scanning every event of a type in the date window. The full-text
    // index buffers up to 32 MB of new postings (default 1 MB) so one ingest batch becomes
    // one segment instead of several small ones that automerge then rewrites. `events_query`
    // covers the event filters in cluster order, so `rasd events` scans a narrow index
    // instead of the table with its JSON; it replaces the cluster index, and the fusion
    // keys replace the (type, day) index.
    // Older stores are back-filled from the stored records; old events keep NULL ACLED
    // columns and are mapped at read time from their type, mode and recipients' sectors.
    "ALTER TABLE entities ADD COLUMN sector TEXT;
    ALTER TABLE entities ADD COLUMN wikidata TEXT;
    ALTER TABLE entities ADD COLUMN geonames INTEGER;
    ALTER TABLE entities ADD COLUMN kb_rasd TEXT;
    ALTER TABLE entities ADD COLUMN geo_feature TEXT;
    ALTER TABLE events ADD COLUMN acled_type TEXT;
    ALTER TABLE events ADD COLUMN acled_sub TEXT;
    CREATE TEMP TABLE rec_ents AS
        SELECT de.entity AS entity, je.value AS v
        FROM doc_entities de JOIN docs d ON d.rowid = de.doc, json_each(d.record, '$.entities') je
        WHERE json_extract(je.value, '$.id') = de.local_id;
    CREATE INDEX temp.rec_ents_entity ON rec_ents(entity);
    UPDATE entities SET
        sector = (SELECT json_extract(v, '$.sector') FROM rec_ents r
                  WHERE r.entity = entities.rowid AND json_extract(v, '$.sector') IS NOT NULL LIMIT 1),
        wikidata = (SELECT json_extract(v, '$.kb.wikidata') FROM rec_ents r
                  WHERE r.entity = entities.rowid AND json_extract(v, '$.kb.wikidata') IS NOT NULL LIMIT 1),
        geonames = (SELECT json_extract(v, '$.kb.geonames') FROM rec_ents r
                  WHERE r.entity = entities.rowid AND json_extract(v, '$.kb.geonames') IS NOT NULL LIMIT 1),
        kb_rasd = (SELECT json_extract(v, '$.kb.rasd') FROM rec_ents r
                  WHERE r.entity = entities.rowid AND json_extract(v, '$.kb.rasd') IS NOT NULL LIMIT 1),
        geo_feature = (SELECT json_extract(v, '$.geo.feature') FROM rec_ents r
                  WHERE r.entity = entities.rowid AND json_extract(v, '$.geo.feature') IS NOT NULL LIMIT 1);
    DROP TABLE rec_ents;
    CREATE TABLE event_keys(
        entity INTEGER NOT NULL REFERENCES entities(rowid),
        type TEXT NOT NULL,
        day INTEGER NOT NULL,
        event INTEGER NOT NULL REFERENCES events(rowid),
        PRIMARY KEY(entity, type, day, event)
    ) WITHOUT ROWID;
    INSERT OR IGNORE INTO event_keys(entity, type, day, event)
        SELECT a.entity, e.type, e.day, e.rowid FROM event_args a JOIN events e ON e.rowid = a.event
        WHERE a.role IN ('actor', 'recipient') AND e.day IS NOT NULL;
    INSERT INTO doc_fts(doc_fts, rank) VALUES ('hashsize', 33554432);
    DROP INDEX events_fuse;
    DROP INDEX events_cluster;
    CREATE INDEX events_query ON events(cluster, type, date, dead, country, lon, lat);",
];

/// The schema version this build writes.
pub fn latest() -> i64 {
    MIGRATIONS.len() as i64
}

/// Current `user_version` of a connection.
pub fn version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Brings the schema up to version `target` (≤ [`latest`]).
pub fn migrate(conn: &Connection, target: usize) -> Result<()> {
    let found = version(conn)?;
    if found > latest() {
        return Err(Error::TooNew {
            found,
            supported: latest(),
        });
    }
    if found == 0 {
        // A version-0 file must be empty: refuse to scribble over someone else's database.
        let tables: i64 = conn.query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type='table'",
            [],
            |r| r.get(0),
        )?;
        if tables > 0 {
            return Err(Error::NotAStore(
                "this SQLite file has tables but no rasd schema version; not a rasd store".into(),
            ));
        }
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().take(target) {
        if (i as i64) < found {
            continue;
        }
        conn.execute_batch(&format!(
            "BEGIN IMMEDIATE; {sql}; PRAGMA user_version = {}; COMMIT;",
            i + 1
        ))
        .inspect_err(|_| {
            let _ = conn.execute_batch("ROLLBACK");
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    #[test]
    fn older_database_is_upgraded() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("old.db");
        {
            let c = Connection::open(&p).unwrap();
            migrate(&c, 1).unwrap();
            assert_eq!(version(&c).unwrap(), 1);
            c.execute(
                "INSERT INTO docs(id, hash, record, ingested_at) VALUES ('a', 'h', '{}', 'now')",
                [],
            )
            .unwrap();
        }
        let s = Store::open(&p).unwrap();
        assert_eq!(version(&s.conn).unwrap(), latest());
        let n: i64 = s
            .conn
            .query_row("SELECT count(*) FROM docs", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 1);
        let e: i64 = s
            .conn
            .query_row("SELECT count(*) FROM events", [], |r| r.get(0))
            .unwrap();
        assert_eq!(e, 0);
    }

    #[test]
    fn newer_database_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("new.db");
        {
            Store::open(&p).unwrap();
            let c = Connection::open(&p).unwrap();
            c.execute_batch("PRAGMA user_version = 99").unwrap();
        }
        let err = Store::open(&p).err().unwrap().to_string();
        assert!(err.contains("newer"), "{err}");
    }

    #[test]
    fn foreign_database_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("other.db");
        Connection::open(&p)
            .unwrap()
            .execute_batch("CREATE TABLE t(x)")
            .unwrap();
        assert!(matches!(Store::open(&p), Err(Error::NotAStore(_))));
    }

    #[test]
    fn upgrade_to_3_backfills_entity_fields_from_the_records() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("v2.db");
        {
            let c = Connection::open(&p).unwrap();
            migrate(&c, 2).unwrap();
            let rec = serde_json::json!({"id": "a", "entities": [
                {"id": "E1", "type": "ORG", "name": "الجيش", "sector": "MIL",
                 "kb": {"wikidata": "Q5", "geonames": 7}}], "events": []});
            c.execute(
                "INSERT INTO docs(id, hash, record, ingested_at) VALUES ('a', 'h', ?, 'now')",
                [rec.to_string()],
            )
            .unwrap();
            c.execute_batch(
                "INSERT INTO entities(key, type, name, folded) VALUES ('wd:Q5', 'ORG', 'الجيش', 'الجيش');
                 INSERT INTO doc_entities(doc, local_id, entity, mentions) VALUES (1, 'E1', 1, 1);",
            )
            .unwrap();
        }
        let s = Store::open(&p).unwrap();
        let (sector, wd, gn): (String, String, i64) = s
            .conn
            .query_row(
                "SELECT sector, wikidata, geonames FROM entities WHERE key = 'wd:Q5'",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        assert_eq!((sector.as_str(), wd.as_str(), gn), ("MIL", "Q5", 7));
    }
}
