using System.Collections;
using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
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
/// <param name="written">Told, after about every <see cref="ReportEvery"/> rows (at the end of the block of rows that reaches
/// them) and at the end of each table, how many more rows were written (all tables together), for progress.</param>
public sealed class BulkWriter(RapportDbContext db, Action<long>? written = null)
{
    /// <summary>About how many rows go between two calls of the progress callback (whole blocks of rows are counted).</summary>
    public const int ReportEvery = 1000;

    /// <summary>
    /// On SQLite, a table that receives at least this many rows, and at least as many as its largest id (a first import),
    /// gets its indexes dropped and built again once the rows are in, inside a savepoint of the transaction: building an
    /// index from sorted keys costs about a third less than updating it row by row. A failure rolls back to the savepoint,
    /// so the indexes come back whatever the caller does next; a killed process loses the whole transaction with them.
    /// </summary>
    public const int RebuildIndexesFrom = 1000;

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

    private static int CountRows(IEntityType type, IEnumerable rows)
    {
        var plan = TablePlan.Of(type);
        // Rows with no collections of their own are counted without walking them (a contact's emails, profiles, sources).
        if (plan.Children.Length == 0 && rows is ICollection collection) return collection.Count;
        var count = 0;
        foreach (var row in rows)
        {
            count++;
            foreach (var child in plan.Children)
            {
                if (child.Items(row) is { } items) count += CountRows(child.Type, items);
            }
        }
        return count;
    }

    private async Task InsertAsync(IEntityType type, IReadOnlyCollection<object> rows, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("BulkWriter needs an open transaction");
        var plan = TablePlan.Of(type);
        var maxId = long.MaxValue;
        if (plan.GeneratedKey is { } generated)
        {
            var next = await NextIdAsync(type, plan, ct);
            maxId = next - 1;
            foreach (var row in rows)
            {
                if ((long)generated.Read(row)! == 0) generated.Write(row, next++);
            }
            _nextId[type] = next;
        }
        foreach (var row in rows)
        {
            if (row is IAccountOwned owned && owned.AccountId == 0) owned.AccountId = db.AccountId;
        }

        if (_provider == DbProvider.Sqlite) InsertSqlite(plan, rows, rebuildIndexes: rows.Count >= RebuildIndexesFrom && rows.Count >= maxId, ct);
        else await CopyPostgresAsync(plan, rows, ct);

        foreach (var nav in plan.Children)
        {
            var children = new List<object>();
            foreach (var parent in rows)
            {
                if (nav.Items(parent) is not { } items) continue;
                var parentKey = nav.ParentKey.Read(parent);
                foreach (var child in items)
                {
                    nav.ForeignKey.Write(child, parentKey);
                    children.Add(child);
                }
            }
            if (children.Count > 0) await InsertAsync(nav.Type, children, ct);
        }
    }

