-- 0007: a write no longer throws away what the insights kept (0006) when a load can bring it up to date from the rows
-- written: a contact added or edited, categories changed, an interaction or a meeting logged, aggregates refolded, a give
-- or an ask recorded, an organization, a membership, an event or an attendance written.
--
-- On those ten tables the triggers no longer delete the account's mark: while there is one, they note which rows were
-- written ("InsightsInputsChanges": the table by number, and the contact, interaction, entry, organization or event the
-- row belongs to, once each) and count the writes on the mark. A load reads the kept value and the notes in one read
-- transaction, re-reads just those rows (or the small tables whole), and patches what it read
-- (Rapport.App.Insights.InputsPatch); a change it cannot patch (a contact put in or taken out of the trash, an older
-- interaction edited) has it read the tables and keep afresh, which clears the notes. Past 2000 writes the triggers
-- delete the mark, as every write to links and introductions still does, so the notes stay few. A value is saved only
-- while its mark has counted no write since the load began. The triggers run only while the account has a mark (their
-- WHEN), so a write with nothing kept costs one probe a row. A row already noted is skipped by NOT EXISTS, not by
-- INSERT OR IGNORE: SQLite lets the statement that fired a trigger override its conflict policy, and the updates that
-- ON DELETE SET NULL makes abort on a conflict, so a second note would refuse the user's delete.
-- Tables: 1 Contacts (Id), 2 ContactCategories (ContactId), 3 Interactions (Id), 4 InteractionParticipants (InteractionId),
-- 5 ContactStats (ContactId), 6 Exchanges (Id), 7 Organizations (Id), 8 Memberships (OrganizationId), 9 Events (Id),
-- 10 Attendances (EventId).

ALTER TABLE "InsightsInputsMarks" ADD COLUMN "Writes" INTEGER NOT NULL DEFAULT 0;

CREATE TABLE "InsightsInputsChanges" (
    "AccountId" INTEGER NOT NULL,
    "Tab" INTEGER NOT NULL,
    "Key" INTEGER NOT NULL,
    PRIMARY KEY ("AccountId", "Tab", "Key")
) WITHOUT ROWID;



