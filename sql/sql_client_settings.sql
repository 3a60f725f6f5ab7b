-- Session settings for Flink's SQL client (sql-client.sh -i), the same as `royalties sql` uses:
-- batch mode, results printed as a table, instants shown in UTC.
SET 'execution.runtime-mode' = 'batch';
SET 'sql-client.execution.result-mode' = 'tableau';
SET 'table.local-time-zone' = 'UTC';
