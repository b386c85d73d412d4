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
-- while its mark has counted no write since the load began. A row already noted is skipped by NOT EXISTS, not by
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
BEGIN
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = new."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 1, new."Id" FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" WHERE "AccountId" = new."AccountId" AND "Tab" = 1 AND "Key" = new."Id");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" > 2000;
END;
DROP TRIGGER "InsightsInputs_Contacts_Delete";
CREATE TRIGGER "InsightsInputs_Contacts_Delete" AFTER DELETE ON "Contacts"
BEGIN
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = old."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT old."AccountId", 1, old."Id" FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId" AND "Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" WHERE "AccountId" = old."AccountId" AND "Tab" = 1 AND "Key" = old."Id");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId" AND "Writes" > 2000;
END;
DROP TRIGGER "InsightsInputs_Contacts_Update";
CREATE TRIGGER "InsightsInputs_Contacts_Update" AFTER UPDATE ON "Contacts"
BEGIN
    DELETE FROM "InsightsInputsMarks" WHERE old."AccountId" <> new."AccountId" AND "AccountId" IN (old."AccountId", new."AccountId");
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = new."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 1, new."Id" FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" WHERE "AccountId" = new."AccountId" AND "Tab" = 1 AND "Key" = new."Id");
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 1, old."Id" FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" <= 2000 AND old."Id" <> new."Id"
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" WHERE "AccountId" = new."AccountId" AND "Tab" = 1 AND "Key" = old."Id");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" > 2000;
END;

DROP TRIGGER "InsightsInputs_ContactCategories_Insert";
CREATE TRIGGER "InsightsInputs_ContactCategories_Insert" AFTER INSERT ON "ContactCategories"
BEGIN
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = new."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 2, new."ContactId" FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" WHERE "AccountId" = new."AccountId" AND "Tab" = 2 AND "Key" = new."ContactId");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" > 2000;
END;
DROP TRIGGER "InsightsInputs_ContactCategories_Delete";
CREATE TRIGGER "InsightsInputs_ContactCategories_Delete" AFTER DELETE ON "ContactCategories"
BEGIN
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = old."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT old."AccountId", 2, old."ContactId" FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId" AND "Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" WHERE "AccountId" = old."AccountId" AND "Tab" = 2 AND "Key" = old."ContactId");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId" AND "Writes" > 2000;
END;
DROP TRIGGER "InsightsInputs_ContactCategories_Update";
CREATE TRIGGER "InsightsInputs_ContactCategories_Update" AFTER UPDATE ON "ContactCategories"
BEGIN
    DELETE FROM "InsightsInputsMarks" WHERE old."AccountId" <> new."AccountId" AND "AccountId" IN (old."AccountId", new."AccountId");
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = new."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 2, new."ContactId" FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" WHERE "AccountId" = new."AccountId" AND "Tab" = 2 AND "Key" = new."ContactId");
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 2, old."ContactId" FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" <= 2000 AND old."ContactId" <> new."ContactId"
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" WHERE "AccountId" = new."AccountId" AND "Tab" = 2 AND "Key" = old."ContactId");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" > 2000;
END;

DROP TRIGGER "InsightsInputs_Interactions_Insert";
CREATE TRIGGER "InsightsInputs_Interactions_Insert" AFTER INSERT ON "Interactions"
BEGIN
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = new."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 3, new."Id" FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" WHERE "AccountId" = new."AccountId" AND "Tab" = 3 AND "Key" = new."Id");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" > 2000;
END;
DROP TRIGGER "InsightsInputs_Interactions_Delete";
CREATE TRIGGER "InsightsInputs_Interactions_Delete" AFTER DELETE ON "Interactions"
BEGIN
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = old."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT old."AccountId", 3, old."Id" FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId" AND "Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" WHERE "AccountId" = old."AccountId" AND "Tab" = 3 AND "Key" = old."Id");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId" AND "Writes" > 2000;
END;
DROP TRIGGER "InsightsInputs_Interactions_Update";
CREATE TRIGGER "InsightsInputs_Interactions_Update" AFTER UPDATE ON "Interactions"
BEGIN
    DELETE FROM "InsightsInputsMarks" WHERE old."AccountId" <> new."AccountId" AND "AccountId" IN (old."AccountId", new."AccountId");
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = new."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 3, new."Id" FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" WHERE "AccountId" = new."AccountId" AND "Tab" = 3 AND "Key" = new."Id");
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 3, old."Id" FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" <= 2000 AND old."Id" <> new."Id"
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" WHERE "AccountId" = new."AccountId" AND "Tab" = 3 AND "Key" = old."Id");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" > 2000;
END;

