-- 0002: per-contact interaction aggregates, plan item state, calendar feed tokens, contact merges (undoable).

CREATE TABLE "ContactMerges" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ContactMerges" PRIMARY KEY AUTOINCREMENT,
    "AccountId" INTEGER NOT NULL,
    "SurvivorId" INTEGER NOT NULL,
    "MergedId" INTEGER NOT NULL,
    "MergedAt" TEXT NOT NULL,
    "UndoneAt" TEXT NULL,
    "Snapshot" text NOT NULL
);

CREATE TABLE "FeedTokens" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_FeedTokens" PRIMARY KEY AUTOINCREMENT,
    "AccountId" INTEGER NOT NULL,
    "TokenHash" TEXT NOT NULL,
    "Label" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "RevokedAt" TEXT NULL
);

CREATE TABLE "ContactStats" (
    "ContactId" INTEGER NOT NULL CONSTRAINT "PK_ContactStats" PRIMARY KEY,
    "AccountId" INTEGER NOT NULL,
    "TouchCount" INTEGER NOT NULL,
    "FirstTouchAt" TEXT NULL,
    "LastTouchAt" TEXT NULL,
    "IntensityAtLast" REAL NOT NULL,
    "RecentLog" BLOB NOT NULL,
    "PeakCore" REAL NOT NULL,
    "PeakSampledThroughMonth" INTEGER NOT NULL,
    "SettingsStamp" INTEGER NOT NULL,
    "NeedsRecompute" INTEGER NOT NULL,
    CONSTRAINT "FK_ContactStats_Contacts_ContactId" FOREIGN KEY ("ContactId") REFERENCES "Contacts" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PlanItemStates" (
    "AccountId" INTEGER NOT NULL,
    "ItemKey" TEXT NOT NULL,
    "ContactId" INTEGER NOT NULL,
    "SnoozedUntil" TEXT NULL,
    "SkipCount" INTEGER NOT NULL,
    "LastSkippedAt" TEXT NULL,
    "DoneAt" TEXT NULL,
    "EffortMinutes" INTEGER NOT NULL,
    CONSTRAINT "PK_PlanItemStates" PRIMARY KEY ("AccountId", "ItemKey"),
    CONSTRAINT "FK_PlanItemStates_Contacts_ContactId" FOREIGN KEY ("ContactId") REFERENCES "Contacts" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ContactMerges_AccountId" ON "ContactMerges" ("AccountId");

CREATE INDEX "IX_ContactMerges_AccountId_SurvivorId" ON "ContactMerges" ("AccountId", "SurvivorId");

CREATE INDEX "IX_ContactStats_AccountId" ON "ContactStats" ("AccountId");

CREATE INDEX "IX_FeedTokens_AccountId" ON "FeedTokens" ("AccountId");

CREATE UNIQUE INDEX "IX_FeedTokens_TokenHash" ON "FeedTokens" ("TokenHash");

CREATE INDEX "IX_PlanItemStates_AccountId" ON "PlanItemStates" ("AccountId");

CREATE INDEX "IX_PlanItemStates_ContactId" ON "PlanItemStates" ("ContactId");
