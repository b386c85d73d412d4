-- 0010: PostgreSQL now patches the kept insights inputs from the rows written since, as SQLite does from 0007 to 0009
-- (Rapport.App.Insights.InputsPatch), instead of reading every table after any write.
--
-- The triggers of 0006 noted each writing transaction once. Now every write also notes, in "InsightsInputsChanges", the
-- rows it wrote, by the same table numbers and keys as on SQLite (the contact, interaction, entry, organization or event
-- a row belongs to; both contacts of a link; everyone an introduction names; a participant's interaction and contact),
-- with the account of the row and the id of the writing transaction, before and after an update. The notes are taken
-- from the statement's transition tables, one insert per statement however many rows it wrote.
--
-- A kept value carries the snapshot its load began with. It was saved only if no note of its account was missing from
-- that snapshot when it was saved, so it holds exactly what that snapshot saw. The rows written since are then those of
-- the notes missing from it: committed later, or still running when it was taken (a transaction's notes appear when it
-- commits). A load reads the value and those notes, and re-reads the rows they name, in one REPEATABLE READ snapshot;
-- past 2000 such notes it reads the tables instead and keeps afresh.
--
-- Notes are written whether or not a value is kept: a transaction may have written before a load registered its
-- snapshot and commit after, and its rows must be noted then too. A load registers in two steps, the account's row
-- first and its snapshot in a later transaction, so that a tidy which does not yet see the row took its own snapshot
-- before the load's and can only have seen notes the load's snapshot sees as well.
--
-- The tidying runs once per writing transaction (the statement triggers of 0006) and after a save, never waiting for a
-- lock, and only in READ COMMITTED transactions (StoredInputs saves in one whatever the server's default): a value past
-- 2000 missing notes goes; notes its snapshot sees go, as do those of an account with no row; an account registered
-- without a snapshot yet keeps its notes, up to 2000; notes of transaction ids the server has not reached (restored from
-- another cluster) go. (On a server whose default isolation is stricter, writers leave the tidying to the saves, so
-- notes then wait for the next load that keeps.) A TRUNCATE, which notes no rows, drops every kept value. A row moved to
-- another account is noted in both (the program never moves one).

DELETE FROM "InsightsInputs";
DELETE FROM "InsightsInputsWrites";

CREATE TABLE "InsightsInputsChanges" (
    "AccountId" bigint NOT NULL,
    "Xid" xid8 NOT NULL,
    "Tab" integer NOT NULL,
    "Key" bigint NOT NULL,
    PRIMARY KEY ("AccountId", "Xid", "Tab", "Key")
);

COMMENT ON TABLE "InsightsInputs" IS 'The insights'' kept inputs, one value per account, patched from the rows written since its snapshot (migrations 0006, 0010).';

-- The tidying, run by the trigger of 0006 once per writing transaction and after a save, never waits for a lock (SKIP
-- LOCKED), and runs only in a READ COMMITTED transaction: in a stricter one (a writer's, or any under a stricter server
-- default) a row another transaction tidied away since its snapshot would make the tidying, and so the write it runs
-- for, fail with a serialization error. StoredInputs saves in READ COMMITTED whatever the default, so a save tidies.
--  - A value goes past 2000 notes of its account missing from its snapshot (its next load would read the tables anyway),
--    and so does a row registered without a snapshot yet past 2000 notes of its account: a load stopped between its two
--    steps (cancelled, its process ended) would else keep every note of the account until another load registers,
--    which the web app's loads never do. The registering load then finds no row to put its snapshot in, and keeps
--    nothing. (CASE, not AND, keeps the empty snapshot of such a row from being cast.)
--  - A note goes once the snapshot of its account's row sees it, or when the account has no row; so does a note of a
--    transaction id this server has not reached yet (seen, so committed, it cannot be one of this server's: it was
--    restored from another cluster, and would be missing from every snapshot, so that no value could be kept again).
--    The tidying transaction's own notes stay.
--  - The note that a writing transaction has tidied once goes when the transaction has ended: a row of another
--    transaction is seen only then (not once every transaction of the server older than it has ended, which a session
--    open anywhere on the server would put off).
CREATE OR REPLACE FUNCTION "InsightsInputs_Tidy"() RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    IF current_setting('transaction_isolation') NOT IN ('read committed', 'read uncommitted') THEN
        RETURN;
    END IF;
    WITH gone AS (
        DELETE FROM "InsightsInputs" WHERE "AccountId" IN (
            SELECT s."AccountId" FROM "InsightsInputs" s
            WHERE (SELECT count(*) FROM (SELECT 1 FROM "InsightsInputsChanges" c
                                         WHERE c."AccountId" = s."AccountId"
                                           AND CASE WHEN split_part(s."Token", ' ', 2) = '' THEN true
                                                    ELSE NOT pg_visible_in_snapshot(c."Xid", split_part(s."Token", ' ', 2)::pg_snapshot) END
                                         LIMIT 2001) n) > 2000
            FOR UPDATE SKIP LOCKED)
        RETURNING "AccountId"),
    notes AS (
        DELETE FROM "InsightsInputsChanges" WHERE ("AccountId", "Xid", "Tab", "Key") IN (
            SELECT c."AccountId", c."Xid", c."Tab", c."Key" FROM "InsightsInputsChanges" c
            LEFT JOIN "InsightsInputs" s ON s."AccountId" = c."AccountId" AND s."AccountId" NOT IN (SELECT "AccountId" FROM gone)
            WHERE c."Xid" IS DISTINCT FROM pg_current_xact_id_if_assigned()
              AND CASE WHEN s."AccountId" IS NULL OR c."Xid" >= pg_snapshot_xmax(pg_current_snapshot()) THEN true
                       WHEN split_part(s."Token", ' ', 2) = '' THEN false
                       ELSE pg_visible_in_snapshot(c."Xid", split_part(s."Token", ' ', 2)::pg_snapshot) END
            FOR UPDATE OF c SKIP LOCKED)
        RETURNING 1)
    DELETE FROM "InsightsInputsWrites" WHERE "Xid" IN (
        SELECT "Xid" FROM "InsightsInputsWrites" WHERE "Xid" IS DISTINCT FROM pg_current_xact_id_if_assigned() FOR UPDATE SKIP LOCKED);
END
$$;

CREATE FUNCTION "InsightsInputs_Truncated"() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    DELETE FROM "InsightsInputs";
    RETURN NULL;
END
$$;

-- Notes the rows a statement wrote, from its transition tables (new_rows after an insert or update, old_rows after an
-- update or delete). The trigger's arguments name, in pairs, a table number and the column holding its key; a row with
-- no key there (an introduction without an introducer) is not noted. One insert per statement, each note once.
CREATE FUNCTION "InsightsInputs_Noted"() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    source text;
    parts text[] := '{}';
BEGIN
    FOREACH source IN ARRAY CASE TG_OP WHEN 'INSERT' THEN ARRAY['new_rows'] WHEN 'DELETE' THEN ARRAY['old_rows'] ELSE ARRAY['new_rows', 'old_rows'] END LOOP
        FOR i IN 0 .. TG_NARGS - 1 BY 2 LOOP
            parts := parts || format('SELECT r."AccountId", %s, r.%I FROM %I r WHERE r.%I IS NOT NULL',
                TG_ARGV[i]::integer, TG_ARGV[i + 1], source, TG_ARGV[i + 1]);
        END LOOP;
    END LOOP;
    EXECUTE format('INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key", "Xid") SELECT v.*, pg_current_xact_id() FROM (%s) v ON CONFLICT DO NOTHING',
        array_to_string(parts, ' UNION '));
    RETURN NULL;
END
$$;

DROP TRIGGER "InsightsInputs_Contacts" ON "Contacts";
CREATE TRIGGER "InsightsInputs_Contacts" AFTER INSERT OR UPDATE OR DELETE ON "Contacts"
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Written"();
CREATE TRIGGER "InsightsInputs_Contacts_Truncate" AFTER TRUNCATE ON "Contacts"
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Truncated"();
CREATE TRIGGER "InsightsInputs_Contacts_InsertNoted" AFTER INSERT ON "Contacts" REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Noted"('1', 'Id');
CREATE TRIGGER "InsightsInputs_Contacts_UpdateNoted" AFTER UPDATE ON "Contacts" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Noted"('1', 'Id');
CREATE TRIGGER "InsightsInputs_Contacts_DeleteNoted" AFTER DELETE ON "Contacts" REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Noted"('1', 'Id');

DROP TRIGGER "InsightsInputs_ContactCategories" ON "ContactCategories";
CREATE TRIGGER "InsightsInputs_ContactCategories" AFTER INSERT OR UPDATE OR DELETE ON "ContactCategories"
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Written"();
CREATE TRIGGER "InsightsInputs_ContactCategories_Truncate" AFTER TRUNCATE ON "ContactCategories"
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Truncated"();
CREATE TRIGGER "InsightsInputs_ContactCategories_InsertNoted" AFTER INSERT ON "ContactCategories" REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Noted"('2', 'ContactId');
CREATE TRIGGER "InsightsInputs_ContactCategories_UpdateNoted" AFTER UPDATE ON "ContactCategories" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Noted"('2', 'ContactId');
CREATE TRIGGER "InsightsInputs_ContactCategories_DeleteNoted" AFTER DELETE ON "ContactCategories" REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Noted"('2', 'ContactId');

DROP TRIGGER "InsightsInputs_Interactions" ON "Interactions";
CREATE TRIGGER "InsightsInputs_Interactions" AFTER INSERT OR UPDATE OR DELETE ON "Interactions"
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Written"();
CREATE TRIGGER "InsightsInputs_Interactions_Truncate" AFTER TRUNCATE ON "Interactions"
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Truncated"();
CREATE TRIGGER "InsightsInputs_Interactions_InsertNoted" AFTER INSERT ON "Interactions" REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Noted"('3', 'Id');
CREATE TRIGGER "InsightsInputs_Interactions_UpdateNoted" AFTER UPDATE ON "Interactions" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Noted"('3', 'Id');
CREATE TRIGGER "InsightsInputs_Interactions_DeleteNoted" AFTER DELETE ON "Interactions" REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Noted"('3', 'Id');

DROP TRIGGER "InsightsInputs_InteractionParticipants" ON "InteractionParticipants";
CREATE TRIGGER "InsightsInputs_InteractionParticipants" AFTER INSERT OR UPDATE OR DELETE ON "InteractionParticipants"
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Written"();
CREATE TRIGGER "InsightsInputs_InteractionParticipants_Truncate" AFTER TRUNCATE ON "InteractionParticipants"
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Truncated"();
CREATE TRIGGER "InsightsInputs_InteractionParticipants_InsertNoted" AFTER INSERT ON "InteractionParticipants" REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Noted"('4', 'InteractionId', '13', 'ContactId');
CREATE TRIGGER "InsightsInputs_InteractionParticipants_UpdateNoted" AFTER UPDATE ON "InteractionParticipants" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Noted"('4', 'InteractionId', '13', 'ContactId');
CREATE TRIGGER "InsightsInputs_InteractionParticipants_DeleteNoted" AFTER DELETE ON "InteractionParticipants" REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Noted"('4', 'InteractionId', '13', 'ContactId');

DROP TRIGGER "InsightsInputs_ContactStats" ON "ContactStats";
CREATE TRIGGER "InsightsInputs_ContactStats" AFTER INSERT OR UPDATE OR DELETE ON "ContactStats"
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Written"();
CREATE TRIGGER "InsightsInputs_ContactStats_Truncate" AFTER TRUNCATE ON "ContactStats"
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Truncated"();
CREATE TRIGGER "InsightsInputs_ContactStats_InsertNoted" AFTER INSERT ON "ContactStats" REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Noted"('5', 'ContactId');
CREATE TRIGGER "InsightsInputs_ContactStats_UpdateNoted" AFTER UPDATE ON "ContactStats" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Noted"('5', 'ContactId');
CREATE TRIGGER "InsightsInputs_ContactStats_DeleteNoted" AFTER DELETE ON "ContactStats" REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Noted"('5', 'ContactId');

DROP TRIGGER "InsightsInputs_Exchanges" ON "Exchanges";
CREATE TRIGGER "InsightsInputs_Exchanges" AFTER INSERT OR UPDATE OR DELETE ON "Exchanges"
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Written"();
CREATE TRIGGER "InsightsInputs_Exchanges_Truncate" AFTER TRUNCATE ON "Exchanges"
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Truncated"();
CREATE TRIGGER "InsightsInputs_Exchanges_InsertNoted" AFTER INSERT ON "Exchanges" REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Noted"('6', 'Id');
CREATE TRIGGER "InsightsInputs_Exchanges_UpdateNoted" AFTER UPDATE ON "Exchanges" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Noted"('6', 'Id');
CREATE TRIGGER "InsightsInputs_Exchanges_DeleteNoted" AFTER DELETE ON "Exchanges" REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Noted"('6', 'Id');

DROP TRIGGER "InsightsInputs_Organizations" ON "Organizations";
CREATE TRIGGER "InsightsInputs_Organizations" AFTER INSERT OR UPDATE OR DELETE ON "Organizations"
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Written"();
CREATE TRIGGER "InsightsInputs_Organizations_Truncate" AFTER TRUNCATE ON "Organizations"
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Truncated"();
CREATE TRIGGER "InsightsInputs_Organizations_InsertNoted" AFTER INSERT ON "Organizations" REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Noted"('7', 'Id');
CREATE TRIGGER "InsightsInputs_Organizations_UpdateNoted" AFTER UPDATE ON "Organizations" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Noted"('7', 'Id');
CREATE TRIGGER "InsightsInputs_Organizations_DeleteNoted" AFTER DELETE ON "Organizations" REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Noted"('7', 'Id');

DROP TRIGGER "InsightsInputs_Memberships" ON "Memberships";
CREATE TRIGGER "InsightsInputs_Memberships" AFTER INSERT OR UPDATE OR DELETE ON "Memberships"
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Written"();
CREATE TRIGGER "InsightsInputs_Memberships_Truncate" AFTER TRUNCATE ON "Memberships"
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Truncated"();
CREATE TRIGGER "InsightsInputs_Memberships_InsertNoted" AFTER INSERT ON "Memberships" REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Noted"('8', 'OrganizationId');
CREATE TRIGGER "InsightsInputs_Memberships_UpdateNoted" AFTER UPDATE ON "Memberships" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Noted"('8', 'OrganizationId');
CREATE TRIGGER "InsightsInputs_Memberships_DeleteNoted" AFTER DELETE ON "Memberships" REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Noted"('8', 'OrganizationId');

DROP TRIGGER "InsightsInputs_Events" ON "Events";
CREATE TRIGGER "InsightsInputs_Events" AFTER INSERT OR UPDATE OR DELETE ON "Events"
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Written"();
CREATE TRIGGER "InsightsInputs_Events_Truncate" AFTER TRUNCATE ON "Events"
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Truncated"();
CREATE TRIGGER "InsightsInputs_Events_InsertNoted" AFTER INSERT ON "Events" REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Noted"('9', 'Id');
CREATE TRIGGER "InsightsInputs_Events_UpdateNoted" AFTER UPDATE ON "Events" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Noted"('9', 'Id');
CREATE TRIGGER "InsightsInputs_Events_DeleteNoted" AFTER DELETE ON "Events" REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Noted"('9', 'Id');

DROP TRIGGER "InsightsInputs_Attendances" ON "Attendances";
CREATE TRIGGER "InsightsInputs_Attendances" AFTER INSERT OR UPDATE OR DELETE ON "Attendances"
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Written"();
CREATE TRIGGER "InsightsInputs_Attendances_Truncate" AFTER TRUNCATE ON "Attendances"
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Truncated"();
CREATE TRIGGER "InsightsInputs_Attendances_InsertNoted" AFTER INSERT ON "Attendances" REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Noted"('10', 'EventId');
CREATE TRIGGER "InsightsInputs_Attendances_UpdateNoted" AFTER UPDATE ON "Attendances" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Noted"('10', 'EventId');
CREATE TRIGGER "InsightsInputs_Attendances_DeleteNoted" AFTER DELETE ON "Attendances" REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Noted"('10', 'EventId');

DROP TRIGGER "InsightsInputs_ContactLinks" ON "ContactLinks";
CREATE TRIGGER "InsightsInputs_ContactLinks" AFTER INSERT OR UPDATE OR DELETE ON "ContactLinks"
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Written"();
CREATE TRIGGER "InsightsInputs_ContactLinks_Truncate" AFTER TRUNCATE ON "ContactLinks"
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Truncated"();
CREATE TRIGGER "InsightsInputs_ContactLinks_InsertNoted" AFTER INSERT ON "ContactLinks" REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Noted"('11', 'ContactAId', '11', 'ContactBId');
CREATE TRIGGER "InsightsInputs_ContactLinks_UpdateNoted" AFTER UPDATE ON "ContactLinks" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Noted"('11', 'ContactAId', '11', 'ContactBId');
CREATE TRIGGER "InsightsInputs_ContactLinks_DeleteNoted" AFTER DELETE ON "ContactLinks" REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Noted"('11', 'ContactAId', '11', 'ContactBId');

DROP TRIGGER "InsightsInputs_Introductions" ON "Introductions";
CREATE TRIGGER "InsightsInputs_Introductions" AFTER INSERT OR UPDATE OR DELETE ON "Introductions"
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Written"();
CREATE TRIGGER "InsightsInputs_Introductions_Truncate" AFTER TRUNCATE ON "Introductions"
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Truncated"();
CREATE TRIGGER "InsightsInputs_Introductions_InsertNoted" AFTER INSERT ON "Introductions" REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Noted"('12', 'IntroducerId', '12', 'PersonAId', '12', 'PersonBId');
CREATE TRIGGER "InsightsInputs_Introductions_UpdateNoted" AFTER UPDATE ON "Introductions" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Noted"('12', 'IntroducerId', '12', 'PersonAId', '12', 'PersonBId');
CREATE TRIGGER "InsightsInputs_Introductions_DeleteNoted" AFTER DELETE ON "Introductions" REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION "InsightsInputs_Noted"('12', 'IntroducerId', '12', 'PersonAId', '12', 'PersonBId');