DROP TRIGGER "InsightsInputs_InteractionParticipants_Insert";
CREATE TRIGGER "InsightsInputs_InteractionParticipants_Insert" AFTER INSERT ON "InteractionParticipants"
BEGIN
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = new."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 4, new."InteractionId" FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" WHERE "AccountId" = new."AccountId" AND "Tab" = 4 AND "Key" = new."InteractionId");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" > 2000;
END;
DROP TRIGGER "InsightsInputs_InteractionParticipants_Delete";
CREATE TRIGGER "InsightsInputs_InteractionParticipants_Delete" AFTER DELETE ON "InteractionParticipants"
BEGIN
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = old."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT old."AccountId", 4, old."InteractionId" FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId" AND "Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" WHERE "AccountId" = old."AccountId" AND "Tab" = 4 AND "Key" = old."InteractionId");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId" AND "Writes" > 2000;
END;
DROP TRIGGER "InsightsInputs_InteractionParticipants_Update";
CREATE TRIGGER "InsightsInputs_InteractionParticipants_Update" AFTER UPDATE ON "InteractionParticipants"
BEGIN
    DELETE FROM "InsightsInputsMarks" WHERE old."AccountId" <> new."AccountId" AND "AccountId" IN (old."AccountId", new."AccountId");
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = new."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 4, new."InteractionId" FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" WHERE "AccountId" = new."AccountId" AND "Tab" = 4 AND "Key" = new."InteractionId");
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 4, old."InteractionId" FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" <= 2000 AND old."InteractionId" <> new."InteractionId"
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" WHERE "AccountId" = new."AccountId" AND "Tab" = 4 AND "Key" = old."InteractionId");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" > 2000;
END;

DROP TRIGGER "InsightsInputs_ContactStats_Insert";
CREATE TRIGGER "InsightsInputs_ContactStats_Insert" AFTER INSERT ON "ContactStats"
BEGIN
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = new."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 5, new."ContactId" FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" WHERE "AccountId" = new."AccountId" AND "Tab" = 5 AND "Key" = new."ContactId");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" > 2000;
END;
DROP TRIGGER "InsightsInputs_ContactStats_Delete";
CREATE TRIGGER "InsightsInputs_ContactStats_Delete" AFTER DELETE ON "ContactStats"
BEGIN
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = old."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT old."AccountId", 5, old."ContactId" FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId" AND "Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" WHERE "AccountId" = old."AccountId" AND "Tab" = 5 AND "Key" = old."ContactId");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId" AND "Writes" > 2000;
END;
DROP TRIGGER "InsightsInputs_ContactStats_Update";
CREATE TRIGGER "InsightsInputs_ContactStats_Update" AFTER UPDATE ON "ContactStats"
BEGIN
    DELETE FROM "InsightsInputsMarks" WHERE old."AccountId" <> new."AccountId" AND "AccountId" IN (old."AccountId", new."AccountId");
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = new."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 5, new."ContactId" FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" WHERE "AccountId" = new."AccountId" AND "Tab" = 5 AND "Key" = new."ContactId");
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 5, old."ContactId" FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" <= 2000 AND old."ContactId" <> new."ContactId"
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" WHERE "AccountId" = new."AccountId" AND "Tab" = 5 AND "Key" = old."ContactId");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" > 2000;
END;

