-- 0005: contact search reads one search text per contact (its name, company, title, notes, email addresses, and the notes
-- and insights of its interactions that are not in the trash), through a trigram index (pg_trgm) that answers "contains"
-- for any text of three characters or more without reading every contact and every interaction.
--
-- "ContactSearch" holds the texts. The triggers only note which contacts' texts are out of date ("ContactSearchStale"),
-- locking that row until their transaction ends, so that a second writer to the same contact waits and its rebuild sees the
-- first one's rows. The texts are rebuilt from the tables, all at once, before each commit made through EF Core and after
-- migrating (Rapport.Data.Search.ContactSearchIndex), so that a bulk write (COPY) costs one rebuild per contact, not one per
-- row. Until then a search reads those contacts the old way. Nothing here is in the EF model. Every existing contact is
-- marked here; the migration runner builds their texts right after.
--
-- pg_trgm ships with PostgreSQL (Debian's postgresql-15 package, "contrib" elsewhere) and is a trusted extension (a database
-- owner may create it). Where it cannot be created, the search still works, reading every contact's text.

CREATE TABLE "ContactSearch" (
    "ContactId" bigint NOT NULL CONSTRAINT "PK_ContactSearch" PRIMARY KEY
        CONSTRAINT "FK_ContactSearch_Contacts_ContactId" REFERENCES "Contacts" ("Id") ON DELETE CASCADE,
    "Text" text NOT NULL
);

CREATE TABLE "ContactSearchStale" ("ContactId" bigint NOT NULL CONSTRAINT "PK_ContactSearchStale" PRIMARY KEY);

DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE INDEX "IX_ContactSearch_Text" ON "ContactSearch" USING gin (lower("Text") gin_trgm_ops);
EXCEPTION WHEN undefined_file OR insufficient_privilege OR undefined_object OR feature_not_supported THEN
    RAISE WARNING 'contact search runs without a trigram index (pg_trgm: %): it reads every contact''s search text', SQLERRM;
END $$;

-- Marks contacts stale, in id order (two writers lock their rows in the same order), taking the row's lock even when it is
-- already there (DO UPDATE, not DO NOTHING).
CREATE FUNCTION "ContactSearch_MarkStale"(ids bigint[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO "ContactSearchStale" ("ContactId")
    SELECT DISTINCT id FROM unnest(ids) AS id WHERE id IS NOT NULL ORDER BY id
    ON CONFLICT ("ContactId") DO UPDATE SET "ContactId" = EXCLUDED."ContactId";
$$;

-- Rows inserted or deleted: one call per statement (a COPY of a million rows makes one), from its transition table.
CREATE FUNCTION "ContactSearch_RowsChanged"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'Contacts' THEN
        PERFORM "ContactSearch_MarkStale"(ARRAY(SELECT "Id" FROM changed));
    ELSE
        PERFORM "ContactSearch_MarkStale"(ARRAY(SELECT "ContactId" FROM changed));
    END IF;
    RETURN NULL;
END $$;

-- A row updated in a searched column (the trigger's WHEN clause leaves the others out before any call).
CREATE FUNCTION "ContactSearch_RowUpdated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'Contacts' THEN
        PERFORM "ContactSearch_MarkStale"(ARRAY[NEW."Id"]);
    ELSIF TG_TABLE_NAME = 'Interactions' THEN
        PERFORM "ContactSearch_MarkStale"(ARRAY(SELECT "ContactId" FROM "InteractionParticipants" WHERE "InteractionId" = NEW."Id"));
    ELSE
        PERFORM "ContactSearch_MarkStale"(ARRAY[OLD."ContactId", NEW."ContactId"]);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER "ContactSearch_Contacts_Insert" AFTER INSERT ON "Contacts"
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "ContactSearch_RowsChanged"();
CREATE TRIGGER "ContactSearch_Contacts_Update" AFTER UPDATE ON "Contacts" FOR EACH ROW
    WHEN (OLD."DisplayName" IS DISTINCT FROM NEW."DisplayName" OR OLD."Company" IS DISTINCT FROM NEW."Company"
        OR OLD."Title" IS DISTINCT FROM NEW."Title" OR OLD."Notes" IS DISTINCT FROM NEW."Notes")
    EXECUTE FUNCTION "ContactSearch_RowUpdated"();

CREATE TRIGGER "ContactSearch_ContactEmails_Insert" AFTER INSERT ON "ContactEmails"
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "ContactSearch_RowsChanged"();
CREATE TRIGGER "ContactSearch_ContactEmails_Update" AFTER UPDATE ON "ContactEmails" FOR EACH ROW
    WHEN (OLD."Address" IS DISTINCT FROM NEW."Address" OR OLD."ContactId" IS DISTINCT FROM NEW."ContactId")
    EXECUTE FUNCTION "ContactSearch_RowUpdated"();
CREATE TRIGGER "ContactSearch_ContactEmails_Delete" AFTER DELETE ON "ContactEmails"
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "ContactSearch_RowsChanged"();

CREATE TRIGGER "ContactSearch_Interactions_Update" AFTER UPDATE ON "Interactions" FOR EACH ROW
    WHEN (OLD."Notes" IS DISTINCT FROM NEW."Notes" OR OLD."Insight" IS DISTINCT FROM NEW."Insight"
        OR OLD."DeletedAt" IS DISTINCT FROM NEW."DeletedAt")
    EXECUTE FUNCTION "ContactSearch_RowUpdated"();

CREATE TRIGGER "ContactSearch_InteractionParticipants_Insert" AFTER INSERT ON "InteractionParticipants"
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "ContactSearch_RowsChanged"();
CREATE TRIGGER "ContactSearch_InteractionParticipants_Update" AFTER UPDATE ON "InteractionParticipants" FOR EACH ROW
    WHEN (OLD."InteractionId" IS DISTINCT FROM NEW."InteractionId" OR OLD."ContactId" IS DISTINCT FROM NEW."ContactId")
    EXECUTE FUNCTION "ContactSearch_RowUpdated"();
CREATE TRIGGER "ContactSearch_InteractionParticipants_Delete" AFTER DELETE ON "InteractionParticipants"
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "ContactSearch_RowsChanged"();

INSERT INTO "ContactSearchStale" ("ContactId") SELECT "Id" FROM "Contacts";
