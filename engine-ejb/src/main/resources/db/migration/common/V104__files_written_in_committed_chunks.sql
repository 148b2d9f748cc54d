-- A file that is not staged (every file on H2, customers on both databases) is written a chunk of rows per
-- committed transaction once it has been read and checked to its end (issue 12: no step may depend on one long
-- transaction). Its batch counts how many of the file's rows, from its start, are committed, so that an intake
-- stopped between two chunks goes on from the next row when the file is delivered again.
alter table source_batch add column rows_committed integer default 0 not null;
