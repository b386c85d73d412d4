-- 0006: the insights keep what they read from the tables, once derived (contacts, links with those Rapport inferred,
-- organizations, memberships, events, attendances, stored aggregates, touches, the ledger), as one stored value per account
-- ("InsightsInputs"), so that a command started afresh reads that instead of every table and the whole interaction history.
--
-- A stored value is good only while its mark is there ("InsightsInputsMarks", with the same token). The triggers below
-- delete the account's mark whenever a table the insights read changes, so a value is never read after a write it does
-- not reflect. The reader sets a new mark before it reads the tables and saves only if its mark is still there: SQLite
-- lets one writer at a time, so every write either ended before the mark was set (the reads see it) or deleted the mark.
-- Nothing here is in the EF model (Rapport.Data.Storage.StoredInputs reads and writes it).

CREATE TABLE "InsightsInputsMarks" (
    "AccountId" INTEGER NOT NULL PRIMARY KEY,
    "Token" TEXT NOT NULL
);

CREATE TABLE "InsightsInputs" (
    "AccountId" INTEGER NOT NULL PRIMARY KEY,
    "Token" TEXT NOT NULL,
    "Key" TEXT NOT NULL,
    "SavedAt" TEXT NOT NULL,
    "Data" BLOB NOT NULL
);

CREATE TRIGGER "InsightsInputs_Contacts_Insert" AFTER INSERT ON "Contacts"
BEGIN DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId"; END;
CREATE TRIGGER "InsightsInputs_Contacts_Update" AFTER UPDATE ON "Contacts"
BEGIN DELETE FROM "InsightsInputsMarks" WHERE "AccountId" IN (old."AccountId", new."AccountId"); END;
CREATE TRIGGER "InsightsInputs_Contacts_Delete" AFTER DELETE ON "Contacts"
BEGIN DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId"; END;

CREATE TRIGGER "InsightsInputs_ContactCategories_Insert" AFTER INSERT ON "ContactCategories"
BEGIN DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId"; END;
CREATE TRIGGER "InsightsInputs_ContactCategories_Update" AFTER UPDATE ON "ContactCategories"
BEGIN DELETE FROM "InsightsInputsMarks" WHERE "AccountId" IN (old."AccountId", new."AccountId"); END;
CREATE TRIGGER "InsightsInputs_ContactCategories_Delete" AFTER DELETE ON "ContactCategories"
BEGIN DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId"; END;

CREATE TRIGGER "InsightsInputs_ContactLinks_Insert" AFTER INSERT ON "ContactLinks"
BEGIN DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId"; END;
CREATE TRIGGER "InsightsInputs_ContactLinks_Update" AFTER UPDATE ON "ContactLinks"
BEGIN DELETE FROM "InsightsInputsMarks" WHERE "AccountId" IN (old."AccountId", new."AccountId"); END;
CREATE TRIGGER "InsightsInputs_ContactLinks_Delete" AFTER DELETE ON "ContactLinks"
BEGIN DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId"; END;

CREATE TRIGGER "InsightsInputs_Introductions_Insert" AFTER INSERT ON "Introductions"
BEGIN DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId"; END;
CREATE TRIGGER "InsightsInputs_Introductions_Update" AFTER UPDATE ON "Introductions"
BEGIN DELETE FROM "InsightsInputsMarks" WHERE "AccountId" IN (old."AccountId", new."AccountId"); END;
CREATE TRIGGER "InsightsInputs_Introductions_Delete" AFTER DELETE ON "Introductions"
BEGIN DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId"; END;

CREATE TRIGGER "InsightsInputs_Organizations_Insert" AFTER INSERT ON "Organizations"
BEGIN DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId"; END;
CREATE TRIGGER "InsightsInputs_Organizations_Update" AFTER UPDATE ON "Organizations"
BEGIN DELETE FROM "InsightsInputsMarks" WHERE "AccountId" IN (old."AccountId", new."AccountId"); END;
CREATE TRIGGER "InsightsInputs_Organizations_Delete" AFTER DELETE ON "Organizations"
BEGIN DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId"; END;

