-- H2's V109 makes its sequences reserve larger blocks, because H2 saves its store whenever a block runs out.
-- PostgreSQL takes a sequence value without committing anything: this version only keeps both databases at the same
-- number.
select 1;
