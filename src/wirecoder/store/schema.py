"""The event store's tables, as recorded migrations.

Each migration is applied once, in order, in its own transaction, and recorded in
``schema_migrations``; a database made by a newer wirecoder (a version we do not know) is
refused rather than guessed at. Tables:

* ``articles``: one row per coded article, with ``content_hash`` (the cleaned text's hash);
* ``actors``, ``events``, ``evidence``, ``quotes``: the rows of each article's document, keyed by
  ``article_id`` (an article coded again replaces all of them);
* ``failures``: inputs and articles that could not be coded, with the reason;
* ``clusters``: real events reported by several articles (cross-article dedup); each event row
  points at its cluster with ``cluster_id``; ``uid`` (migration 2) names an event store-wide.
"""

from __future__ import annotations

MIGRATIONS: tuple[tuple[int, str, str], ...] = (
    (1, "articles, actors, events, evidence, quotes, failures, clusters", """
CREATE TABLE articles (
    article_id VARCHAR PRIMARY KEY,
    content_hash VARCHAR NOT NULL,
    origin VARCHAR, url VARCHAR, title VARCHAR, published VARCHAR, published_day DATE,
    outlet VARCHAR, agency VARCHAR, byline VARCHAR, dateline VARCHAR, language VARCHAR,
    text VARCHAR NOT NULL,
    coded_at TIMESTAMP NOT NULL,
    coder_version VARCHAR NOT NULL
);
CREATE INDEX articles_hash ON articles (content_hash);
CREATE TABLE actors (
    article_id VARCHAR NOT NULL, actor_id VARCHAR NOT NULL,
    name VARCHAR NOT NULL, kind VARCHAR, country VARCHAR, sector VARCHAR, sectors VARCHAR[],
    roles VARCHAR[], code VARCHAR, mentions VARCHAR,  -- JSON list of {start, end, text}
    PRIMARY KEY (article_id, actor_id)
);
CREATE TABLE events (
    article_id VARCHAR NOT NULL, event_id VARCHAR NOT NULL,
    code VARCHAR NOT NULL, root VARCHAR NOT NULL, label VARCHAR, goldstein DOUBLE, quad_class INTEGER,
    plover VARCHAR,
    source_actor VARCHAR NOT NULL, source_name VARCHAR NOT NULL, source_country VARCHAR,
    source_sector VARCHAR, source_code VARCHAR, source_kind VARCHAR,
    target_actor VARCHAR, target_name VARCHAR, target_country VARCHAR, target_sector VARCHAR,
    target_code VARCHAR, target_kind VARCHAR,
    date DATE, date_basis VARCHAR, date_precision VARCHAR,
    date_start INTEGER, date_end INTEGER, date_text VARCHAR,
    place_name VARCHAR, place_country VARCHAR, lat DOUBLE, lon DOUBLE, geonameid BIGINT,
    place_feature VARCHAR, place_level VARCHAR, place_start INTEGER, place_end INTEGER,
    negated BOOLEAN NOT NULL, hypothetical BOOLEAN NOT NULL, attribution VARCHAR,
    mentions INTEGER NOT NULL,
    cluster_id VARCHAR,
    PRIMARY KEY (article_id, event_id)
);
CREATE INDEX events_date ON events (date);
CREATE INDEX events_root ON events (root);
CREATE TABLE evidence (
    article_id VARCHAR NOT NULL, event_id VARCHAR NOT NULL, n INTEGER NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, sentence VARCHAR NOT NULL, trigger VARCHAR, rule VARCHAR,
    PRIMARY KEY (article_id, event_id, n)
);
CREATE TABLE quotes (
    article_id VARCHAR NOT NULL, n INTEGER NOT NULL,
    speaker VARCHAR, text VARCHAR NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    PRIMARY KEY (article_id, n)
);
CREATE TABLE failures (
    origin VARCHAR NOT NULL, article_id VARCHAR NOT NULL,  -- '' when no article was made
    reason VARCHAR NOT NULL, failed_at TIMESTAMP NOT NULL,
    PRIMARY KEY (origin, article_id)
);
CREATE TABLE clusters (
    cluster_id VARCHAR PRIMARY KEY,
    source_key VARCHAR NOT NULL, target_key VARCHAR, root VARCHAR NOT NULL,
    first_date DATE, last_date DATE, place_country VARCHAR,
    num_articles INTEGER NOT NULL, num_sources INTEGER NOT NULL, num_mentions INTEGER NOT NULL
);
"""),
    (2, "events.uid: one id per event across the store (for the HTTP API)", """
ALTER TABLE events ADD COLUMN uid VARCHAR;
UPDATE events SET uid = md5(article_id || '/' || event_id)[1:16];
"""),
)

LATEST = MIGRATIONS[-1][0]