CREATE TRIGGER "InsightsInputs_Memberships_Insert" AFTER INSERT ON "Memberships"
BEGIN DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId"; END;
CREATE TRIGGER "InsightsInputs_Memberships_Update" AFTER UPDATE ON "Memberships"
BEGIN DELETE FROM "InsightsInputsMarks" WHERE "AccountId" IN (old."AccountId", new."AccountId"); END;
CREATE TRIGGER "InsightsInputs_Memberships_Delete" AFTER DELETE ON "Memberships"
BEGIN DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId"; END;

CREATE TRIGGER "InsightsInputs_Events_Insert" AFTER INSERT ON "Events"
BEGIN DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId"; END;
CREATE TRIGGER "InsightsInputs_Events_Update" AFTER UPDATE ON "Events"
BEGIN DELETE FROM "InsightsInputsMarks" WHERE "AccountId" IN (old."AccountId", new."AccountId"); END;
CREATE TRIGGER "InsightsInputs_Events_Delete" AFTER DELETE ON "Events"
BEGIN DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId"; END;

CREATE TRIGGER "InsightsInputs_Attendances_Insert" AFTER INSERT ON "Attendances"
BEGIN DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId"; END;
CREATE TRIGGER "InsightsInputs_Attendances_Update" AFTER UPDATE ON "Attendances"
BEGIN DELETE FROM "InsightsInputsMarks" WHERE "AccountId" IN (old."AccountId", new."AccountId"); END;
CREATE TRIGGER "InsightsInputs_Attendances_Delete" AFTER DELETE ON "Attendances"
BEGIN DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId"; END;

CREATE TRIGGER "InsightsInputs_Interactions_Insert" AFTER INSERT ON "Interactions"
BEGIN DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId"; END;
CREATE TRIGGER "InsightsInputs_Interactions_Update" AFTER UPDATE ON "Interactions"
BEGIN DELETE FROM "InsightsInputsMarks" WHERE "AccountId" IN (old."AccountId", new."AccountId"); END;
CREATE TRIGGER "InsightsInputs_Interactions_Delete" AFTER DELETE ON "Interactions"
BEGIN DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId"; END;

CREATE TRIGGER "InsightsInputs_InteractionParticipants_Insert" AFTER INSERT ON "InteractionParticipants"
BEGIN DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId"; END;
CREATE TRIGGER "InsightsInputs_InteractionParticipants_Update" AFTER UPDATE ON "InteractionParticipants"
BEGIN DELETE FROM "InsightsInputsMarks" WHERE "AccountId" IN (old."AccountId", new."AccountId"); END;
CREATE TRIGGER "InsightsInputs_InteractionParticipants_Delete" AFTER DELETE ON "InteractionParticipants"
BEGIN DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId"; END;

CREATE TRIGGER "InsightsInputs_ContactStats_Insert" AFTER INSERT ON "ContactStats"
BEGIN DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId"; END;
CREATE TRIGGER "InsightsInputs_ContactStats_Update" AFTER UPDATE ON "ContactStats"
BEGIN DELETE FROM "InsightsInputsMarks" WHERE "AccountId" IN (old."AccountId", new."AccountId"); END;
CREATE TRIGGER "InsightsInputs_ContactStats_Delete" AFTER DELETE ON "ContactStats"
BEGIN DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId"; END;

CREATE TRIGGER "InsightsInputs_Exchanges_Insert" AFTER INSERT ON "Exchanges"
BEGIN DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId"; END;
CREATE TRIGGER "InsightsInputs_Exchanges_Update" AFTER UPDATE ON "Exchanges"
BEGIN DELETE FROM "InsightsInputsMarks" WHERE "AccountId" IN (old."AccountId", new."AccountId"); END;
CREATE TRIGGER "InsightsInputs_Exchanges_Delete" AFTER DELETE ON "Exchanges"
BEGIN DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId"; END;
