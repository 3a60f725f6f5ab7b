-- The engine's rules as Flink SQL functions (classes in udf/, packed into royalties.jar).
-- `royalties sql` registers them itself; in Flink's SQL client, add the jar first:
--   ADD JAR '/path/to/royalties.jar';
CREATE TEMPORARY SYSTEM FUNCTION IF NOT EXISTS PLAY_PROBLEM AS 'dev.royalties.udf.sql.PlayProblem' LANGUAGE JAVA;
CREATE TEMPORARY SYSTEM FUNCTION IF NOT EXISTS USAGE_PROBLEM AS 'dev.royalties.udf.sql.UsageProblem' LANGUAGE JAVA;
