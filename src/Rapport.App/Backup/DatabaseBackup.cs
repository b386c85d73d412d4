using Microsoft.Data.Sqlite;
using Rapport.App.Common;
using Rapport.Data.Storage;

namespace Rapport.App.Backup;

/// <summary>What a backup wrote.</summary>
public sealed record BackupResult(string File, string Kind, long Bytes);

/// <summary>
/// Backs up and restores a whole database. A <c>.json</c> file is the account's JSON export, which moves between SQLite
/// and PostgreSQL; any other name on SQLite is a copy made with SQLite's online backup, safe while the database is in
/// use. A restore reads either kind into an empty database and brings it to the current schema.
/// </summary>
public static class DatabaseBackup
{
    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();

    public static async Task<BackupResult> BackupAsync(RapportStore store, string file, CancellationToken ct = default)
    {
        if (store.Target.FilePath is { } source && Path.GetFullPath(source) == Path.GetFullPath(file)) throw new InputException("file", "file: that is the database itself");
        var full = OutputFile.Check("file", file, overwrite: false);
        if (IsJson(file))
        {
            var temp = full + ".partial";
            await using (var output = File.Create(temp))
            await using (var db = store.Open())
                await AccountJson.ExportAsync(db, output, ct);
            File.Move(temp, full, overwrite: true);
            return new BackupResult(full, "json", new FileInfo(full).Length);
        }
        if (store.Target.Provider != DbProvider.Sqlite)
            throw new InputException("file", $"file: a PostgreSQL database is backed up as JSON: name the file {Path.GetFileNameWithoutExtension(file)}.json (or use pg_dump)");
        var partial = full + ".partial";
        File.Delete(partial);
        await using (var from = new SqliteConnection(store.Target.ConnectionString))
        await using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ConnectionString))
        {
            await from.OpenAsync(ct);
            await to.OpenAsync(ct);
            from.BackupDatabase(to);
        }
        File.Move(partial, full, overwrite: true);
        return new BackupResult(full, "sqlite", new FileInfo(full).Length);
    }

    /// <summary>Restores a backup (SQLite file or JSON export) into an empty database at <paramref name="target"/>.</summary>
    /// <remarks>What the insights start from is kept as the restore ends, so the first page or command after it reads no table.</remarks>
    public static async Task<RestoreResult> RestoreAsync(DbTarget target, string file, TimeProvider clock, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(clock);
        if (!File.Exists(file)) throw new InputException("file", $"file: {file} does not exist");
        await MigrationRunner.MigrateAsync(target, clock, ct: ct);
        var store = new RapportStore(target);
        var result = await RestoreTablesAsync(store, target, file, clock, ct);
        await using (var db = store.Open()) await Insights.InsightsNetwork.PrepareInputsAsync(db, clock.GetUtcNow().UtcDateTime, ct);
        return result;
    }

    private static async Task<RestoreResult> RestoreTablesAsync(RapportStore store, DbTarget target, string file, TimeProvider clock, CancellationToken ct)
    {
        if (!IsSqliteFile(file))
        {
            await using var input = File.OpenRead(file);
            await using var db = store.Open();
            return await AccountJson.RestoreAsync(db, input, ct);
        }

        // A SQLite backup: bring a copy to the current schema, then copy it in whole (SQLite) or through JSON (PostgreSQL).
        var dir = Directory.CreateTempSubdirectory("rapport-restore-");
        try
        {
            var copy = Path.Combine(dir.FullName, "backup.db");
            File.Copy(file, copy);
            var source = DbTarget.Sqlite(copy);
            await MigrationRunner.MigrateAsync(source, clock, ct: ct);
            await using (var db = store.Open()) await AccountJson.EnsureEmptyAsync(db, ct);
            if (target.Provider == DbProvider.Sqlite)
            {
                await using (var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ConnectionString))
                await using (var to = new SqliteConnection(target.ConnectionString))
                {
                    await from.OpenAsync(ct);
                    await to.OpenAsync(ct);
                    from.BackupDatabase(to);
                }
                SqliteConnection.ClearAllPools();
                await using var db = store.Open();
                var tables = AccountJson.Tables(db.Model).Count;
                return new RestoreResult(tables, await AccountJson.CountRowsAsync(db, ct));
            }
            using var json = new MemoryStream();
            await using (var db = new RapportStore(source).Open()) await AccountJson.ExportAsync(db, json, ct);
            json.Position = 0;
            await using (var db = store.Open()) return await AccountJson.RestoreAsync(db, json, ct);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { dir.Delete(recursive: true); }
            catch (IOException) { }
        }
    }

    private static bool IsJson(string file) => file.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    private static bool IsSqliteFile(string file)
    {
        using var f = File.OpenRead(file);
        Span<byte> head = stackalloc byte[16];
        return f.ReadAtLeast(head, 16, throwOnEndOfStream: false) == 16 && head.SequenceEqual(SqliteHeader);
    }
}
