using System.Collections;
using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using SQLitePCL;
using Rapport.Domain.Accounts;

namespace Rapport.Data.Storage;

/// <summary>
/// Writes many new rows fast inside the context's current transaction, bypassing change tracking:
/// prepared inserts on SQLite, binary COPY on PostgreSQL. Tables, columns and conversions come from
/// the EF model, so it stays in step with the mapping. Keys are assigned here, and child collections
/// (a contact's emails, an interaction's participants) are written with their parent.
/// </summary>
/// <param name="db">The unit of work whose transaction the rows join.</param>
/// <param name="written">Told, every <see cref="ReportEvery"/> rows and at the end of each table, how many more rows were
/// written (all tables together), for progress.</param>
public sealed class BulkWriter(RapportDbContext db, Action<long>? written = null)
{
    /// <summary>How many rows go between two calls of the progress callback.</summary>
    public const int ReportEvery = 1000;

    private readonly Dictionary<IEntityType, long> _nextId = [];
    private readonly DbProvider _provider = db.Database.IsNpgsql() ? DbProvider.Postgres : DbProvider.Sqlite;

    /// <summary>Inserts the entities and, recursively, the entities in their collection navigations.</summary>
    public async Task InsertAsync<T>(IReadOnlyCollection<T> entities, CancellationToken ct = default) where T : class
    {
        if (entities.Count == 0) return;
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped");
        await InsertAsync(type, entities, ct);
    }

    /// <summary>How many rows <see cref="InsertAsync{T}"/> writes for these entities: theirs and those of their collections, recursively.</summary>
    public int CountRows<T>(IReadOnlyCollection<T> entities) where T : class
    {
        if (entities.Count == 0) return 0;
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped");
        return CountRows(type, entities);
    }

    private static int CountRows(IEntityType type, IEnumerable<object> rows)
    {
        var count = 0;
        var navigations = type.GetNavigations().Where(n => n.IsCollection && !n.IsOnDependent).ToArray();
        foreach (var row in rows)
        {
            count++;
            foreach (var nav in navigations)
            {
                if (nav.GetGetter().GetClrValue(row) is IEnumerable items) count += CountRows(nav.TargetEntityType, items.Cast<object>());
            }
        }
        return count;
    }

    private async Task InsertAsync(IEntityType type, IReadOnlyCollection<object> rows, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("BulkWriter needs an open transaction");
        var key = type.FindPrimaryKey()!;
        var generated = key.Properties.Count == 1 && key.Properties[0].ValueGenerated == ValueGenerated.OnAdd ? key.Properties[0] : null;
        if (generated is not null)
        {
            var next = await NextIdAsync(type, generated, ct);
            var setter = generated.PropertyInfo!;
            foreach (var row in rows)
            {
                if ((long)generated.GetGetter().GetClrValue(row)! == 0) setter.SetValue(row, next++);
            }
            _nextId[type] = next;
        }
        foreach (var row in rows)
        {
            if (row is IAccountOwned owned && owned.AccountId == 0) owned.AccountId = db.AccountId;
        }

        var columns = type.GetProperties().ToList();
        if (_provider == DbProvider.Sqlite) InsertSqlite(type, columns, rows, ct);
        else await CopyPostgresAsync(type, columns, rows, ct);

        foreach (var nav in type.GetNavigations().Where(n => n.IsCollection && !n.IsOnDependent))
        {
            var fk = nav.ForeignKey;
            var children = new List<object>();
            foreach (var parent in rows)
            {
                if (nav.GetGetter().GetClrValue(parent) is not IEnumerable items) continue;
                var parentKey = fk.PrincipalKey.Properties[0].GetGetter().GetClrValue(parent);
                foreach (var child in items)
                {
                    fk.Properties[0].PropertyInfo!.SetValue(child, parentKey);
                    children.Add(child);
                }
            }
            if (children.Count > 0) await InsertAsync(nav.TargetEntityType, children, ct);
        }
    }