DROP TRIGGER "InsightsInputs_Contacts_Insert";
CREATE TRIGGER "InsightsInputs_Contacts_Insert" AFTER INSERT ON "Contacts"
WHEN EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId")
BEGIN
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = new."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 1, new."Id" FROM "InsightsInputsMarks" m WHERE m."AccountId" = new."AccountId" AND m."Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" c WHERE c."AccountId" = m."AccountId" AND c."Tab" = 1 AND c."Key" = new."Id");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" > 2000;
END;
DROP TRIGGER "InsightsInputs_Contacts_Delete";
CREATE TRIGGER "InsightsInputs_Contacts_Delete" AFTER DELETE ON "Contacts"
WHEN EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId")
BEGIN
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = old."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT old."AccountId", 1, old."Id" FROM "InsightsInputsMarks" m WHERE m."AccountId" = old."AccountId" AND m."Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" c WHERE c."AccountId" = m."AccountId" AND c."Tab" = 1 AND c."Key" = old."Id");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId" AND "Writes" > 2000;
END;
DROP TRIGGER "InsightsInputs_Contacts_Update";
CREATE TRIGGER "InsightsInputs_Contacts_Update" AFTER UPDATE ON "Contacts"
WHEN EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId")
    OR (old."AccountId" <> new."AccountId" AND EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId"))
BEGIN
    DELETE FROM "InsightsInputsMarks" WHERE old."AccountId" <> new."AccountId" AND "AccountId" IN (old."AccountId", new."AccountId");
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = new."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 1, new."Id" FROM "InsightsInputsMarks" m WHERE m."AccountId" = new."AccountId" AND m."Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" c WHERE c."AccountId" = m."AccountId" AND c."Tab" = 1 AND c."Key" = new."Id");
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 1, old."Id" FROM "InsightsInputsMarks" m WHERE m."AccountId" = new."AccountId" AND m."Writes" <= 2000 AND old."Id" <> new."Id"
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" c WHERE c."AccountId" = m."AccountId" AND c."Tab" = 1 AND c."Key" = old."Id");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" > 2000;
END;

DROP TRIGGER "InsightsInputs_ContactCategories_Insert";
CREATE TRIGGER "InsightsInputs_ContactCategories_Insert" AFTER INSERT ON "ContactCategories"
WHEN EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId")
BEGIN
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = new."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 2, new."ContactId" FROM "InsightsInputsMarks" m WHERE m."AccountId" = new."AccountId" AND m."Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" c WHERE c."AccountId" = m."AccountId" AND c."Tab" = 2 AND c."Key" = new."ContactId");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" > 2000;
END;
DROP TRIGGER "InsightsInputs_ContactCategories_Delete";
CREATE TRIGGER "InsightsInputs_ContactCategories_Delete" AFTER DELETE ON "ContactCategories"
WHEN EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId")
BEGIN
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = old."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT old."AccountId", 2, old."ContactId" FROM "InsightsInputsMarks" m WHERE m."AccountId" = old."AccountId" AND m."Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" c WHERE c."AccountId" = m."AccountId" AND c."Tab" = 2 AND c."Key" = old."ContactId");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId" AND "Writes" > 2000;
END;
DROP TRIGGER "InsightsInputs_ContactCategories_Update";
CREATE TRIGGER "InsightsInputs_ContactCategories_Update" AFTER UPDATE ON "ContactCategories"
WHEN EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId")
    OR (old."AccountId" <> new."AccountId" AND EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId"))
BEGIN
    DELETE FROM "InsightsInputsMarks" WHERE old."AccountId" <> new."AccountId" AND "AccountId" IN (old."AccountId", new."AccountId");
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = new."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 2, new."ContactId" FROM "InsightsInputsMarks" m WHERE m."AccountId" = new."AccountId" AND m."Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" c WHERE c."AccountId" = m."AccountId" AND c."Tab" = 2 AND c."Key" = new."ContactId");
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 2, old."ContactId" FROM "InsightsInputsMarks" m WHERE m."AccountId" = new."AccountId" AND m."Writes" <= 2000 AND old."ContactId" <> new."ContactId"
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" c WHERE c."AccountId" = m."AccountId" AND c."Tab" = 2 AND c."Key" = old."ContactId");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" > 2000;
END;

DROP TRIGGER "InsightsInputs_Interactions_Insert";
CREATE TRIGGER "InsightsInputs_Interactions_Insert" AFTER INSERT ON "Interactions"
WHEN EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId")
BEGIN
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = new."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 3, new."Id" FROM "InsightsInputsMarks" m WHERE m."AccountId" = new."AccountId" AND m."Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" c WHERE c."AccountId" = m."AccountId" AND c."Tab" = 3 AND c."Key" = new."Id");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" > 2000;
END;
DROP TRIGGER "InsightsInputs_Interactions_Delete";
CREATE TRIGGER "InsightsInputs_Interactions_Delete" AFTER DELETE ON "Interactions"
WHEN EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId")
BEGIN
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = old."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT old."AccountId", 3, old."Id" FROM "InsightsInputsMarks" m WHERE m."AccountId" = old."AccountId" AND m."Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" c WHERE c."AccountId" = m."AccountId" AND c."Tab" = 3 AND c."Key" = old."Id");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId" AND "Writes" > 2000;
END;
DROP TRIGGER "InsightsInputs_Interactions_Update";
CREATE TRIGGER "InsightsInputs_Interactions_Update" AFTER UPDATE ON "Interactions"
WHEN EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId")
    OR (old."AccountId" <> new."AccountId" AND EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId"))
BEGIN
    DELETE FROM "InsightsInputsMarks" WHERE old."AccountId" <> new."AccountId" AND "AccountId" IN (old."AccountId", new."AccountId");
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = new."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 3, new."Id" FROM "InsightsInputsMarks" m WHERE m."AccountId" = new."AccountId" AND m."Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" c WHERE c."AccountId" = m."AccountId" AND c."Tab" = 3 AND c."Key" = new."Id");
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 3, old."Id" FROM "InsightsInputsMarks" m WHERE m."AccountId" = new."AccountId" AND m."Writes" <= 2000 AND old."Id" <> new."Id"
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" c WHERE c."AccountId" = m."AccountId" AND c."Tab" = 3 AND c."Key" = old."Id");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" > 2000;
END;

DROP TRIGGER "InsightsInputs_InteractionParticipants_Insert";
CREATE TRIGGER "InsightsInputs_InteractionParticipants_Insert" AFTER INSERT ON "InteractionParticipants"
WHEN EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId")
BEGIN
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = new."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 4, new."InteractionId" FROM "InsightsInputsMarks" m WHERE m."AccountId" = new."AccountId" AND m."Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" c WHERE c."AccountId" = m."AccountId" AND c."Tab" = 4 AND c."Key" = new."InteractionId");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" > 2000;
END;
DROP TRIGGER "InsightsInputs_InteractionParticipants_Delete";
CREATE TRIGGER "InsightsInputs_InteractionParticipants_Delete" AFTER DELETE ON "InteractionParticipants"
WHEN EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId")
BEGIN
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = old."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT old."AccountId", 4, old."InteractionId" FROM "InsightsInputsMarks" m WHERE m."AccountId" = old."AccountId" AND m."Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" c WHERE c."AccountId" = m."AccountId" AND c."Tab" = 4 AND c."Key" = old."InteractionId");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId" AND "Writes" > 2000;
END;
DROP TRIGGER "InsightsInputs_InteractionParticipants_Update";
CREATE TRIGGER "InsightsInputs_InteractionParticipants_Update" AFTER UPDATE ON "InteractionParticipants"
WHEN EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId")
    OR (old."AccountId" <> new."AccountId" AND EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId"))
BEGIN
    DELETE FROM "InsightsInputsMarks" WHERE old."AccountId" <> new."AccountId" AND "AccountId" IN (old."AccountId", new."AccountId");
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = new."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 4, new."InteractionId" FROM "InsightsInputsMarks" m WHERE m."AccountId" = new."AccountId" AND m."Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" c WHERE c."AccountId" = m."AccountId" AND c."Tab" = 4 AND c."Key" = new."InteractionId");
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 4, old."InteractionId" FROM "InsightsInputsMarks" m WHERE m."AccountId" = new."AccountId" AND m."Writes" <= 2000 AND old."InteractionId" <> new."InteractionId"
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" c WHERE c."AccountId" = m."AccountId" AND c."Tab" = 4 AND c."Key" = old."InteractionId");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" > 2000;
END;

DROP TRIGGER "InsightsInputs_ContactStats_Insert";
CREATE TRIGGER "InsightsInputs_ContactStats_Insert" AFTER INSERT ON "ContactStats"
WHEN EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId")
BEGIN
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = new."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 5, new."ContactId" FROM "InsightsInputsMarks" m WHERE m."AccountId" = new."AccountId" AND m."Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" c WHERE c."AccountId" = m."AccountId" AND c."Tab" = 5 AND c."Key" = new."ContactId");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" > 2000;
END;
DROP TRIGGER "InsightsInputs_ContactStats_Delete";
CREATE TRIGGER "InsightsInputs_ContactStats_Delete" AFTER DELETE ON "ContactStats"
WHEN EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId")
BEGIN
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = old."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT old."AccountId", 5, old."ContactId" FROM "InsightsInputsMarks" m WHERE m."AccountId" = old."AccountId" AND m."Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" c WHERE c."AccountId" = m."AccountId" AND c."Tab" = 5 AND c."Key" = old."ContactId");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId" AND "Writes" > 2000;
END;
DROP TRIGGER "InsightsInputs_ContactStats_Update";
CREATE TRIGGER "InsightsInputs_ContactStats_Update" AFTER UPDATE ON "ContactStats"
WHEN EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId")
    OR (old."AccountId" <> new."AccountId" AND EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId"))
BEGIN
    DELETE FROM "InsightsInputsMarks" WHERE old."AccountId" <> new."AccountId" AND "AccountId" IN (old."AccountId", new."AccountId");
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = new."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 5, new."ContactId" FROM "InsightsInputsMarks" m WHERE m."AccountId" = new."AccountId" AND m."Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" c WHERE c."AccountId" = m."AccountId" AND c."Tab" = 5 AND c."Key" = new."ContactId");
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 5, old."ContactId" FROM "InsightsInputsMarks" m WHERE m."AccountId" = new."AccountId" AND m."Writes" <= 2000 AND old."ContactId" <> new."ContactId"
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" c WHERE c."AccountId" = m."AccountId" AND c."Tab" = 5 AND c."Key" = old."ContactId");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" > 2000;
END;

DROP TRIGGER "InsightsInputs_Exchanges_Insert";
CREATE TRIGGER "InsightsInputs_Exchanges_Insert" AFTER INSERT ON "Exchanges"
WHEN EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId")
BEGIN
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = new."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 6, new."Id" FROM "InsightsInputsMarks" m WHERE m."AccountId" = new."AccountId" AND m."Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" c WHERE c."AccountId" = m."AccountId" AND c."Tab" = 6 AND c."Key" = new."Id");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" > 2000;
END;
DROP TRIGGER "InsightsInputs_Exchanges_Delete";
CREATE TRIGGER "InsightsInputs_Exchanges_Delete" AFTER DELETE ON "Exchanges"
WHEN EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId")
BEGIN
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = old."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT old."AccountId", 6, old."Id" FROM "InsightsInputsMarks" m WHERE m."AccountId" = old."AccountId" AND m."Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" c WHERE c."AccountId" = m."AccountId" AND c."Tab" = 6 AND c."Key" = old."Id");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId" AND "Writes" > 2000;
END;
DROP TRIGGER "InsightsInputs_Exchanges_Update";
CREATE TRIGGER "InsightsInputs_Exchanges_Update" AFTER UPDATE ON "Exchanges"
WHEN EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId")
    OR (old."AccountId" <> new."AccountId" AND EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId"))
BEGIN
    DELETE FROM "InsightsInputsMarks" WHERE old."AccountId" <> new."AccountId" AND "AccountId" IN (old."AccountId", new."AccountId");
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = new."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 6, new."Id" FROM "InsightsInputsMarks" m WHERE m."AccountId" = new."AccountId" AND m."Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" c WHERE c."AccountId" = m."AccountId" AND c."Tab" = 6 AND c."Key" = new."Id");
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 6, old."Id" FROM "InsightsInputsMarks" m WHERE m."AccountId" = new."AccountId" AND m."Writes" <= 2000 AND old."Id" <> new."Id"
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" c WHERE c."AccountId" = m."AccountId" AND c."Tab" = 6 AND c."Key" = old."Id");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" > 2000;
END;

DROP TRIGGER "InsightsInputs_Organizations_Insert";
CREATE TRIGGER "InsightsInputs_Organizations_Insert" AFTER INSERT ON "Organizations"
WHEN EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId")
BEGIN
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = new."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 7, new."Id" FROM "InsightsInputsMarks" m WHERE m."AccountId" = new."AccountId" AND m."Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" c WHERE c."AccountId" = m."AccountId" AND c."Tab" = 7 AND c."Key" = new."Id");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" > 2000;
END;
DROP TRIGGER "InsightsInputs_Organizations_Delete";
CREATE TRIGGER "InsightsInputs_Organizations_Delete" AFTER DELETE ON "Organizations"
WHEN EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId")
BEGIN
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = old."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT old."AccountId", 7, old."Id" FROM "InsightsInputsMarks" m WHERE m."AccountId" = old."AccountId" AND m."Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" c WHERE c."AccountId" = m."AccountId" AND c."Tab" = 7 AND c."Key" = old."Id");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId" AND "Writes" > 2000;
END;
DROP TRIGGER "InsightsInputs_Organizations_Update";
CREATE TRIGGER "InsightsInputs_Organizations_Update" AFTER UPDATE ON "Organizations"
WHEN EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId")
    OR (old."AccountId" <> new."AccountId" AND EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId"))
BEGIN
    DELETE FROM "InsightsInputsMarks" WHERE old."AccountId" <> new."AccountId" AND "AccountId" IN (old."AccountId", new."AccountId");
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = new."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 7, new."Id" FROM "InsightsInputsMarks" m WHERE m."AccountId" = new."AccountId" AND m."Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" c WHERE c."AccountId" = m."AccountId" AND c."Tab" = 7 AND c."Key" = new."Id");
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 7, old."Id" FROM "InsightsInputsMarks" m WHERE m."AccountId" = new."AccountId" AND m."Writes" <= 2000 AND old."Id" <> new."Id"
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" c WHERE c."AccountId" = m."AccountId" AND c."Tab" = 7 AND c."Key" = old."Id");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" > 2000;
END;

DROP TRIGGER "InsightsInputs_Memberships_Insert";
CREATE TRIGGER "InsightsInputs_Memberships_Insert" AFTER INSERT ON "Memberships"
WHEN EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId")
BEGIN
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = new."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 8, new."OrganizationId" FROM "InsightsInputsMarks" m WHERE m."AccountId" = new."AccountId" AND m."Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" c WHERE c."AccountId" = m."AccountId" AND c."Tab" = 8 AND c."Key" = new."OrganizationId");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" > 2000;
END;
DROP TRIGGER "InsightsInputs_Memberships_Delete";
CREATE TRIGGER "InsightsInputs_Memberships_Delete" AFTER DELETE ON "Memberships"
WHEN EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId")
BEGIN
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = old."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT old."AccountId", 8, old."OrganizationId" FROM "InsightsInputsMarks" m WHERE m."AccountId" = old."AccountId" AND m."Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" c WHERE c."AccountId" = m."AccountId" AND c."Tab" = 8 AND c."Key" = old."OrganizationId");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId" AND "Writes" > 2000;
END;
DROP TRIGGER "InsightsInputs_Memberships_Update";
CREATE TRIGGER "InsightsInputs_Memberships_Update" AFTER UPDATE ON "Memberships"
WHEN EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId")
    OR (old."AccountId" <> new."AccountId" AND EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId"))
BEGIN
    DELETE FROM "InsightsInputsMarks" WHERE old."AccountId" <> new."AccountId" AND "AccountId" IN (old."AccountId", new."AccountId");
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = new."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 8, new."OrganizationId" FROM "InsightsInputsMarks" m WHERE m."AccountId" = new."AccountId" AND m."Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" c WHERE c."AccountId" = m."AccountId" AND c."Tab" = 8 AND c."Key" = new."OrganizationId");
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 8, old."OrganizationId" FROM "InsightsInputsMarks" m WHERE m."AccountId" = new."AccountId" AND m."Writes" <= 2000 AND old."OrganizationId" <> new."OrganizationId"
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" c WHERE c."AccountId" = m."AccountId" AND c."Tab" = 8 AND c."Key" = old."OrganizationId");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" > 2000;
END;

DROP TRIGGER "InsightsInputs_Events_Insert";
CREATE TRIGGER "InsightsInputs_Events_Insert" AFTER INSERT ON "Events"
WHEN EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId")
BEGIN
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = new."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 9, new."Id" FROM "InsightsInputsMarks" m WHERE m."AccountId" = new."AccountId" AND m."Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" c WHERE c."AccountId" = m."AccountId" AND c."Tab" = 9 AND c."Key" = new."Id");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" > 2000;
END;
DROP TRIGGER "InsightsInputs_Events_Delete";
CREATE TRIGGER "InsightsInputs_Events_Delete" AFTER DELETE ON "Events"
WHEN EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId")
BEGIN
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = old."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT old."AccountId", 9, old."Id" FROM "InsightsInputsMarks" m WHERE m."AccountId" = old."AccountId" AND m."Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" c WHERE c."AccountId" = m."AccountId" AND c."Tab" = 9 AND c."Key" = old."Id");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId" AND "Writes" > 2000;
END;
DROP TRIGGER "InsightsInputs_Events_Update";
CREATE TRIGGER "InsightsInputs_Events_Update" AFTER UPDATE ON "Events"
WHEN EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId")
    OR (old."AccountId" <> new."AccountId" AND EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId"))
BEGIN
    DELETE FROM "InsightsInputsMarks" WHERE old."AccountId" <> new."AccountId" AND "AccountId" IN (old."AccountId", new."AccountId");
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = new."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 9, new."Id" FROM "InsightsInputsMarks" m WHERE m."AccountId" = new."AccountId" AND m."Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" c WHERE c."AccountId" = m."AccountId" AND c."Tab" = 9 AND c."Key" = new."Id");
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 9, old."Id" FROM "InsightsInputsMarks" m WHERE m."AccountId" = new."AccountId" AND m."Writes" <= 2000 AND old."Id" <> new."Id"
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" c WHERE c."AccountId" = m."AccountId" AND c."Tab" = 9 AND c."Key" = old."Id");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" > 2000;
END;

DROP TRIGGER "InsightsInputs_Attendances_Insert";
CREATE TRIGGER "InsightsInputs_Attendances_Insert" AFTER INSERT ON "Attendances"
WHEN EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId")
BEGIN
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = new."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 10, new."EventId" FROM "InsightsInputsMarks" m WHERE m."AccountId" = new."AccountId" AND m."Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" c WHERE c."AccountId" = m."AccountId" AND c."Tab" = 10 AND c."Key" = new."EventId");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" > 2000;
END;
DROP TRIGGER "InsightsInputs_Attendances_Delete";
CREATE TRIGGER "InsightsInputs_Attendances_Delete" AFTER DELETE ON "Attendances"
WHEN EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId")
BEGIN
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = old."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT old."AccountId", 10, old."EventId" FROM "InsightsInputsMarks" m WHERE m."AccountId" = old."AccountId" AND m."Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" c WHERE c."AccountId" = m."AccountId" AND c."Tab" = 10 AND c."Key" = old."EventId");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId" AND "Writes" > 2000;
END;
DROP TRIGGER "InsightsInputs_Attendances_Update";
CREATE TRIGGER "InsightsInputs_Attendances_Update" AFTER UPDATE ON "Attendances"
WHEN EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId")
    OR (old."AccountId" <> new."AccountId" AND EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId"))
BEGIN
    DELETE FROM "InsightsInputsMarks" WHERE old."AccountId" <> new."AccountId" AND "AccountId" IN (old."AccountId", new."AccountId");
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = new."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 10, new."EventId" FROM "InsightsInputsMarks" m WHERE m."AccountId" = new."AccountId" AND m."Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" c WHERE c."AccountId" = m."AccountId" AND c."Tab" = 10 AND c."Key" = new."EventId");
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 10, old."EventId" FROM "InsightsInputsMarks" m WHERE m."AccountId" = new."AccountId" AND m."Writes" <= 2000 AND old."EventId" <> new."EventId"
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" c WHERE c."AccountId" = m."AccountId" AND c."Tab" = 10 AND c."Key" = old."EventId");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" > 2000;
END;