DROP TRIGGER "InsightsInputs_Exchanges_Insert";
CREATE TRIGGER "InsightsInputs_Exchanges_Insert" AFTER INSERT ON "Exchanges"
BEGIN
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = new."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 6, new."Id" FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" WHERE "AccountId" = new."AccountId" AND "Tab" = 6 AND "Key" = new."Id");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" > 2000;
END;
DROP TRIGGER "InsightsInputs_Exchanges_Delete";
CREATE TRIGGER "InsightsInputs_Exchanges_Delete" AFTER DELETE ON "Exchanges"
BEGIN
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = old."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT old."AccountId", 6, old."Id" FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId" AND "Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" WHERE "AccountId" = old."AccountId" AND "Tab" = 6 AND "Key" = old."Id");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId" AND "Writes" > 2000;
END;
DROP TRIGGER "InsightsInputs_Exchanges_Update";
CREATE TRIGGER "InsightsInputs_Exchanges_Update" AFTER UPDATE ON "Exchanges"
BEGIN
    DELETE FROM "InsightsInputsMarks" WHERE old."AccountId" <> new."AccountId" AND "AccountId" IN (old."AccountId", new."AccountId");
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = new."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 6, new."Id" FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" WHERE "AccountId" = new."AccountId" AND "Tab" = 6 AND "Key" = new."Id");
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 6, old."Id" FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" <= 2000 AND old."Id" <> new."Id"
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" WHERE "AccountId" = new."AccountId" AND "Tab" = 6 AND "Key" = old."Id");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" > 2000;
END;

DROP TRIGGER "InsightsInputs_Organizations_Insert";
CREATE TRIGGER "InsightsInputs_Organizations_Insert" AFTER INSERT ON "Organizations"
BEGIN
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = new."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 7, new."Id" FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" WHERE "AccountId" = new."AccountId" AND "Tab" = 7 AND "Key" = new."Id");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" > 2000;
END;
DROP TRIGGER "InsightsInputs_Organizations_Delete";
CREATE TRIGGER "InsightsInputs_Organizations_Delete" AFTER DELETE ON "Organizations"
BEGIN
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = old."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT old."AccountId", 7, old."Id" FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId" AND "Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" WHERE "AccountId" = old."AccountId" AND "Tab" = 7 AND "Key" = old."Id");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId" AND "Writes" > 2000;
END;
DROP TRIGGER "InsightsInputs_Organizations_Update";
CREATE TRIGGER "InsightsInputs_Organizations_Update" AFTER UPDATE ON "Organizations"
BEGIN
    DELETE FROM "InsightsInputsMarks" WHERE old."AccountId" <> new."AccountId" AND "AccountId" IN (old."AccountId", new."AccountId");
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = new."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 7, new."Id" FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" WHERE "AccountId" = new."AccountId" AND "Tab" = 7 AND "Key" = new."Id");
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 7, old."Id" FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" <= 2000 AND old."Id" <> new."Id"
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" WHERE "AccountId" = new."AccountId" AND "Tab" = 7 AND "Key" = old."Id");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" > 2000;
END;

