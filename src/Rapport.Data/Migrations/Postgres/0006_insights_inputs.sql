-- 0006: the insights keep what they read from the tables, once derived (contacts, links with those Rapport inferred,
-- organizations, memberships, events, attendances, stored aggregates, touches, the ledger), as one stored value per account
-- ("InsightsInputs"), so that a command started afresh reads that instead of every table and the whole interaction history.
--
-- PostgreSQL runs writers side by side, so a value is tied to the moment its load began. "Token" holds, separated by
-- spaces, a unique mark, the text of pg_current_snapshot() taken then, and when the server started (transaction ids mean
-- nothing in another cluster, such as one the database was restored into). Every transaction that writes a table the
-- insights read notes its id once in "InsightsInputsWrites" (the statement triggers below). A value is good while no
-- noted transaction is missing from its snapshot, that is, none committed after its load began or was still running then;
-- a write still running is not visible to the load, and its note appears when it commits. A load registers its snapshot
-- (the row, "Data" still null) before it reads. Notes are removed once every registered snapshot sees them, and a
-- snapshot that misses a committed note is removed. Any account's write makes every account's value stale here.
-- Nothing here is in the EF model (Rapport.Data.Storage.StoredInputs reads and writes it).

CREATE TABLE "InsightsInputs" (
    "AccountId" bigint NOT NULL PRIMARY KEY,
    "Token" text NOT NULL,
    "Key" text NOT NULL,
    "SavedAt" text NOT NULL,
    "Data" bytea NULL
);

CREATE TABLE "InsightsInputsWrites" (
    "Xid" xid8 NOT NULL PRIMARY KEY
);

-- Tidies up without ever waiting for another transaction (SKIP LOCKED): a value whose snapshot misses a committed write
-- can never be good again, so it goes; then the notes every remaining snapshot sees are of no more use. Called once per
-- writing transaction by the trigger below, and after a save. Both functions run as their owner, so a role that may write
-- the tables need not be granted these two.
CREATE FUNCTION "InsightsInputs_Tidy"() RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path FROM CURRENT AS $$
    WITH stale AS (
        DELETE FROM "InsightsInputs" WHERE "AccountId" IN (
            SELECT s."AccountId" FROM "InsightsInputs" s
            WHERE EXISTS (SELECT 1 FROM "InsightsInputsWrites" w
                          WHERE w."Xid" <> pg_current_xact_id() AND NOT pg_visible_in_snapshot(w."Xid", split_part(s."Token", ' ', 2)::pg_snapshot))
            FOR UPDATE SKIP LOCKED)
        RETURNING "AccountId")
    DELETE FROM "InsightsInputsWrites" WHERE "Xid" IN (
        SELECT w."Xid" FROM "InsightsInputsWrites" w
        WHERE w."Xid" <> pg_current_xact_id()
          AND NOT EXISTS (SELECT 1 FROM "InsightsInputs" s
                          WHERE s."AccountId" NOT IN (SELECT "AccountId" FROM stale)
                            AND NOT pg_visible_in_snapshot(w."Xid", split_part(s."Token", ' ', 2)::pg_snapshot))
        FOR UPDATE SKIP LOCKED);
$$;

-- Notes the writing transaction, once (its first statement that writes a table the insights read).
CREATE FUNCTION "InsightsInputs_Written"() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    INSERT INTO "InsightsInputsWrites" ("Xid") VALUES (pg_current_xact_id()) ON CONFLICT ("Xid") DO NOTHING;
    IF FOUND THEN
        PERFORM "InsightsInputs_Tidy"();
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER "InsightsInputs_Contacts" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Contacts"
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Written"();

CREATE TRIGGER "InsightsInputs_ContactCategories" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ContactCategories"
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Written"();

CREATE TRIGGER "InsightsInputs_ContactLinks" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ContactLinks"
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Written"();

CREATE TRIGGER "InsightsInputs_Introductions" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Introductions"
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Written"();

CREATE TRIGGER "InsightsInputs_Organizations" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Organizations"
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Written"();

CREATE TRIGGER "InsightsInputs_Memberships" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Memberships"
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Written"();

CREATE TRIGGER "InsightsInputs_Events" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Events"
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Written"();

CREATE TRIGGER "InsightsInputs_Attendances" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Attendances"
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Written"();

CREATE TRIGGER "InsightsInputs_Interactions" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Interactions"
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Written"();

CREATE TRIGGER "InsightsInputs_InteractionParticipants" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "InteractionParticipants"
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Written"();

CREATE TRIGGER "InsightsInputs_ContactStats" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ContactStats"
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Written"();

CREATE TRIGGER "InsightsInputs_Exchanges" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Exchanges"
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Written"();
