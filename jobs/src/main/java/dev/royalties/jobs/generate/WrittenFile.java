package dev.royalties.jobs.generate;

/** What one generated file holds: its table, rows and size on disk. */
record WrittenFile(String table, long rows, long bytes) {}
