-- The rights database's tables (PostgreSQL, schemas in sql/jdbc/, owned by the live path) as
-- Flink SQL tables through flink-connector-jdbc (in royalties.jar). `royalties sql FILE --output
-- DIR --jdbc-url URL [--jdbc-user U] [--jdbc-password P]` substitutes ${jdbc_url}, ${jdbc_user}
-- and ${jdbc_password}; for Flink's SQL client see docs/sql.md. Read-only use: the monthly run
-- reads ai_consent itself (--consent-jdbc-url), the live path writes live_accruals.

-- Timestamps: the JDBC connector has no TIMESTAMP_LTZ; PostgreSQL's TIMESTAMPTZ instants arrive
-- as TIMESTAMP(6) in the reading JVM's time zone. conf/flink/config.yaml runs every Flink JVM with
-- -Duser.timezone=UTC (the official image is UTC too), so they read as UTC wall-clock time.

-- Consent history (spec §2, §7).
CREATE TEMPORARY TABLE pg_ai_consent (
  artist_id STRING,
  `scope` STRING,
  granted BOOLEAN,
  effective_from TIMESTAMP(6),
  recorded_at TIMESTAMP(6)
) WITH (
  'connector' = 'jdbc',
  'url' = '${jdbc_url}',
  'table-name' = 'ai_consent',
  'username' = '${jdbc_user}',
  'password' = '${jdbc_password}'
);

-- Eligible plays so far per (UTC day, artist, country, product), kept up to date by `ingest`.
CREATE TEMPORARY TABLE pg_live_accruals (
  `day` DATE,
  artist_id STRING,
  country STRING,
  product STRING,
  eligible_plays BIGINT,
  updated_at TIMESTAMP(6),
  PRIMARY KEY (`day`, artist_id, country, product) NOT ENFORCED
) WITH (
  'connector' = 'jdbc',
  'url' = '${jdbc_url}',
  'table-name' = 'live_accruals',
  'username' = '${jdbc_user}',
  'password' = '${jdbc_password}'
);
