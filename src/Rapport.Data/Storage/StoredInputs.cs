using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Rapport.Data.Storage;

/// <summary>
/// One stored value per account holding what a load derived from the tables (the insights keep their network's inputs
/// here), good for as long as nothing it was derived from has changed since (migration 0006).
/// </summary>
/// <remarks>
/// <para>Triggers on every table the value is derived from note the rows written since (<see cref="WrittenTable"/>), so
/// that a reader can bring the value up to date from just those rows.</para>
/// <para>SQLite (migrations 0007 to 0009): the triggers note while the account has a mark, and count the write on it; the
/// mark goes past 2000 writes. A value is read only while the mark that was set before its load is still there, with the
/// notes. To save: <see cref="BeginAsync"/> sets a new mark and returns its token, the caller reads the tables, then
/// <see cref="SaveAsync"/> stores the value only if that mark survived and counted no write. A value brought up to date
/// is stored again (<see cref="KeepAgain{T}"/>) only if the mark counted no write after it was read, and its notes go. SQLite lets one writer at a
/// time, so each write either committed before the mark was set (and the reads after it see the write) or deleted or
/// counted on the mark.</para>
/// <para>PostgreSQL (migrations 0006 and 0010) runs writers side by side, so a mark could miss a write still in progress.
/// There every write notes its rows with the id of its transaction, the token carries the snapshot the load began with,
/// and a value is saved only while no note of its account is missing from that snapshot; the notes missing from it later
/// are the rows to patch from, read with the value in one snapshot (see the migration).</para>
/// </remarks>
public static class StoredInputs
{
    /// <summary>How long saving waits for another writer before giving up (the value is an optimization, never worth a wait).</summary>
    private const int WaitSeconds = 1;

    /// <summary>
    /// Hands the account's stored value for <paramref name="key"/>, if it is still good, to <paramref name="use"/> with the
    /// rows written since it was saved (see <see cref="KeptValue"/>), and returns what that gives; null when there is no
    /// good value.
    /// </summary>
    /// <remarks>
    /// The value, the notes and whatever <paramref name="use"/> reads through <see cref="AccountRows"/> are read in one
    /// snapshot (SQLite: a read transaction; PostgreSQL: a REPEATABLE READ transaction), so the rows it re-reads are those
    /// the notes speak of and no later write's; on SQLite <paramref name="use"/> must not query through EF Core meanwhile.
    /// Inside a caller's transaction on PostgreSQL, a value is used only when nothing was written since.
    /// <para>With <paramref name="again"/>, the read notes whether the value it handed over, once brought up to date, is
    /// due to be stored again (<see cref="KeepAgain.Due"/>: from at least <see cref="KeepAgain.FromWrites"/> rows written),
    /// and what <see cref="KeepAgainAsync"/> needs to store it as of this read.</para>
    /// </remarks>
    public static async Task<T?> ReadAsync<T>(RapportDbContext db, string key, Func<KeptValue, Task<T?>> use, CancellationToken ct, KeepAgain? again = null) where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(use);
        if (!db.Database.IsSqlite()) return await ReadPostgresAsync(db, key, use, again, ct);

