using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Rapport.Data.Storage;

namespace Rapport.Data.Tests.Support;

/// <summary>Plain SQL on a test database, beside EF Core: for schema and plan checks, and rows written as an older version would.</summary>
public static class RawSql
{
    public static DbConnection Open(DbTarget target) => target.Provider == DbProvider.Sqlite
        ? new SqliteConnection(target.ConnectionString)
        : new Npgsql.NpgsqlConnection(target.ConnectionString);

    public static async Task ExecuteAsync(DbTarget target, string sql)
    {
        await using var connection = Open(target);
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Hands every row the query returns to <paramref name="row"/>.</summary>
    public static async Task QueryAsync(DbTarget target, string sql, Action<DbDataReader> row)
    {
        await using var connection = Open(target);
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) row(reader);
    }

    /// <summary>One column of every row the query returns, as invariant text.</summary>
    public static async Task<List<string>> ColumnAsync(DbTarget target, string sql, int column = 0)
    {
        var values = new List<string>();
        await QueryAsync(target, sql, r => values.Add(Convert.ToString(r.GetValue(column), CultureInfo.InvariantCulture)!));
        return values;
    }
}
