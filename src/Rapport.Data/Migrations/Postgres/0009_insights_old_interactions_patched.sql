-- 0009: on SQLite, an older interaction edited is now patched into the kept insights inputs as well (see the SQLite
-- script of the same number). PostgreSQL keeps the scheme of 0006, as 0007 says; this script only brings the table's
-- comment up to date, so that both providers keep the same list of migrations.

COMMENT ON TABLE "InsightsInputs" IS 'The insights'' kept inputs, one value per account; any write to a table they come from makes it stale (migrations 0006 to 0009).';