        T? result;
        var (token, marked) = ("", 0L);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // Inside a caller's transaction its reads are already one; else a deferred one, which takes no write lock.
            using var read = db.Database.CurrentTransaction is null ? ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true) : null;
            var data = await ReadValueAsync(db, """
                SELECT i."Data", m."Token", m."Writes" FROM "InsightsInputs" i JOIN "InsightsInputsMarks" m ON m."AccountId" = i."AccountId" AND m."Token" = i."Token"
                WHERE i."AccountId" = @account AND i."Key" = @key
                """, key, r => (token, marked) = (r.GetString(1), r.GetInt64(2)), ct);
            if (data is null) return null;
            var writes = new List<RowWrite>();
            await AccountRows.ScanAsync(db, """SELECT "Tab", "Key" FROM "InsightsInputsChanges" WHERE "AccountId" = @account ORDER BY "Tab", "Key" """,
                r => writes.Add(new RowWrite((WrittenTable)r.GetInt64(0), r.GetInt64(1))), ct);
            result = await use(new KeptValue(data, writes));
            read?.Commit();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        if (result is not null && again is not null && marked >= again.FromWrites && db.Database.CurrentTransaction is null)
            again.Read = new KeepAgain.AsRead(token, marked, "", "");
        return result;
    }

    /// <summary>
    /// Stores <paramref name="data"/>, the value a read marked due (<see cref="KeepAgain.Due"/>) brought up to date, in
    /// place of the one read, with no rows written since: on SQLite only when no write came after the read (the mark's
    /// count of writes, which every row written raises, is still the one read), and its notes go; on PostgreSQL as of the
    /// read's snapshot, which the notes of later writes are missing from. Skipped, never waited for, when another writer
    /// holds the way, or when a load began or the value went meanwhile. Any connection of the account will do.
    /// </summary>
    public static async Task<bool> KeepAgainAsync(RapportDbContext db, string key, KeepAgain again, byte[] data, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(again);
        ArgumentNullException.ThrowIfNull(data);
        if (again.Read is not { } read || db.Database.CurrentTransaction is not null) return false;
        var saved = again.SavedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        if (db.Database.IsSqlite())
        {
            again.Stored = await WriteAsync(db, """
                UPDATE "InsightsInputs" SET "Data" = @data, "SavedAt" = @savedAt WHERE "AccountId" = @account AND "Token" = @token AND "Key" = @key
                    AND EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = @account AND "Token" = @token AND "Writes" = @writes);
                DELETE FROM "InsightsInputsChanges" WHERE "AccountId" = @account
                    AND EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = @account AND "Token" = @token AND "Writes" = @writes);
                UPDATE "InsightsInputsMarks" SET "Writes" = 0 WHERE "AccountId" = @account AND "Token" = @token AND "Writes" = @writes;
                """, [("@account", db.AccountId), ("@token", read.Token), ("@key", key), ("@writes", read.Writes), ("@savedAt", saved), ("@data", data)], ct) > 0;
            return again.Stored;
        }
        // The token takes the read's snapshot: a tidy drops the notes it sees (all in the value), and a later load patches
        // from those it misses. A load that registered since, or a tidy that dropped the value, changed the token.
        again.Stored = await OnPostgresAsync(db, [("@account", db.AccountId), ("@token", read.Token), ("@key", key), ("@savedAt", saved), ("@data", data),
            ("@snapshot", read.Snapshot), ("@serverStart", read.ServerStart)], ct, async cmd =>
        {
            cmd.CommandText = """
                UPDATE "InsightsInputs" SET "Data" = @data, "SavedAt" = @savedAt, "Token" = split_part("Token", ' ', 1) || ' ' || @snapshot || ' ' || @serverStart
                WHERE "AccountId" = @account AND "Key" = @key AND "Token" = @token
                """;
            return await cmd.ExecuteNonQueryAsync(ct) == 1;
        });
        return again.Stored;
    }

    // PostgreSQL: the value, the notes its snapshot misses and whatever use reads, in one REPEATABLE READ snapshot, so that
    // the rows re-read are as the notes read say. Inside a caller's transaction (whose snapshot may move between statements)
    // the value is used only with nothing written since.
    private static async Task<T?> ReadPostgresAsync<T>(RapportDbContext db, string key, Func<KeptValue, Task<T?>> use, KeepAgain? again, CancellationToken ct) where T : class
    {
        if (db.Database.CurrentTransaction is not null)
        {
            var data = await ReadValueAsync(db, $"""
                SELECT i."Data" FROM "InsightsInputs" i
                WHERE i."AccountId" = @account AND i."Key" = @key AND i."Data" IS NOT NULL AND {NothingWrittenSince("i")}
                """, key, null, ct);
            return data is null ? null : await use(new KeptValue(data, []));
        }

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var read = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
            var (token, snapshot, serverStart) = ("", "", "");
            // The first statement: its snapshot is the transaction's.
            var data = await ReadValueAsync(db, $"""
                SELECT i."Data", i."Token", pg_current_snapshot()::text, {ServerStart} FROM "InsightsInputs" i
                WHERE i."AccountId" = @account AND i."Key" = @key AND i."Data" IS NOT NULL AND split_part(i."Token", ' ', 3) = {ServerStart}
                """, key, r => (token, snapshot, serverStart) = (r.GetString(1), r.GetString(2), r.GetString(3)), ct);
            if (data is null) return null;
            var writes = new List<RowWrite>();
            await AccountRows.ScanAsync(db, $"""
                SELECT DISTINCT w."Tab", w."Key" FROM "InsightsInputsChanges" w JOIN "InsightsInputs" i ON i."AccountId" = w."AccountId"
                WHERE w."AccountId" = @account AND NOT pg_visible_in_snapshot(w."Xid", {SnapshotOf("i")})
                ORDER BY w."Tab", w."Key" LIMIT {MaxWrites + 1}
                """, r => writes.Add(new RowWrite((WrittenTable)r.GetInt64(0), r.GetInt64(1))), ct);
            if (writes.Count > MaxWrites) return null;
            var result = await use(new KeptValue(data, writes));
            // Committed underneath EF Core: its commit would first rebuild the search texts of contacts written elsewhere,
            // from this old snapshot, and fail (40001) where another transaction has written them since.
            await read.GetDbTransaction().CommitAsync(ct);
            if (result is not null && again is not null && writes.Count >= again.FromWrites) again.Read = new KeepAgain.AsRead(token, 0, snapshot, serverStart);
            return result;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>How many rows written since a value was kept a load patches it from, at most (PostgreSQL; SQLite counts writes, migration 0007).</summary>
    private const int MaxWrites = 2000;

    // The value in the first column of sql's row, and the rest of the row to beside.
    private static async Task<byte[]?> ReadValueAsync(RapportDbContext db, string sql, string key, DbRowAction? beside, CancellationToken ct)
    {
        byte[]? data = null;
        try
        {
            await AccountRows.ScanAsync(db, sql, new Dictionary<string, object> { ["@key"] = key }, r =>
            {
                data = r.GetBytes(0);
                beside?.Invoke(r);
            }, ct);
        }
        catch (DbException)
        {
            // Unreadable here (a role not granted the table, say): the tables are read instead, as they always can be.
            return null;
        }
        return data;
    }

    /// <summary>
    /// Sets a new mark for the account before a load that may be saved, and returns its token; null when no value can be
    /// saved now (inside a transaction, whose uncommitted writes the value must not hold; or another writer holds the database).
    /// </summary>
    public static async Task<string?> BeginAsync(RapportDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is not null) return null;
        var mark = Guid.NewGuid().ToString("N");
        if (db.Database.IsSqlite())
        {
            // The value there no longer holds (else it would have been read): it goes now, so that the new one takes its
            // pages instead of growing the file.
            var changed = await WriteAsync(db, """
                DELETE FROM "InsightsInputs" WHERE "AccountId" = @account;
                DELETE FROM "InsightsInputsChanges" WHERE "AccountId" = @account;
                INSERT INTO "InsightsInputsMarks" ("AccountId", "Token", "Writes") VALUES (@account, @token, 0)
                ON CONFLICT ("AccountId") DO UPDATE SET "Token" = excluded."Token", "Writes" = 0;
                """, [("@account", db.AccountId), ("@token", mark)], ct);
            return changed is null ? null : mark;
        }
        // PostgreSQL: the account's row is registered first, then the snapshot the load starts from is taken in a transaction
        // of its own, later than any tidy that does not see the row yet (see migration 0010). The row holds no value until saved.
        var registered = await ScalarAsync(db, """
            INSERT INTO "InsightsInputs" ("AccountId", "Token", "Key", "SavedAt", "Data") VALUES (@account, @mark, '', '', NULL)
            ON CONFLICT ("AccountId") DO UPDATE SET "Token" = excluded."Token", "Key" = '', "SavedAt" = '', "Data" = NULL
            RETURNING "Token"
            """, [("@account", db.AccountId), ("@mark", mark)], ct);
        if (registered is null) return null;
        var token = await ScalarAsync(db, $"""
            UPDATE "InsightsInputs" SET "Token" = @mark || ' ' || pg_current_snapshot()::text || ' ' || {ServerStart}
            WHERE "AccountId" = @account AND "Token" = @mark
            RETURNING "Token"
            """, [("@account", db.AccountId), ("@mark", mark)], ct);
        return token as string;
    }

    /// <summary>
    /// Stores <paramref name="data"/> as the account's value for <paramref name="key"/> when nothing it was derived from
    /// changed since <see cref="BeginAsync"/> gave <paramref name="token"/> (and no later load of the account began); true if stored.
    /// </summary>
    public static async Task<bool> SaveAsync(RapportDbContext db, string token, string key, byte[] data, DateTime savedAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(data);
        if (db.Database.CurrentTransaction is not null) return false;
        var saved = savedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        (string, object)[] parameters = [("@account", db.AccountId), ("@token", token), ("@key", key), ("@savedAt", saved), ("@data", data)];
        if (db.Database.IsSqlite())
        {
            return await WriteAsync(db, """
                INSERT INTO "InsightsInputs" ("AccountId", "Token", "Key", "SavedAt", "Data")
                SELECT @account, @token, @key, @savedAt, @data WHERE EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = @account AND "Token" = @token AND "Writes" = 0)
                ON CONFLICT ("AccountId") DO UPDATE SET "Token" = excluded."Token", "Key" = excluded."Key", "SavedAt" = excluded."SavedAt", "Data" = excluded."Data"
                """, parameters, ct) is > 0;
        }
        // Then the same tidying as after a write (see the migration).
        return await OnPostgresAsync(db, parameters, ct, async cmd =>
        {
            cmd.CommandText = $"""
                UPDATE "InsightsInputs" i SET "Key" = @key, "SavedAt" = @savedAt, "Data" = @data
                WHERE i."AccountId" = @account AND i."Token" = @token AND {NothingWrittenSince("i")}
                """;
            var stored = await cmd.ExecuteNonQueryAsync(ct) > 0;
            cmd.Parameters.Clear();
            cmd.CommandText = """SELECT "InsightsInputs_Tidy"()""";
            await cmd.ExecuteNonQueryAsync(ct);
            return stored;
        });
    }

    /// <summary>
    /// PostgreSQL: the value's snapshot was taken by this server since it started, and no row of its account written to a
    /// table the value comes from is missing from it.
    /// </summary>
    private static string NothingWrittenSince(string row) =>
        $"""split_part({row}."Token", ' ', 3) = {ServerStart} AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" w WHERE w."AccountId" = {row}."AccountId" AND NOT pg_visible_in_snapshot(w."Xid", {SnapshotOf(row)}))""";

    /// <summary>When the server started, as text that does not depend on the session's time zone.</summary>
    private const string ServerStart = "extract(epoch FROM pg_postmaster_start_time())::text";

    private static string SnapshotOf(string row) => $"""split_part({row}."Token", ' ', 2)::pg_snapshot""";

    // SQLite: one statement in a transaction of its own that waits at most WaitSeconds for another writer (the connection's
    // own busy timeout is set aside meanwhile, as it would wait longer). A busy database, or one that cannot be written
    // (read-only, full), means no saving this time, never an error for the command that only wanted to read. The rows
    // changed, or null when nothing could be written.
    private static async Task<int?> WriteAsync(RapportDbContext db, string sql, (string Name, object Value)[] parameters, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var timeout = connection.DefaultTimeout;
        long? busyTimeout = null;
        try
        {
            busyTimeout = (long?)await PragmaAsync(connection, "PRAGMA busy_timeout;", ct);
            await PragmaAsync(connection, "PRAGMA busy_timeout = 0;", ct);
            connection.DefaultTimeout = WaitSeconds;
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            await using var cmd = connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandTimeout = WaitSeconds;
            cmd.CommandText = sql;
            foreach (var (name, value) in parameters) Add(cmd, name, value);
            var changed = await cmd.ExecuteNonQueryAsync(ct);
            await tx.CommitAsync(ct);
            return changed;
        }
        catch (SqliteException)
        {
            return null;
        }
        finally
        {
            connection.DefaultTimeout = timeout;
            if (busyTimeout is { } ms) await PragmaAsync(connection, $"PRAGMA busy_timeout = {ms};", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<object?> PragmaAsync(SqliteConnection connection, string pragma, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = pragma;
        return await cmd.ExecuteScalarAsync(ct);
    }

    private static async Task<object?> ScalarAsync(RapportDbContext db, string sql, (string Name, object Value)[] parameters, CancellationToken ct) =>
        await OnPostgresAsync<object?>(db, parameters, ct, async cmd =>
        {
            cmd.CommandText = sql;
            return await cmd.ExecuteScalarAsync(ct);
        });

    // PostgreSQL: one READ COMMITTED transaction of its own (whatever the server's default: the snapshot registered is the
    // statement's, and the tidying runs only there) that waits at most WaitSeconds for a lock (lock_timeout), then gives up.
    private static async Task<T?> OnPostgresAsync<T>(RapportDbContext db, (string Name, object Value)[] parameters, CancellationToken ct, Func<DbCommand, Task<T>> run)
    {
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        try
        {
            await using var tx = await connection.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, ct);
            await using (var limit = connection.CreateCommand())
            {
                limit.Transaction = tx;
                limit.CommandText = $"SET LOCAL lock_timeout = '{WaitSeconds}s'";
                await limit.ExecuteNonQueryAsync(ct);
            }
            await using var cmd = connection.CreateCommand();
            cmd.Transaction = tx;
            foreach (var (name, value) in parameters) Add(cmd, name, value);
            var result = await run(cmd);
            await tx.CommitAsync(ct);
            return result;
        }
        catch (DbException)
        {
            // A lock held longer than lock_timeout, a read-only server or a role that may not write these tables: nothing kept.
            return default;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void Add(DbCommand cmd, string name, object value)
    {
        var parameter = cmd.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        cmd.Parameters.Add(parameter);
    }
}

/// <summary>A stored value, and the rows written since it was saved that the reader may bring it up to date from.</summary>
public sealed record KeptValue(byte[] Data, IReadOnlyList<RowWrite> Writes);

/// <summary>
/// Whether a value brought up to date by a read (<see cref="StoredInputs.ReadAsync{T}"/>) is to be stored again: once it
/// was brought up to date from at least <paramref name="FromWrites"/> rows written (<see cref="StoredInputs.KeepAgainAsync"/>).
/// </summary>
public sealed record KeepAgain(int FromWrites, DateTime SavedAt)
{
    /// <summary>What the read saw that storing again checks: the mark and its count of writes (SQLite), the token, snapshot and server start (PostgreSQL).</summary>
    internal sealed record AsRead(string Token, long Writes, string Snapshot, string ServerStart);

    internal AsRead? Read { get; set; }

    /// <summary>Whether the read found the value due to be stored again.</summary>
    public bool Due => Read is not null;

    /// <summary>Whether it was stored again.</summary>
    public bool Stored { get; internal set; }
}

/// <summary>A row written since a value was saved: its table, and the contact, interaction or entry the row belongs to.</summary>
public readonly record struct RowWrite(WrittenTable Table, long Key);

/// <summary>The tables whose writes are noted row by row (migrations 0007 to 0009), by the numbers the notes use.</summary>
public enum WrittenTable
{
    /// <summary>Key: the contact.</summary>
    Contacts = 1,

    /// <summary>Key: the contact the category is of.</summary>
    ContactCategories = 2,

    /// <summary>Key: the interaction.</summary>
    Interactions = 3,

    /// <summary>Key: the interaction the participant took part in.</summary>
    InteractionParticipants = 4,

    /// <summary>Key: the contact the aggregates are of.</summary>
    ContactStats = 5,

    /// <summary>Key: the ledger entry.</summary>
    Exchanges = 6,

    /// <summary>Key: the organization.</summary>
    Organizations = 7,

    /// <summary>Key: the organization the membership is at.</summary>
    Memberships = 8,

    /// <summary>Key: the event.</summary>
    Events = 9,

    /// <summary>Key: the event attended.</summary>
    Attendances = 10,

    /// <summary>Key: a contact of the link, before or after the write (migration 0008).</summary>
    ContactLinks = 11,

    /// <summary>Key: the introducer or a person introduced, before or after the write (migration 0008).</summary>
    Introductions = 12,

    /// <summary>Key: the contact of a participant row, before or after the write (migration 0009; table 4 notes its interaction).</summary>
    ParticipantContacts = 13,
}