DROP TRIGGER "InsightsInputs_Memberships_Insert";
CREATE TRIGGER "InsightsInputs_Memberships_Insert" AFTER INSERT ON "Memberships"
BEGIN
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = new."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 8, new."OrganizationId" FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" WHERE "AccountId" = new."AccountId" AND "Tab" = 8 AND "Key" = new."OrganizationId");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" > 2000;
END;
DROP TRIGGER "InsightsInputs_Memberships_Delete";
CREATE TRIGGER "InsightsInputs_Memberships_Delete" AFTER DELETE ON "Memberships"
BEGIN
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = old."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT old."AccountId", 8, old."OrganizationId" FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId" AND "Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" WHERE "AccountId" = old."AccountId" AND "Tab" = 8 AND "Key" = old."OrganizationId");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId" AND "Writes" > 2000;
END;
DROP TRIGGER "InsightsInputs_Memberships_Update";
CREATE TRIGGER "InsightsInputs_Memberships_Update" AFTER UPDATE ON "Memberships"
BEGIN
    DELETE FROM "InsightsInputsMarks" WHERE old."AccountId" <> new."AccountId" AND "AccountId" IN (old."AccountId", new."AccountId");
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = new."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 8, new."OrganizationId" FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" WHERE "AccountId" = new."AccountId" AND "Tab" = 8 AND "Key" = new."OrganizationId");
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 8, old."OrganizationId" FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" <= 2000 AND old."OrganizationId" <> new."OrganizationId"
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" WHERE "AccountId" = new."AccountId" AND "Tab" = 8 AND "Key" = old."OrganizationId");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" > 2000;
END;

DROP TRIGGER "InsightsInputs_Events_Insert";
CREATE TRIGGER "InsightsInputs_Events_Insert" AFTER INSERT ON "Events"
BEGIN
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = new."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 9, new."Id" FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" WHERE "AccountId" = new."AccountId" AND "Tab" = 9 AND "Key" = new."Id");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" > 2000;
END;
DROP TRIGGER "InsightsInputs_Events_Delete";
CREATE TRIGGER "InsightsInputs_Events_Delete" AFTER DELETE ON "Events"
BEGIN
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = old."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT old."AccountId", 9, old."Id" FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId" AND "Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" WHERE "AccountId" = old."AccountId" AND "Tab" = 9 AND "Key" = old."Id");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId" AND "Writes" > 2000;
END;
DROP TRIGGER "InsightsInputs_Events_Update";
CREATE TRIGGER "InsightsInputs_Events_Update" AFTER UPDATE ON "Events"
BEGIN
    DELETE FROM "InsightsInputsMarks" WHERE old."AccountId" <> new."AccountId" AND "AccountId" IN (old."AccountId", new."AccountId");
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = new."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 9, new."Id" FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" WHERE "AccountId" = new."AccountId" AND "Tab" = 9 AND "Key" = new."Id");
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 9, old."Id" FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" <= 2000 AND old."Id" <> new."Id"
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" WHERE "AccountId" = new."AccountId" AND "Tab" = 9 AND "Key" = old."Id");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" > 2000;
END;

DROP TRIGGER "InsightsInputs_Attendances_Insert";
CREATE TRIGGER "InsightsInputs_Attendances_Insert" AFTER INSERT ON "Attendances"
BEGIN
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = new."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 10, new."EventId" FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" WHERE "AccountId" = new."AccountId" AND "Tab" = 10 AND "Key" = new."EventId");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" > 2000;
END;
DROP TRIGGER "InsightsInputs_Attendances_Delete";
CREATE TRIGGER "InsightsInputs_Attendances_Delete" AFTER DELETE ON "Attendances"
BEGIN
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = old."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT old."AccountId", 10, old."EventId" FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId" AND "Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" WHERE "AccountId" = old."AccountId" AND "Tab" = 10 AND "Key" = old."EventId");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId" AND "Writes" > 2000;
END;
DROP TRIGGER "InsightsInputs_Attendances_Update";
CREATE TRIGGER "InsightsInputs_Attendances_Update" AFTER UPDATE ON "Attendances"
BEGIN
    DELETE FROM "InsightsInputsMarks" WHERE old."AccountId" <> new."AccountId" AND "AccountId" IN (old."AccountId", new."AccountId");
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = new."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 10, new."EventId" FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" <= 2000
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" WHERE "AccountId" = new."AccountId" AND "Tab" = 10 AND "Key" = new."EventId");
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT new."AccountId", 10, old."EventId" FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" <= 2000 AND old."EventId" <> new."EventId"
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" WHERE "AccountId" = new."AccountId" AND "Tab" = 10 AND "Key" = old."EventId");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" > 2000;
END;
