-- The outputs of the monthly run (spec §9) as Flink SQL tables over an output folder.
--
-- ${output} is the run's output folder (absolute path or URI). `royalties sql` substitutes it
-- from --output; for Flink's SQL client substitute it first (docs/sql.md), e.g.
--   output=/data/out envsubst '${output}' < sql/output_tables.sql > /tmp/init.sql
--   bin/sql-client.sh -j royalties.jar -i /tmp/init.sql -f /tmp/query.sql
--
-- Every table is PARTITIONED BY (period, revision), read from the folder names
-- `<table>/period=YYYY-MM/revision=N/*.parquet`. A revision counts only once its manifest
-- `_runs/period=YYYY-MM/revision=N/manifest.json` exists (it is written last): always go
-- through the views `complete_revisions` / `latest_revisions` below, never read a partition
-- that has no manifest (a failed or running run leaves such partitions behind).
--
-- PERIOD and SCOPE are reserved words in Flink SQL: write the columns as `period` and `scope`
-- (with back-quotes).

CREATE TEMPORARY TABLE artist_payments (
  artist_id STRING,
  source STRING,
  country STRING,
  product STRING,
  licensee_id STRING,
  units BIGINT,
  amount DECIMAL(18, 2),
  currency STRING,
  `period` STRING,
  revision INT
) PARTITIONED BY (`period`, revision) WITH (
  'connector' = 'filesystem',
  'path' = '${output}/artist_payments',
  'format' = 'parquet'
);

CREATE TEMPORARY TABLE pool_reconciliation (
  source STRING,
  country STRING,
  product STRING,
  licensee_id STRING,
  currency STRING,
  pool_amount DECIMAL(18, 2),
  allocated_amount DECIMAL(18, 2),
  held_amount DECIMAL(18, 2),
  eligible_units BIGINT,
  unmatched_units BIGINT,
  fraud_units BIGINT,
  ai_generated_units BIGINT,
  short_units BIGINT,
  capped_units BIGINT,
  violation_units BIGINT,
  below_threshold_units BIGINT,
  `period` STRING,
  revision INT
) PARTITIONED BY (`period`, revision) WITH (
  'connector' = 'filesystem',
  'path' = '${output}/pool_reconciliation',
  'format' = 'parquet'
);

-- used_at is INT64 TIMESTAMP(MICROS, isAdjustedToUTC=true) in the file: an instant, shown in
-- the session time zone (`royalties sql` sets UTC).
CREATE TEMPORARY TABLE ai_violations (
  usage_id STRING,
  licensee_id STRING,
  model_id STRING,
  track_id STRING,
  artist_id STRING,
  `scope` STRING,
  used_at TIMESTAMP_LTZ(6),
  units BIGINT,
  reason STRING,
  `period` STRING,
  revision INT
) PARTITIONED BY (`period`, revision) WITH (
  'connector' = 'filesystem',
  'path' = '${output}/ai_violations',
  'format' = 'parquet'
);

CREATE TEMPORARY TABLE adjustments (
  artist_id STRING,
  source STRING,
  country STRING,
  product STRING,
  licensee_id STRING,
  currency STRING,
  previous_amount DECIMAL(18, 2),
  amount DECIMAL(18, 2),
  delta DECIMAL(18, 2),
  `period` STRING,
  revision INT
) PARTITIONED BY (`period`, revision) WITH (
  'connector' = 'filesystem',
  'path' = '${output}/adjustments',
  'format' = 'parquet'
);

CREATE TEMPORARY TABLE quarantine (
  source_table STRING,
  record STRING,
  reason STRING,
  `period` STRING,
  revision INT
) PARTITIONED BY (`period`, revision) WITH (
  'connector' = 'filesystem',
  'path' = '${output}/quarantine',
  'format' = 'parquet'
);

-- One row per recording of a catalogue pool with at least one play (any status): its plays by
-- status and the part of the pool's allocated_amount it earned (largest remainder over the
-- pool's recordings, so a pool's rows add up to its allocated_amount). isrc is null for a track
-- that is not in `tracks`.
CREATE TEMPORARY TABLE recording_usage (
  isrc STRING,
  track_id STRING,
  country STRING,
  product STRING,
  currency STRING,
  eligible_streams BIGINT,
  fraud_streams BIGINT,
  short_streams BIGINT,
  unmatched_streams BIGINT,
  ai_generated_streams BIGINT,
  below_threshold_streams BIGINT,
  capped_streams BIGINT,
  amount DECIMAL(18, 2),
  `period` STRING,
  revision INT
) PARTITIONED BY (`period`, revision) WITH (
  'connector' = 'filesystem',
  'path' = '${output}/recording_usage',
  'format' = 'parquet'
);

-- The run manifests, read only for the partition folders they live in: every line of every
-- manifest.json is a row ('raw' format: the JSON text is not parsed), so a (period, revision)
-- appears here exactly when its manifest exists.
CREATE TEMPORARY TABLE run_manifest_lines (
  line STRING,
  `period` STRING,
  revision INT
) PARTITIONED BY (`period`, revision) WITH (
  'connector' = 'filesystem',
  'path' = '${output}/_runs',
  'format' = 'raw'
);

-- One row per track with a qualifying play in the period (issue 9, docs/models.md): what the
-- threshold of the next 11 periods reads. An aggregate: no user_id.
CREATE TEMPORARY TABLE track_history (
  track_id STRING,
  qualifying_streams BIGINT,
  listeners BIGINT,
  `period` STRING,
  revision INT
) PARTITIONED BY (`period`, revision) WITH (
  'connector' = 'filesystem',
  'path' = '${output}/track_history',
  'format' = 'parquet'
);

-- What every compared payment model pays each payment key (runs with --compare-models only).
CREATE TEMPORARY TABLE model_comparison (
  artist_id STRING,
  source STRING,
  country STRING,
  product STRING,
  licensee_id STRING,
  currency STRING,
  model STRING,
  amount DECIMAL(18, 2),
  `period` STRING,
  revision INT
) PARTITIONED BY (`period`, revision) WITH (
  'connector' = 'filesystem',
  'path' = '${output}/model_comparison',
  'format' = 'parquet'
);

-- Revisions whose run completed (manifest written).
CREATE TEMPORARY VIEW complete_revisions AS
SELECT DISTINCT `period`, revision FROM run_manifest_lines;

-- The latest complete revision of every period: what finance pays and reports by default.
CREATE TEMPORARY VIEW latest_revisions AS
SELECT `period`, MAX(revision) AS revision FROM complete_revisions GROUP BY `period`;
