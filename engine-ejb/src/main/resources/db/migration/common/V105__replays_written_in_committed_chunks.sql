-- A replay of a kept file is written a chunk per committed transaction too (issue 12: no step may depend on one long
-- transaction). Its batch, being stored, names the accepted batch it is to take the place of: a replay stopped between
-- two chunks is taken up from its next row when that batch is replayed again, and no delivery of the same file takes
-- it for its own.
alter table source_batch add column replay_of bigint;
alter table source_batch add constraint fk_source_batch_replay_of foreign key (replay_of) references source_batch (id);
