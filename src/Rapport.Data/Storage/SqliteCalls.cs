using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Rapport.Data.Storage;

/// <summary>What the code that calls SQLite directly (<see cref="BulkWriter"/>, <see cref="AccountRows"/>) shares.</summary>
internal static class SqliteCalls
{
    /// <summary>Turns a failed call into the exception Microsoft.Data.Sqlite throws for it, with SQLite's message.</summary>
    public static void Check(sqlite3 handle, int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
            throw new SqliteException(raw.sqlite3_errmsg(handle).utf8_to_string(), rc, raw.sqlite3_extended_errcode(handle));
    }
}
