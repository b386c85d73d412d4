using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Rapport.Data.Search;

/// <summary>
/// The search text of every contact (name, company, title, notes, email addresses, and the notes and insights of its
/// interactions that are not in the trash), indexed by trigrams: SQLite's FTS5 <c>trigram</c> tokenizer, PostgreSQL's
/// pg_trgm. It answers "which contacts contain this text" for three characters or more without reading every contact and
/// interaction. Made by migration 0005, outside the EF model: triggers mark the contacts whose text is out of date
/// (<c>ContactSearchStale</c>), and <see cref="RefreshAsync"/> rebuilds them from the tables, before each commit made through
/// EF Core (<see cref="ContactSearchRefresher"/>) and after migrating. A search reads the stale ones the slow, exact way.
/// </summary>
public static class ContactSearchIndex
{
    /// <summary>Between the parts of a search text, so that no match spans two of them; a text containing it is not searched here.</summary>
    public const char Separator = '\u001F';

    /// <summary>The schema version that made the index (migration 0005).</summary>
    public const int SinceVersion = 5;

    /// <summary>
    /// The contacts whose (up-to-date) search text contains <paramref name="lowered"/> (lower-cased with the invariant culture,
    /// as the old search did), in any account and trashed or not; stale contacts are left out (see <see cref="Stale"/>).
    /// Null when the index cannot answer exactly: the text contains <see cref="Separator"/>.
    /// </summary>
    public static IQueryable<long>? Matching(RapportDbContext db, string lowered)
    {
        ArgumentException.ThrowIfNullOrEmpty(lowered);
        if (lowered.Contains(Separator, StringComparison.Ordinal)) return null;
        if (db.Database.IsSqlite())
        {
            // FTS5's trigram tokenizer folds case itself (Unicode, as lower() here, which the store maps to .NET's); it cannot
            // look up fewer than three characters, which are found by reading every text instead (still one row per contact):
            // with SQLite's own LIKE, which ignores the case of A-Z, for such text; through lower() for any other letter.
            if (lowered.EnumerateRunes().Count() < 3)
            {
                if (System.Text.Ascii.IsValid(lowered))
                {
                    return db.Database.SqlQuery<long>($"""
                        SELECT rowid AS "Value" FROM "ContactSearch"
                        WHERE "Text" LIKE {LikePattern(lowered)} ESCAPE '\' AND rowid NOT IN (SELECT "ContactId" FROM "ContactSearchStale")
                        """);
                }
                return db.Database.SqlQuery<long>($"""
                    SELECT rowid AS "Value" FROM "ContactSearch"
                    WHERE instr(lower("Text"), {lowered}) > 0 AND rowid NOT IN (SELECT "ContactId" FROM "ContactSearchStale")
                    """);
            }
            var phrase = "\"" + lowered.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            return db.Database.SqlQuery<long>($"""
                SELECT rowid AS "Value" FROM "ContactSearch"
                WHERE "ContactSearch" MATCH {phrase} AND rowid NOT IN (SELECT "ContactId" FROM "ContactSearchStale")
                """);
        }
        return db.Database.SqlQuery<long>($"""
            SELECT s."ContactId" AS "Value" FROM "ContactSearch" s
            WHERE lower(s."Text") LIKE {LikePattern(lowered)}
              AND NOT EXISTS (SELECT 1 FROM "ContactSearchStale" t WHERE t."ContactId" = s."ContactId")
            """);
    }

    /// <summary>"Contains" as a LIKE pattern, with backslash escaping LIKE's wildcards (PostgreSQL's default escape).</summary>
    private static string LikePattern(string text) =>
        "%" + text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";

    /// <summary>The contacts whose search text is out of date: written since the last rebuild, or not yet rebuilt.</summary>
    public static IQueryable<long> Stale(RapportDbContext db) =>
        db.Database.SqlQueryRaw<long>("""SELECT "ContactId" AS "Value" FROM "ContactSearchStale" """);

