using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using SQLitePCL;

namespace Rapport.Data.Storage;

/// <summary>Handed each row of <see cref="AccountRows.ScanAsync"/>.</summary>
public delegate void DbRowAction(DbRow row);

/// <summary>
/// The current row of <see cref="AccountRows.ScanAsync"/>, valid only during the call it is handed to: on SQLite a
/// statement read through SQLite's own calls, elsewhere a data reader. Values are read as
/// <see cref="RapportDbContext"/>'s conventions store them: enums by name, times as ISO text on SQLite.
/// </summary>
public readonly ref struct DbRow
{
    private readonly sqlite3_stmt? _statement;
    private readonly DbDataReader? _reader;

    internal DbRow(sqlite3_stmt statement) => _statement = statement;

    internal DbRow(DbDataReader reader) => _reader = reader;

    /// <summary>Whether column <paramref name="i"/> is null.</summary>
    public bool IsNull(int i) => _statement is not null ? raw.sqlite3_column_type(_statement, i) == raw.SQLITE_NULL : _reader!.IsDBNull(i);

    /// <summary>Column <paramref name="i"/> as a whole number (an id, a count).</summary>
    public long GetInt64(int i) => _statement is not null ? raw.sqlite3_column_int64(_statement, i) : Convert.ToInt64(_reader!.GetValue(i));

    /// <summary>Column <paramref name="i"/> as a whole number, or null.</summary>
    public long? GetInt64OrNull(int i) => IsNull(i) ? null : GetInt64(i);

    /// <summary>Column <paramref name="i"/> as a number with a fraction.</summary>
    public double GetDouble(int i) => _statement is not null ? raw.sqlite3_column_double(_statement, i) : _reader!.GetDouble(i);

    /// <summary>Column <paramref name="i"/> as a number with a fraction, or null.</summary>
    public double? GetDoubleOrNull(int i) => IsNull(i) ? null : GetDouble(i);

    /// <summary>Column <paramref name="i"/> as a decimal (text on SQLite, as EF Core stores it there), or null.</summary>
    public decimal? GetDecimalOrNull(int i)
    {
        if (IsNull(i)) return null;
        if (_statement is null) return _reader!.GetDecimal(i);
        if (raw.sqlite3_column_type(_statement, i) != raw.SQLITE_TEXT) return (decimal)raw.sqlite3_column_double(_statement, i);
        var text = Utf8(_statement, i);
        return decimal.TryParse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"'{Encoding.UTF8.GetString(text)}' stored in the database is not a number");
    }

    /// <summary>Column <paramref name="i"/> as a yes or no.</summary>
    public bool GetBoolean(int i) => _statement is not null ? raw.sqlite3_column_int64(_statement, i) != 0 : _reader!.GetBoolean(i);

    /// <summary>Column <paramref name="i"/> as bytes.</summary>
    public byte[] GetBytes(int i) => _statement is not null ? raw.sqlite3_column_blob(_statement, i).ToArray() : _reader!.GetFieldValue<byte[]>(i);

    // Text as UTF-8 in SQLite's buffer. SQLite converts the text of a database stored in UTF-16 (reading it as a blob would
    // hand over the stored bytes); the length is asked after the text, as SQLite's documentation prescribes.
    private static ReadOnlySpan<byte> Utf8(sqlite3_stmt statement, int i)
    {
        var text = raw.sqlite3_column_text(statement, i);
        var length = raw.sqlite3_column_bytes(statement, i);
        return length == 0 ? [] : MemoryMarshal.CreateReadOnlySpan(ref Unsafe.AsRef(in text.GetPinnableReference()), length);
    }

    /// <summary>Column <paramref name="i"/> as text.</summary>
    public string GetString(int i) => _statement is not null ? Encoding.UTF8.GetString(Utf8(_statement, i)) : _reader!.GetString(i);

    /// <summary>Column <paramref name="i"/> as text, or null.</summary>
    public string? GetStringOrNull(int i) => IsNull(i) ? null : GetString(i);

    /// <summary>Column <paramref name="i"/> as text, or null, as the pool's instance: on SQLite no string is made for a text the pool holds.</summary>
    public string? GetString(int i, StringPool pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        if (IsNull(i)) return null;
        return _statement is not null ? pool.GetUtf8(Utf8(_statement, i)) : pool.Get(_reader!.GetString(i));
    }

    /// <summary>Column <paramref name="i"/> as a time in UTC.</summary>
    public DateTime GetUtcTime(int i)
    {
        if (_statement is not null) return SqliteTime.Parse(Utf8(_statement, i));
        // The data reader serves PostgreSQL only (SQLite rows come from the statement), where times are timestamptz.
        return DateTime.SpecifyKind(_reader!.GetDateTime(i), DateTimeKind.Utc);
    }

    /// <summary>Column <paramref name="i"/> as a time in UTC, or null.</summary>
    public DateTime? GetUtcTimeOrNull(int i) => IsNull(i) ? null : GetUtcTime(i);

    /// <summary>Column <paramref name="i"/> as a date (ISO text on SQLite), or null.</summary>
    public DateOnly? GetDateOnlyOrNull(int i)
    {
        if (IsNull(i)) return null;
        return _statement is null ? _reader!.GetFieldValue<DateOnly>(i) : SqliteTime.ParseDate(Utf8(_statement, i));
    }

    /// <summary>The enum stored by name in column <paramref name="i"/>, read as EF Core reads it: in any case, and a name it does not know is an error.</summary>
    public T GetEnum<T>(int i) where T : struct, Enum =>
        _statement is not null ? AccountRows.ParseEnum<T>(Utf8(_statement, i)) : AccountRows.ParseEnum<T>(_reader!.GetString(i));
}
