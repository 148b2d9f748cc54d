-- PostgreSQL's V81 stops logging the staging tables. H2 stores a delivery in one transaction and does not stage
-- (StagedIntake), and has no unlogged tables: this version only keeps both databases at the same number.
select 1;
