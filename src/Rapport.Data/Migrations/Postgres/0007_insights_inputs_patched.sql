-- 0007: on SQLite, a load now patches the kept insights inputs from the rows written since (see the SQLite script of the
-- same number). PostgreSQL keeps the scheme of 0006 unchanged: every write to a table the insights read makes the value
-- stale, and the next load reads the tables. Noting rows here would take a trigger per row on every write, and a rule for
-- rows of transactions still running when the value's snapshot was taken; that is not done. This script only says so in
-- the catalog, so that both providers keep the same list of migrations.

COMMENT ON TABLE "InsightsInputs" IS 'The insights'' kept inputs, one value per account; any write to a table they come from makes it stale (migrations 0006, 0007).';