    private async Task<long> NextIdAsync(IEntityType type, IProperty id, CancellationToken ct)
    {
        if (_nextId.TryGetValue(type, out var cached)) return cached;
        await using var cmd = Command($"SELECT COALESCE(MAX({Q(id.GetColumnName())}), 0) FROM {Q(type.GetTableName()!)}");
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) + 1;
    }

    private void InsertSqlite(IEntityType type, List<IProperty> columns, IReadOnlyCollection<object> rows, CancellationToken ct)
    {
        // A column that is null in every row is left out (it has no default, so it stays null): imported contacts leave
        // most of theirs empty, and every bound value costs time on every row.
        var kept = columns.Select(c => (Column: c, Read: Reader(c)))
            .Where(c => !c.Column.IsNullable || c.Column.GetDefaultValueSql() is not null || c.Column.GetDefaultValue() is not null || rows.Any(r => c.Read(r) is not null))
            .ToArray();
        var sql = $"INSERT INTO {Q(type.GetTableName()!)} ({string.Join(", ", kept.Select(c => Q(c.Column.GetColumnName())))}) VALUES ({string.Join(", ", kept.Select(_ => "?"))})";

        // One statement prepared on the connection, its values bound by position and stored as Microsoft.Data.Sqlite
        // stores them: the per-row work of a command (binding by name, a data reader per execution) is half the time.
        var handle = ((SqliteConnection)db.Database.GetDbConnection()).Handle!;
        Check(handle, raw.sqlite3_prepare_v2(handle, sql, out var statement));
        using (statement)
        {
            var pending = 0;
            foreach (var row in rows)
            {
                ct.ThrowIfCancellationRequested();
                for (var i = 0; i < kept.Length; i++) Check(handle, BindSqlite(statement, i + 1, kept[i].Read(row), kept[i].Column));
                var rc = raw.sqlite3_step(statement);
                raw.sqlite3_reset(statement);
                if (rc != raw.SQLITE_DONE) Check(handle, rc);
                if (++pending == ReportEvery) pending = Report(pending);
            }
            Report(pending);
        }
    }

    private int Report(int rows)
    {
        if (rows > 0) written?.Invoke(rows);
        return 0;
    }

    /// <summary>Binds a provider value the way Microsoft.Data.Sqlite does, so that EF reads back what it would have written.</summary>
    private static int BindSqlite(sqlite3_stmt statement, int index, object? value, IProperty column) => value switch
    {
        null => raw.sqlite3_bind_null(statement, index),
        string s => raw.sqlite3_bind_text(statement, index, s),
        long l => raw.sqlite3_bind_int64(statement, index, l),
        int i => raw.sqlite3_bind_int64(statement, index, i),
        short h => raw.sqlite3_bind_int64(statement, index, h),
        byte b => raw.sqlite3_bind_int64(statement, index, b),
        bool b => raw.sqlite3_bind_int64(statement, index, b ? 1 : 0),
        double d when double.IsNaN(d) => throw new InvalidOperationException($"{column.DeclaringType.DisplayName()}.{column.Name}: SQLite cannot store NaN"),
        double d => raw.sqlite3_bind_double(statement, index, d),
        float f => raw.sqlite3_bind_double(statement, index, f),
        decimal m => raw.sqlite3_bind_text(statement, index, m.ToString("0.0###########################", CultureInfo.InvariantCulture)),
        DateTime t => raw.sqlite3_bind_text(statement, index, t.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)),
        DateTimeOffset t => raw.sqlite3_bind_text(statement, index, t.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)),
        DateOnly d => raw.sqlite3_bind_text(statement, index, d.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture)),
        TimeSpan t => raw.sqlite3_bind_text(statement, index, t.ToString("c", CultureInfo.InvariantCulture)),
        Guid g => raw.sqlite3_bind_text(statement, index, g.ToString().ToUpperInvariant()),
        char c => raw.sqlite3_bind_text(statement, index, c.ToString()),
        byte[] blob => raw.sqlite3_bind_blob(statement, index, blob),
        _ => throw new NotSupportedException($"BulkWriter does not bind {value.GetType().Name} ({column.DeclaringType.DisplayName()}.{column.Name}) for SQLite: add it here as Microsoft.Data.Sqlite binds it"),
    };

    private static void Check(sqlite3 handle, int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
            throw new SqliteException(raw.sqlite3_errmsg(handle).utf8_to_string(), rc, raw.sqlite3_extended_errcode(handle));
    }

    private async Task CopyPostgresAsync(IEntityType type, List<IProperty> columns, IReadOnlyCollection<object> rows, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var getters = columns.Select(Reader).ToArray();
        var types = columns.Select(c => c.GetColumnType()).ToArray();
        var copy = $"COPY {Q(type.GetTableName()!)} ({string.Join(", ", columns.Select(c => Q(c.GetColumnName())))}) FROM STDIN (FORMAT BINARY)";
        await using (var writer = await connection.BeginBinaryImportAsync(copy, ct))
        {
            var pending = 0;
            foreach (var row in rows)
            {
                await writer.StartRowAsync(ct);
                for (var i = 0; i < getters.Length; i++)
                {
                    var value = getters[i](row);
                    if (value is null) await writer.WriteNullAsync(ct);
                    else await writer.WriteAsync(value, types[i], ct);
                }
                if (++pending == ReportEvery) pending = Report(pending);
            }
            await writer.CompleteAsync(ct);
            Report(pending);
        }
        var key = type.FindPrimaryKey()!;
        if (key.Properties.Count == 1 && key.Properties[0].ValueGenerated == ValueGenerated.OnAdd)
        {
            var table = Q(type.GetTableName()!);
            var col = Q(key.Properties[0].GetColumnName());
            await using var cmd = Command($"SELECT setval(pg_get_serial_sequence('{table}', '{key.Properties[0].GetColumnName()}'), (SELECT MAX({col}) FROM {table}))");
            await cmd.ExecuteScalarAsync(ct);
        }
    }

    private static Func<object, object?> Reader(IProperty p)
    {
        var getter = p.GetGetter();
        var converter = p.GetValueConverter() ?? p.GetTypeMapping().Converter;
        return converter is null
            ? row => getter.GetClrValue(row)
            : row => getter.GetClrValue(row) is { } v ? converter.ConvertToProvider(v) : null;
    }

    private DbCommand Command(string sql)
    {
        var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        cmd.CommandText = sql;
        cmd.CommandTimeout = 600;
        return cmd;
    }

    private static string Q(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
