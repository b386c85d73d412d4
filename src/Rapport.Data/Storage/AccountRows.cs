using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace Rapport.Data.Storage;

/// <summary>
/// Reads the current account's rows with plain SQL (SQLite through SQLite's own calls, PostgreSQL through the data
/// reader), for loads that take whole tables, such as an import's existing contacts and the insights: compiling an EF
/// Core query costs tens of milliseconds the first time in a process (the very first, a few hundred), which a short
/// command pays for every query it runs. Values are read as <see cref="RapportDbContext"/>'s conventions store them:
/// enums by name, dates and times as ISO text on SQLite.
/// </summary>
public static class AccountRows
{
    private static readonly Dictionary<string, object> NoParameters = [];

    /// <summary>
    /// A condition (to follow a WHERE) that <paramref name="column"/> is one of <paramref name="ids"/>, written as whole
    /// numbers; none when <paramref name="ids"/> is null, and one that holds for no row when it is empty.
    /// </summary>
    public static string OnlyOf(string column, IReadOnlyCollection<long>? ids) => AnyOf([column], ids);

    /// <summary>
    /// A condition (to follow a WHERE) that one of <paramref name="columns"/> at least is one of <paramref name="ids"/>; none
    /// when <paramref name="ids"/> is null, and one that holds for no row when it is empty.
    /// </summary>
    public static string AnyOf(IReadOnlyList<string> columns, IReadOnlyCollection<long>? ids)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (ids is null) return "";
        if (ids.Count == 0 || columns.Count == 0) return "AND 1 = 0";
        var list = string.Join(',', ids.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        return $"AND ({string.Join(" OR ", columns.Select(c => $"\"{c}\" IN ({list})"))})";
    }

    // Through the provider's data reader (PostgreSQL), binding @account and the given parameters.
    private static async Task ReadAsync(RapportDbContext db, string sql, IReadOnlyDictionary<string, object> parameters, DbRowAction row, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = db.Database.GetDbConnection().CreateCommand();
            cmd.CommandText = sql;
            cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            Add("@account", db.AccountId);
            foreach (var (name, value) in parameters) Add(name, value);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) row(new DbRow(reader));

            void Add(string name, object value)
            {
                var parameter = cmd.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                cmd.Parameters.Add(parameter);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Runs <paramref name="sql"/> (which may use <c>@account</c>) and hands each row to <paramref name="row"/> in place. On
    /// SQLite the statement runs on the context's connection through SQLite's own calls and text is read from SQLite's
    /// buffer: for whole-table scans of hundreds of thousands of rows that costs a fraction of the data reader, and a
    /// <see cref="StringPool"/> given to <see cref="DbRow.GetString(int, StringPool)"/> makes no string for a value it has seen.
    /// Other providers go through the data reader.
    /// </summary>
    public static Task ScanAsync(RapportDbContext db, string sql, DbRowAction row, CancellationToken ct = default) =>
        ScanAsync(db, sql, NoParameters, row, ct);

    /// <summary>
    /// The same with more parameters than <c>@account</c>: whole numbers, texts and dates (stored as ISO text on SQLite, so
    /// that they compare as the stored dates do).
    /// </summary>
    public static async Task ScanAsync(RapportDbContext db, string sql, IReadOnlyDictionary<string, object> parameters, DbRowAction row, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!db.Database.IsSqlite())
        {
            await ReadAsync(db, sql, parameters, row, ct);
            return;
        }
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var timeout = TimeSpan.FromSeconds(db.Database.GetCommandTimeout() ?? 30);
            Scan(((SqliteConnection)db.Database.GetDbConnection()).Handle!, sql, db.AccountId, parameters, timeout, row, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void Scan(sqlite3 handle, string sql, long account, IReadOnlyDictionary<string, object> parameters, TimeSpan timeout, DbRowAction row, CancellationToken ct)
    {
        SqliteCalls.Check(handle, raw.sqlite3_prepare_v2(handle, sql, out var statement));
        using (statement)
        {
            Bind("@account", account);
            foreach (var (name, value) in parameters) Bind(name, value);
            // SQLite waits for a lock itself (busy_timeout); past that, the scan keeps trying up to the command timeout, as
            // the data reader does.
            var started = System.Diagnostics.Stopwatch.StartNew();
            var n = 0;
            while (true)
            {
                var rc = raw.sqlite3_step(statement);
                if (rc == raw.SQLITE_ROW)
                {
                    if ((n++ & 4095) == 0) ct.ThrowIfCancellationRequested();
                    row(new DbRow(statement));
                    continue;
                }
                if (rc == raw.SQLITE_DONE) return;
                if ((rc is raw.SQLITE_BUSY or raw.SQLITE_LOCKED) && started.Elapsed < timeout)
                {
                    ct.ThrowIfCancellationRequested();
                    Thread.Sleep(20);
                    continue;
                }
                SqliteCalls.Check(handle, rc);
                return;
            }

            void Bind(string name, object value)
            {
                var index = raw.sqlite3_bind_parameter_index(statement, name);
                if (index <= 0) return;
                SqliteCalls.Check(handle, value switch
                {
                    long l => raw.sqlite3_bind_int64(statement, index, l),
                    int i => raw.sqlite3_bind_int64(statement, index, i),
                    string text => raw.sqlite3_bind_text(statement, index, text),
                    DateOnly date => raw.sqlite3_bind_text(statement, index, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                    _ => throw new ArgumentException($"{name}: a {value?.GetType().Name ?? "null"} is not a parameter a scan binds", nameof(parameters)),
                });
            }
        }
    }

    /// <summary>The enum stored by name, read as EF Core reads it: in any case, and a name it does not know is an error.</summary>
    public static T ParseEnum<T>(string name) where T : struct, Enum =>
        Enum.TryParse<T>(name, ignoreCase: true, out var value) ? value : throw new InvalidOperationException($"'{name}' stored in the database is not a {typeof(T).Name}");

    /// <summary>The same from UTF-8 text: a name stored as written is found without making a string.</summary>
    public static T ParseEnum<T>(ReadOnlySpan<byte> utf8) where T : struct, Enum
    {
        foreach (var (name, value) in Utf8Names<T>.All)
        {
            if (utf8.SequenceEqual(name)) return value;
        }
        return ParseEnum<T>(Encoding.UTF8.GetString(utf8));
    }

    private static class Utf8Names<T> where T : struct, Enum
    {
        public static readonly (byte[] Name, T Value)[] All = Enum.GetValues<T>().Select(v => (Encoding.UTF8.GetBytes(v.ToString()), v)).ToArray();
    }
}

