using System.Data.Common;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Npgsql;
using Rapport.Domain.Accounts;

namespace Rapport.Data.Storage;

/// <summary>One versioned schema change: a SQL script per provider, embedded in this assembly.</summary>
public sealed record Migration(int Version, string Name, string Sql);

/// <summary>What a migration run did.</summary>
public sealed record MigrationResult(IReadOnlyList<Migration> Applied, string? BackupPath);

/// <summary>
/// Brings a database to the latest schema at start-up: applies the embedded scripts newer than the
/// recorded version, each in its own transaction, after copying a SQLite file that already holds data.
/// </summary>
public static class MigrationRunner
{
    private const string HistoryTable = "__rapport_migrations";

    /// <summary>The migrations shipped for a provider, in order.</summary>
    public static IReadOnlyList<Migration> Available(DbProvider provider)
    {
        var folder = provider == DbProvider.Sqlite ? "Sqlite" : "Postgres";
        var prefix = $"Rapport.Migrations.{folder}/";
        var asm = typeof(MigrationRunner).Assembly;
        return asm.GetManifestResourceNames()
            .Select(n => n.Replace('\\', '/'))
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Select(n =>
            {
                var file = n[prefix.Length..];
                var version = int.Parse(file.AsSpan(0, file.IndexOf('_')), System.Globalization.CultureInfo.InvariantCulture);
                using var stream = asm.GetManifestResourceStream(n) ?? asm.GetManifestResourceStream(n.Replace('/', '\\'))!;
                using var reader = new StreamReader(stream);
                return new Migration(version, Path.GetFileNameWithoutExtension(file), reader.ReadToEnd());
            })
            .OrderBy(m => m.Version)
            .ToList();
    }

    /// <summary>Applies every pending migration (up to <paramref name="upTo"/>, for tests) and makes sure the default account exists.</summary>
    public static Task<MigrationResult> MigrateAsync(DbTarget target, TimeProvider clock, int? upTo = null, CancellationToken ct = default) =>
        MigrateAsync(target, clock, Available(target.Provider).Where(m => upTo is null || m.Version <= upTo).ToList(), ct);

    /// <summary>Applies the given migrations that are newer than the database (tests pass their own list).</summary>
    public static async Task<MigrationResult> MigrateAsync(DbTarget target, TimeProvider clock, IReadOnlyList<Migration> migrations, CancellationToken ct = default)
    {
        if (target.FilePath is { } file) Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await using var connection = OpenConnection(target);
        await connection.OpenAsync(ct);
        if (target.Provider == DbProvider.Sqlite) await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL;", ct);

        await ExecuteAsync(connection, null,
            $"CREATE TABLE IF NOT EXISTS {HistoryTable} (version INTEGER NOT NULL PRIMARY KEY, name VARCHAR(200) NOT NULL, applied_at VARCHAR(40) NOT NULL);", ct);
        var current = Convert.ToInt32(await ScalarAsync(connection, $"SELECT COALESCE(MAX(version), 0) FROM {HistoryTable};", ct), System.Globalization.CultureInfo.InvariantCulture);
        var pending = migrations.Where(m => m.Version > current).OrderBy(m => m.Version).ToList();

        string? backup = null;
        if (pending.Count > 0 && current > 0 && target.FilePath is { } path)
        {
            backup = $"{path}.before-v{pending[0].Version:D4}-{clock.GetUtcNow():yyyyMMddHHmmss}.bak";
            await using var copy = OpenSqliteFile(backup);
            ((SqliteConnection)connection).BackupDatabase(copy);
        }

        foreach (var m in pending)
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            await ExecuteAsync(connection, tx, m.Sql, ct);
            await using (var cmd = connection.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = $"INSERT INTO {HistoryTable} (version, name, applied_at) VALUES (@v, @n, @a);";
                AddParameter(cmd, "@v", m.Version);
                AddParameter(cmd, "@n", m.Name);
                AddParameter(cmd, "@a", clock.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                await cmd.ExecuteNonQueryAsync(ct);
            }
            await tx.CommitAsync(ct);
        }

        // A migration that changes what contact search reads marks every contact; their texts are built here, once. A start
        // that applies nothing pays nothing: contacts marked since are rebuilt at the next commit, and searched exactly till then.
        if (pending.Count > 0 && pending[^1].Version >= Search.ContactSearchIndex.SinceVersion) await Search.ContactSearchIndex.RefreshAsync(connection, null, ct);

        // SQLite plans joins from table statistics; without them it prefers the AccountId indexes, which match every row.
        // 0x10002 analyzes every table whose statistics are missing or stale, and is cheap when they are current.
        if (target.Provider == DbProvider.Sqlite) await ExecuteAsync(connection, null, "PRAGMA optimize = 0x10002;", ct);

        await EnsureDefaultAccountAsync(connection, clock, ct);
        return new MigrationResult(pending, backup);
    }

    /// <summary>The schema version a database is at (0 when empty).</summary>
    public static async Task<int> CurrentVersionAsync(DbTarget target, CancellationToken ct = default)
    {
        await using var connection = OpenConnection(target);
        await connection.OpenAsync(ct);
        try
        {
            return Convert.ToInt32(await ScalarAsync(connection, $"SELECT COALESCE(MAX(version), 0) FROM {HistoryTable};", ct), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (DbException)
        {
            return 0;
        }
    }

    // Plain SQL rather than EF Core, so that migrating does not wait for the model to be built (RapportStore.WarmUp builds it
    // meanwhile). The id is left to the database, as EF Core would: a fresh table gives 1, and its sequence moves on. On
    // PostgreSQL two programs starting at once on an empty database could both find no account under read committed and
    // insert two: a transaction-scoped advisory lock makes the second wait and then find the first one's row.
    private static async Task EnsureDefaultAccountAsync(DbConnection connection, TimeProvider clock, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (connection is NpgsqlConnection) await ExecuteAsync(connection, tx, $"SELECT pg_advisory_xact_lock({AccountLockSpace}, 0);", ct);
        await using (var cmd = connection.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = $"""INSERT INTO "Accounts" ("Name", "CreatedAt") SELECT @name, @at WHERE NOT EXISTS (SELECT 1 FROM "Accounts" WHERE "Id" = {Account.DefaultId});""";
            AddParameter(cmd, "@name", "Me");
            AddParameter(cmd, "@at", clock.GetUtcNow().UtcDateTime);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
    }

    // "RAPP": the advisory lock space around creating accounts (the aggregates' lock uses "RAPS").
    private const int AccountLockSpace = 0x52415050;

    internal static DbConnection OpenConnection(DbTarget target) => target.Provider == DbProvider.Sqlite
        ? new SqliteConnection(target.ConnectionString)
        : new NpgsqlConnection(target.ConnectionString);

    private static SqliteConnection OpenSqliteFile(string path)
    {
        var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString);
        c.Open();
        return c;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.CommandTimeout = 600;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return await cmd.ExecuteScalarAsync(ct);
    }

    private static void AddParameter(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
