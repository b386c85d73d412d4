-- 0005: contact search reads one search text per contact (its name, company, title, notes, email addresses, and the notes
-- and insights of its interactions that are not in the trash) from a full-text index of trigrams, which answers "contains"
-- for any text of three characters or more without reading every contact and every interaction.
--
-- "ContactSearch" holds the texts (rowid = the contact's id). The triggers only note which contacts' texts are out of date
-- ("ContactSearchStale"); the texts are rebuilt from the tables, all at once, before each commit made through EF Core and after
-- migrating (Rapport.Data.Search.ContactSearchIndex), so that a bulk write costs one rebuild per contact, not one per row.
-- Until then a search reads those contacts the old way. Nothing here is in the EF model: the model cannot describe a virtual
-- table or a trigger. Every existing contact is marked here; the migration runner builds their texts right after.

CREATE VIRTUAL TABLE "ContactSearch" USING fts5("Text", tokenize = 'trigram');

CREATE TABLE "ContactSearchStale" ("ContactId" INTEGER NOT NULL PRIMARY KEY) WITHOUT ROWID;

CREATE TRIGGER "ContactSearch_Contacts_Insert" AFTER INSERT ON "Contacts"
BEGIN INSERT OR IGNORE INTO "ContactSearchStale" ("ContactId") VALUES (new."Id"); END;

CREATE TRIGGER "ContactSearch_Contacts_Update" AFTER UPDATE OF "DisplayName", "Company", "Title", "Notes" ON "Contacts"
BEGIN INSERT OR IGNORE INTO "ContactSearchStale" ("ContactId") VALUES (new."Id"); END;

CREATE TRIGGER "ContactSearch_Contacts_Delete" AFTER DELETE ON "Contacts"
BEGIN INSERT OR IGNORE INTO "ContactSearchStale" ("ContactId") VALUES (old."Id"); END;

CREATE TRIGGER "ContactSearch_ContactEmails_Insert" AFTER INSERT ON "ContactEmails"
BEGIN INSERT OR IGNORE INTO "ContactSearchStale" ("ContactId") VALUES (new."ContactId"); END;

CREATE TRIGGER "ContactSearch_ContactEmails_Update" AFTER UPDATE OF "Address", "ContactId" ON "ContactEmails"
BEGIN INSERT OR IGNORE INTO "ContactSearchStale" ("ContactId") VALUES (old."ContactId"), (new."ContactId"); END;

CREATE TRIGGER "ContactSearch_ContactEmails_Delete" AFTER DELETE ON "ContactEmails"
BEGIN INSERT OR IGNORE INTO "ContactSearchStale" ("ContactId") VALUES (old."ContactId"); END;

CREATE TRIGGER "ContactSearch_Interactions_Update" AFTER UPDATE OF "Notes", "Insight", "DeletedAt" ON "Interactions"
BEGIN INSERT OR IGNORE INTO "ContactSearchStale" ("ContactId") SELECT "ContactId" FROM "InteractionParticipants" WHERE "InteractionId" = new."Id"; END;

CREATE TRIGGER "ContactSearch_InteractionParticipants_Insert" AFTER INSERT ON "InteractionParticipants"
BEGIN INSERT OR IGNORE INTO "ContactSearchStale" ("ContactId") VALUES (new."ContactId"); END;

CREATE TRIGGER "ContactSearch_InteractionParticipants_Update" AFTER UPDATE OF "InteractionId", "ContactId" ON "InteractionParticipants"
BEGIN INSERT OR IGNORE INTO "ContactSearchStale" ("ContactId") VALUES (old."ContactId"), (new."ContactId"); END;

CREATE TRIGGER "ContactSearch_InteractionParticipants_Delete" AFTER DELETE ON "InteractionParticipants"
BEGIN INSERT OR IGNORE INTO "ContactSearchStale" ("ContactId") VALUES (old."ContactId"); END;

INSERT INTO "ContactSearchStale" ("ContactId") SELECT "Id" FROM "Contacts";