    private async Task<long> NextIdAsync(IEntityType type, TablePlan plan, CancellationToken ct)
    {
        if (_nextId.TryGetValue(type, out var cached)) return cached;
        await using var cmd = Command($"SELECT COALESCE(MAX({Q(plan.KeyProperty!.GetColumnName())}), 0) FROM {plan.Table}");
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) + 1;
    }

    private void InsertSqlite(TablePlan plan, IReadOnlyCollection<object> rows, bool rebuildIndexes, CancellationToken ct)
    {
        var handle = ((SqliteConnection)db.Database.GetDbConnection()).Handle!;
        if (!rebuildIndexes)
        {
            InsertRows(handle, plan, rows, ct);
            return;
        }
        SqliteCalls.Check(handle, raw.sqlite3_exec(handle, "SAVEPOINT bulk_rebuild"));
        try
        {
            var indexes = DropIndexes(handle, plan);
            InsertRows(handle, plan, rows, ct);
            foreach (var create in indexes) SqliteCalls.Check(handle, raw.sqlite3_exec(handle, create));
            // Dropping an index drops its statistics too: the table is sampled again, as RapportStore.AnalyzeAsync does.
            SqliteCalls.Check(handle, raw.sqlite3_exec(handle, $"PRAGMA analysis_limit = 1000; ANALYZE {plan.Table}"));
            SqliteCalls.Check(handle, raw.sqlite3_exec(handle, "RELEASE bulk_rebuild"));
        }
        catch
        {
            raw.sqlite3_exec(handle, "ROLLBACK TO bulk_rebuild");
            raw.sqlite3_exec(handle, "RELEASE bulk_rebuild");
            throw;
        }
    }

    private void InsertRows(sqlite3 handle, TablePlan plan, IReadOnlyCollection<object> rows, CancellationToken ct)
    {
        // A column that is null in every row is left out (it has no default, so it stays null): imported contacts leave
        // most of theirs empty, and every bound value costs time on every row.
        var kept = plan.Columns
            .Where(c => !c.Property.IsNullable || c.Property.GetDefaultValueSql() is not null || c.Property.GetDefaultValue() is not null || rows.Any(r => c.Read(r) is not null))
            .ToArray();

        // Statements prepared on the connection, their values bound by position and stored as Microsoft.Data.Sqlite
        // stores them: the per-row work of a command (binding by name, a data reader per execution) is half the time.
        // Each statement inserts a block of rows, so SQLite's own work per statement (running it, resetting it, and
        // the AUTOINCREMENT bookkeeping) is paid once per block rather than once per row.
        var block = Math.Clamp(MaxVariables / kept.Length, 1, RowsPerStatement);
        if (block > rows.Count) block = rows.Count;
        var pending = 0;
        var buffer = new object[block];
        var filled = 0;
        using var many = Prepare(handle, plan, kept, block);
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            buffer[filled++] = row;
            if (filled < block) continue;
            Run(handle, many, kept, buffer, filled);
            filled = 0;
            pending += block;
            if (pending >= ReportEvery) pending = Report(pending);
        }
        if (filled > 0)
        {
            using var rest = Prepare(handle, plan, kept, filled);
            Run(handle, rest, kept, buffer, filled);
            pending += filled;
        }
        Report(pending);
    }

    /// <summary>How many rows one INSERT statement carries at most.</summary>
    private const int RowsPerStatement = 64;

    /// <summary>The most values one statement binds: SQLite's limit before version 3.32, which any build accepts.</summary>
    private const int MaxVariables = 999;

    private static sqlite3_stmt Prepare(sqlite3 handle, TablePlan plan, Column[] kept, int rows)
    {
        var values = "(" + string.Join(", ", kept.Select(_ => "?")) + ")";
        var sql = $"INSERT INTO {plan.Table} ({string.Join(", ", kept.Select(c => c.Name))}) VALUES {string.Join(", ", Enumerable.Repeat(values, rows))}";
        SqliteCalls.Check(handle, raw.sqlite3_prepare_v2(handle, sql, out var statement));
        return statement;
    }

    private void Run(sqlite3 handle, sqlite3_stmt statement, Column[] kept, object[] rows, int count)
    {
        var index = 1;
        for (var r = 0; r < count; r++)
        {
            var row = rows[r];
            for (var i = 0; i < kept.Length; i++) SqliteCalls.Check(handle, BindSqlite(statement, index++, kept[i].Read(row), kept[i].Property));
        }
        var rc = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_DONE) SqliteCalls.Check(handle, rc);
    }

    // The table's own indexes (not those SQLite makes for its constraints, which have no SQL), dropped; their SQL is
    // returned to create them again as they were.
    private static List<string> DropIndexes(sqlite3 handle, TablePlan plan)
    {
        var indexes = new List<(string Name, string Sql)>();
        SqliteCalls.Check(handle, raw.sqlite3_prepare_v2(handle, "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL", out var query));
        using (query)
        {
            SqliteCalls.Check(handle, raw.sqlite3_bind_text(query, 1, plan.TableName));
            int rc;
            while ((rc = raw.sqlite3_step(query)) == raw.SQLITE_ROW)
                indexes.Add((raw.sqlite3_column_text(query, 0).utf8_to_string(), raw.sqlite3_column_text(query, 1).utf8_to_string()));
            SqliteCalls.Check(handle, rc);
        }
        foreach (var (name, _) in indexes) SqliteCalls.Check(handle, raw.sqlite3_exec(handle, $"DROP INDEX {Q(name)}"));
        return [.. indexes.Select(i => i.Sql)];
    }

    private int Report(int rows)
    {
        if (rows > 0) written?.Invoke(rows);
        return 0;
    }

    /// <summary>Binds a provider value the way Microsoft.Data.Sqlite does, so that EF reads back what it would have written.</summary>
    private int BindSqlite(sqlite3_stmt statement, int index, object? value, IProperty column) => value switch
    {
        null => raw.sqlite3_bind_null(statement, index),
        string s => BindText(statement, index, s),
        long l => raw.sqlite3_bind_int64(statement, index, l),
        int i => raw.sqlite3_bind_int64(statement, index, i),
        short h => raw.sqlite3_bind_int64(statement, index, h),
        byte b => raw.sqlite3_bind_int64(statement, index, b),
        bool b => raw.sqlite3_bind_int64(statement, index, b ? 1 : 0),
        double d when double.IsNaN(d) => throw new InvalidOperationException($"{column.DeclaringType.DisplayName()}.{column.Name}: SQLite cannot store NaN"),
        double d => raw.sqlite3_bind_double(statement, index, d),
        float f => raw.sqlite3_bind_double(statement, index, f),
        decimal m => BindText(statement, index, m, "0.0###########################"),
        DateTime t => BindText(statement, index, t, @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF"),
        DateTimeOffset t => BindText(statement, index, t, @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz"),
        DateOnly d => BindText(statement, index, d, @"yyyy\-MM\-dd"),
        TimeSpan t => BindText(statement, index, t, "c"),
        Guid g => raw.sqlite3_bind_text(statement, index, g.ToString().ToUpperInvariant()),
        char c => raw.sqlite3_bind_text(statement, index, c.ToString()),
        byte[] blob => raw.sqlite3_bind_blob(statement, index, blob),
        _ => throw new NotSupportedException($"BulkWriter does not bind {value.GetType().Name} ({column.DeclaringType.DisplayName()}.{column.Name}) for SQLite: add it here as Microsoft.Data.Sqlite binds it"),
    };

    // Text is encoded into one reused buffer (SQLite copies it while binding) rather than into a new array per value,
    // with the encoder Microsoft.Data.Sqlite uses. An empty span would bind NULL, so "" keeps the string overload.
    private byte[] _utf8 = new byte[256];

    private int BindText(sqlite3_stmt statement, int index, string text)
    {
        if (text.Length == 0) return raw.sqlite3_bind_text(statement, index, text);
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (max > _utf8.Length) _utf8 = new byte[Math.Max(max, _utf8.Length * 2)];
        var length = Encoding.UTF8.GetBytes(text, _utf8);
        return raw.sqlite3_bind_text(statement, index, _utf8.AsSpan(0, length));
    }

    private int BindText<T>(sqlite3_stmt statement, int index, T value, string format) where T : IUtf8SpanFormattable, IFormattable
    {
        if (!value.TryFormat(_utf8, out var length, format, CultureInfo.InvariantCulture)) return BindText(statement, index, value.ToString(format, CultureInfo.InvariantCulture));
        return raw.sqlite3_bind_text(statement, index, _utf8.AsSpan(0, length));
    }

    private async Task CopyPostgresAsync(TablePlan plan, IReadOnlyCollection<object> rows, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var columns = plan.Columns;
        var types = columns.Select(c => c.Property.GetColumnType()).ToArray();
        var copy = $"COPY {plan.Table} ({string.Join(", ", columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)";
        await using (var writer = await connection.BeginBinaryImportAsync(copy, ct))
        {
            var pending = 0;
            foreach (var row in rows)
            {
                await writer.StartRowAsync(ct);
                for (var i = 0; i < columns.Length; i++)
                {
                    var value = columns[i].Read(row);
                    if (value is null) await writer.WriteNullAsync(ct);
                    else await writer.WriteAsync(value, types[i], ct);
                }
                if (++pending == ReportEvery) pending = Report(pending);
            }
            await writer.CompleteAsync(ct);
            Report(pending);
        }
        if (plan.GeneratedKey is { } key)
        {
            var column = plan.KeyProperty!.GetColumnName();
            await using var cmd = Command($"SELECT setval(pg_get_serial_sequence('{plan.Table}', '{column}'), (SELECT MAX({Q(column)}) FROM {plan.Table}))");
            await cmd.ExecuteScalarAsync(ct);
        }
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

    /// <summary>
    /// What writing an entity type's rows needs from the model, worked out once per entity type: the table, each column
    /// with a reader giving its provider value, the generated key and the collections written with each row.
    /// </summary>
    /// <remarks>
    /// Values are read through reflection on the members EF Core itself reads (backing fields, mostly) rather than
    /// through EF Core's own accessors, which compile an expression each: for a command that writes once, compiling them
    /// cost more than reading every value. The conversions this model uses are done here as EF Core does them (enums by
    /// name, <see cref="UtcDateTimeConverter"/>); any other goes through its converter. BulkWriterTest checks that a
    /// row written here reads back as the one EF Core writes.
    /// </remarks>
    private sealed class TablePlan
    {
        private static readonly ConditionalWeakTable<IEntityType, TablePlan> Plans = [];

        private TablePlan(IEntityType type)
        {
            TableName = type.GetTableName()!;
            Table = Q(TableName);
            Columns = [.. type.GetProperties().Select(p => new Column(p, Q(p.GetColumnName()), Reader(p)))];
            var key = type.FindPrimaryKey()!;
            if (key.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } id])
            {
                KeyProperty = id;
                GeneratedKey = new Member(id);
            }
            Children = [.. type.GetNavigations().Where(n => n.IsCollection && !n.IsOnDependent).Select(n => new Child(n))];
        }

        public string TableName { get; }
        public string Table { get; }
        public Column[] Columns { get; }
        public IProperty? KeyProperty { get; }
        public Member? GeneratedKey { get; }
        public Child[] Children { get; }

        public static TablePlan Of(IEntityType type) => Plans.GetValue(type, t => new TablePlan(t));

        private static Func<object, object?> Reader(IProperty p)
        {
            var read = new Member(p).Read;
            var converter = p.GetValueConverter();
            if (converter is UtcDateTimeConverter)
                return row => read(row) is DateTime t ? (t.Kind == DateTimeKind.Utc ? t : t.ToUniversalTime()) : null;
            if (converter is null && p.GetProviderClrType() == typeof(string) && Nullable.GetUnderlyingType(p.ClrType) is var inner && (inner ?? p.ClrType).IsEnum)
                return row => read(row)?.ToString();
            converter ??= p.GetProviderClrType() is null ? null : p.GetTypeMapping().Converter;
            return converter is null ? read : row => read(row) is { } v ? converter.ConvertToProvider(v) : null;
        }
    }

    private sealed record Column(IProperty Property, string Name, Func<object, object?> Read);

    /// <summary>A collection navigation: its items in a row, the parent's key and the child's foreign key.</summary>
    private sealed class Child(INavigation navigation)
    {
        public IEntityType Type { get; } = navigation.TargetEntityType;
        public Member ParentKey { get; } = new(navigation.ForeignKey.PrincipalKey.Properties[0]);
        public Member ForeignKey { get; } = new(navigation.ForeignKey.Properties[0]);
        private readonly Func<object, object?> _items = new Member(navigation).Read;
        public IEnumerable? Items(object row) => _items(row) as IEnumerable;
    }

    /// <summary>Reads and writes a property or navigation through the CLR member EF Core uses for it.</summary>
    private sealed class Member
    {
        public Member(IPropertyBase property)
        {
            var read = property.GetMemberInfo(forMaterialization: false, forSet: false);
            var write = property.GetMemberInfo(forMaterialization: false, forSet: true);
            Read = read switch
            {
                FieldInfo f => f.GetValue,
                PropertyInfo p => p.GetValue,
                _ => property.GetGetter().GetClrValue,
            };
            _write = write switch
            {
                FieldInfo f => f.SetValue,
                PropertyInfo p => p.SetValue,
                _ => (_, _) => throw new InvalidOperationException($"BulkWriter cannot set {property.DeclaringType.DisplayName()}.{property.Name}"),
            };
        }

        private readonly Action<object, object?> _write;

        public Func<object, object?> Read { get; }
        public void Write(object row, object? value) => _write(row, value);
    }
}
