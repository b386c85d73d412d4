using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

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

    /// <summary>The text in column <paramref name="i"/>, or null.</summary>
    public static string? GetStringOrNull(this DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    /// <summary>The date in column <paramref name="i"/> (ISO text on SQLite, a date on PostgreSQL), or null.</summary>
    public static DateOnly? GetDateOnlyOrNull(this DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetFieldValue<DateOnly>(i);

    /// <summary>The enum stored by name in column <paramref name="i"/>, read as EF Core reads it: in any case, and a name it does not know is an error.</summary>
    public static T GetEnum<T>(this DbDataReader reader, int i) where T : struct, Enum => ParseEnum<T>(reader.GetString(i));

    /// <inheritdoc cref="GetEnum{T}"/>
    public static T ParseEnum<T>(string name) where T : struct, Enum =>
        Enum.TryParse<T>(name, ignoreCase: true, out var value) ? value : throw new InvalidOperationException($"'{name}' stored in the database is not a {typeof(T).Name}");
}
