using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace Rapport.Data.Storage;

/// <summary>
/// Reads the current account's rows with plain SQL straight from the data reader (SQLite and PostgreSQL alike). For
/// loads that take whole tables once per command, such as an import's existing contacts: compiling an EF Core query
/// costs tens of milliseconds the first time in a process, which a short command pays for every query it runs.
/// Values are stored as <see cref="RapportDbContext"/>'s conventions store them: enums by name, dates as ISO text on SQLite.
/// </summary>
public static class AccountRows
{
    /// <summary>Runs <paramref name="sql"/>, which may use <c>@account</c> for the current account, and hands each row to <paramref name="row"/>.</summary>
    public static async Task ReadAsync(RapportDbContext db, string sql, Action<DbDataReader> row, CancellationToken ct = default)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = db.Database.GetDbConnection().CreateCommand();
            cmd.CommandText = sql;
            cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var account = cmd.CreateParameter();
            account.ParameterName = "@account";
            account.Value = db.AccountId;
            cmd.Parameters.Add(account);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) row(reader);
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
    public static async Task ScanAsync(RapportDbContext db, string sql, DbRowAction row, CancellationToken ct = default)
    {
        if (!db.Database.IsSqlite())
        {
            await ReadAsync(db, sql, reader => row(new DbRow(reader)), ct);
            return;
        }
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            Scan(((SqliteConnection)db.Database.GetDbConnection()).Handle!, sql, db.AccountId, row, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void Scan(sqlite3 handle, string sql, long account, DbRowAction row, CancellationToken ct)
    {
        Check(handle, raw.sqlite3_prepare_v2(handle, sql, out var statement));
        using (statement)
        {
            var parameter = raw.sqlite3_bind_parameter_index(statement, "@account");
            if (parameter > 0) Check(handle, raw.sqlite3_bind_int64(statement, parameter, account));
            int rc;
            for (var n = 0; (rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW; n++)
            {
                if ((n & 4095) == 0) ct.ThrowIfCancellationRequested();
                row(new DbRow(statement));
            }
            if (rc != raw.SQLITE_DONE) Check(handle, rc);
        }
    }

    private static void Check(sqlite3 handle, int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_ROW or raw.SQLITE_DONE)) throw new SqliteException(raw.sqlite3_errmsg(handle).utf8_to_string(), rc);
    }

    /// <summary>The text in column <paramref name="i"/>, or null.</summary>
    public static string? GetStringOrNull(this DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    /// <summary>The date in column <paramref name="i"/> (ISO text on SQLite, a date on PostgreSQL), or null.</summary>
    public static DateOnly? GetDateOnlyOrNull(this DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetFieldValue<DateOnly>(i);

    /// <summary>The enum stored by name in column <paramref name="i"/>, read as EF Core reads it: in any case, and a name it does not know is an error.</summary>
    public static T GetEnum<T>(this DbDataReader reader, int i) where T : struct, Enum => ParseEnum<T>(reader.GetString(i));

    /// <inheritdoc cref="GetEnum{T}"/>
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