    /// <summary>
    /// Rebuilds the search text of every stale contact, inside <paramref name="transaction"/> (or in one of its own when null).
    /// Cheap when nothing is stale: one look-up.
    /// </summary>
    public static async Task RefreshAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct = default)
    {
        if (!await AnyStaleAsync(connection, transaction, ct)) return;
        var own = transaction is null ? await connection.BeginTransactionAsync(ct) : null;
        try
        {
            var tx = transaction ?? own!;
            if (connection is NpgsqlConnection) await RefreshPostgresAsync(connection, tx, ct);
            else await ExecuteAsync(connection, tx, SqliteRefresh, null, ct);
            if (own is not null) await own.CommitAsync(ct);
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    private static async Task<bool> AnyStaleAsync(DbConnection connection, DbTransaction? tx, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """SELECT EXISTS (SELECT 1 FROM "ContactSearchStale")""";
        return Convert.ToBoolean(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    // SQLite has one writer at a time: inside the write transaction nothing else can mark or clear a contact meanwhile.
    private static readonly string SqliteRefresh = $"""
        DELETE FROM "ContactSearch" WHERE rowid IN (SELECT "ContactId" FROM "ContactSearchStale");
        INSERT INTO "ContactSearch" (rowid, "Text")
        SELECT c."Id", {Text("group_concat", "char(31)")} FROM "Contacts" c WHERE c."Id" IN (SELECT "ContactId" FROM "ContactSearchStale");
        DELETE FROM "ContactSearchStale";
        """;

    // Two statements: the first takes the stale rows no other transaction holds (one that holds a row is writing that contact
    // and rebuilds it itself before it commits); the second, with a snapshot taken after those locks, reads every change
    // committed to those contacts. Deleted contacts lose their text by the foreign key's cascade.
    private static async Task RefreshPostgresAsync(DbConnection connection, DbTransaction tx, CancellationToken ct)
    {
        var ids = new List<long>();
        await using (var take = connection.CreateCommand())
        {
            take.Transaction = tx;
            take.CommandText = """
                DELETE FROM "ContactSearchStale" WHERE "ContactId" IN (SELECT "ContactId" FROM "ContactSearchStale" ORDER BY "ContactId" FOR UPDATE SKIP LOCKED)
                RETURNING "ContactId"
                """;
            await using var reader = await take.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) ids.Add(reader.GetInt64(0));
        }
        if (ids.Count == 0) return;
        await ExecuteAsync(connection, tx, $"""
            INSERT INTO "ContactSearch" ("ContactId", "Text")
            SELECT c."Id", {Text("string_agg", "E'\\x1F'")} FROM "Contacts" c WHERE c."Id" = ANY(@ids)
            ON CONFLICT ("ContactId") DO UPDATE SET "Text" = EXCLUDED."Text"
            """, ids.ToArray(), ct);
    }

    /// <summary>A contact's search text: its own fields, its addresses and its interactions' distinct notes and insights, apart.</summary>
    private static string Text(string aggregate, string separator) => $"""
        concat_ws({separator}, c."DisplayName", c."Company", c."Title", c."Notes",
            (SELECT {aggregate}(e."Address", {separator}) FROM "ContactEmails" e WHERE e."ContactId" = c."Id"),
            (SELECT {aggregate}(x."Part", {separator}) FROM (
                SELECT i."Notes" AS "Part" FROM "InteractionParticipants" p JOIN "Interactions" i ON i."Id" = p."InteractionId"
                WHERE p."ContactId" = c."Id" AND i."DeletedAt" IS NULL AND i."Notes" IS NOT NULL
                UNION
                SELECT i."Insight" FROM "InteractionParticipants" p JOIN "Interactions" i ON i."Id" = p."InteractionId"
                WHERE p."ContactId" = c."Id" AND i."DeletedAt" IS NULL AND i."Insight" IS NOT NULL) x))
        """;

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction tx, string sql, long[]? ids, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.CommandTimeout = 600;
        if (ids is not null) ((NpgsqlCommand)cmd).Parameters.AddWithValue("ids", ids);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
