-- The inputs of the monthly run (spec §2) as Flink SQL tables over an input folder, for ad-hoc
-- questions about what went in (the monthly job itself reads them with its own Parquet reader).
--
-- ${input} is the input folder (absolute path or URI); `royalties sql ... --input DIR`
-- substitutes it, for Flink's SQL client see docs/sql.md. Files are read at any depth below each
-- table folder (Hive-style folders such as dt=2026-10-01/ carry no meaning and are not
-- columns here); names starting with '_' or '.' are skipped.
--
-- Timestamps are declared TIMESTAMP_LTZ(6) (an instant). Flink's Parquet format reads INT64
-- micros/millis with isAdjustedToUTC=true and INT96; docs/sql.md lists what it does with
-- other encodings the contract allows. PERIOD and SCOPE are reserved words: use back-quotes.

CREATE TEMPORARY TABLE plays (
  play_id STRING,
  user_id STRING,
  track_id STRING,
  played_at TIMESTAMP_LTZ(6),
  ms_played INT,
  country STRING,
  product STRING
) WITH (
  'connector' = 'filesystem',
  'path' = '${input}/plays',
  'format' = 'parquet'
);

CREATE TEMPORARY TABLE tracks (
  track_id STRING,
  isrc STRING,
  duration_ms INT,
  ai_content STRING
) WITH (
  'connector' = 'filesystem',
  'path' = '${input}/tracks',
  'format' = 'parquet'
);

CREATE TEMPORARY TABLE track_rights (
  track_id STRING,
  artist_id STRING,
  share DECIMAL(9, 6)
) WITH (
  'connector' = 'filesystem',
  'path' = '${input}/track_rights',
  'format' = 'parquet'
);

CREATE TEMPORARY TABLE revenue_pools (
  `period` STRING,
  country STRING,
  product STRING,
  amount DECIMAL(18, 2),
  currency STRING
) WITH (
  'connector' = 'filesystem',
  'path' = '${input}/revenue_pools',
  'format' = 'parquet'
);

CREATE TEMPORARY TABLE fraud_verdicts (
  verdict_id STRING,
  subject_type STRING,
  subject_id STRING,
  valid_from TIMESTAMP_LTZ(6),
  valid_to TIMESTAMP_LTZ(6),
  decision STRING,
  decided_at TIMESTAMP_LTZ(6)
) WITH (
  'connector' = 'filesystem',
  'path' = '${input}/fraud_verdicts',
  'format' = 'parquet'
);

CREATE TEMPORARY TABLE ai_consent (
  artist_id STRING,
  `scope` STRING,
  granted BOOLEAN,
  effective_from TIMESTAMP_LTZ(6),
  recorded_at TIMESTAMP_LTZ(6)
) WITH (
  'connector' = 'filesystem',
  'path' = '${input}/ai_consent',
  'format' = 'parquet'
);

CREATE TEMPORARY TABLE ai_usage (
  usage_id STRING,
  licensee_id STRING,
  model_id STRING,
  track_id STRING,
  `scope` STRING,
  used_at TIMESTAMP_LTZ(6),
  units BIGINT
) WITH (
  'connector' = 'filesystem',
  'path' = '${input}/ai_usage',
  'format' = 'parquet'
);

CREATE TEMPORARY TABLE ai_licences (
  licensee_id STRING,
  `scope` STRING,
  `period` STRING,
  amount DECIMAL(18, 2),
  currency STRING
) WITH (
  'connector' = 'filesystem',
  'path' = '${input}/ai_licences',
  'format' = 'parquet'
);
