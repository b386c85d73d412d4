-- 0011: the kept insights inputs (several megabytes for 20,000 contacts) were compressed by PostgreSQL's default method,
-- pglz, on every save: about 0.4 s of a load's time for a 7.7 MB value, against 70 ms with lz4 (4.0 MB stored). A server
-- built without lz4 stores the value uncompressed instead (about as fast to write, twice the size).
DO $$
BEGIN
    ALTER TABLE "InsightsInputs" ALTER COLUMN "Data" SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    ALTER TABLE "InsightsInputs" ALTER COLUMN "Data" SET STORAGE EXTERNAL;
END
$$;
