using Microsoft.Data.Sqlite;
using Npgsql;

namespace Rapport.Data.Storage;

public enum DbProvider { Sqlite, Postgres }

/// <summary>
/// Where the data lives: a SQLite file (the embedded default) or a PostgreSQL server,
/// told apart by the shape of the <c>--db</c> value.
/// </summary>
public sealed record DbTarget(DbProvider Provider, string ConnectionString, string? FilePath)
{
    /// <summary>The SQLite file used when neither --db nor RAPPORT_DB is given.</summary>
    public static string DefaultFilePath
    {
        get
        {
            var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
            if (string.IsNullOrEmpty(data))
                data = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
            return Path.Combine(data, "rapport", "rapport.db");
        }
    }

    /// <summary>Reads a --db value: a PostgreSQL connection string or URI, or else a SQLite file path.</summary>
    public static DbTarget Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return Sqlite(DefaultFilePath);
        var v = value.Trim();
        if (v.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || v.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return new DbTarget(DbProvider.Postgres, FromUri(new Uri(v)), null);
        if (v.Contains('=') && (v.Contains("Host=", StringComparison.OrdinalIgnoreCase) || v.Contains("Server=", StringComparison.OrdinalIgnoreCase)))
        {
            try
            {
                return new DbTarget(DbProvider.Postgres, new NpgsqlConnectionStringBuilder(v).ConnectionString, null);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"--db: '{v}' is not a valid PostgreSQL connection string: {e.Message}", e);
            }
        }
        if (v.StartsWith("Data Source=", StringComparison.OrdinalIgnoreCase))
            return Sqlite(new SqliteConnectionStringBuilder(v).DataSource);
        return Sqlite(v);
    }

    public static DbTarget Sqlite(string path)
    {
        var full = Path.GetFullPath(path);
        var cs = new SqliteConnectionStringBuilder { DataSource = full, Pooling = true, DefaultTimeout = 30 }.ConnectionString;
        return new DbTarget(DbProvider.Sqlite, cs, full);
    }

    private static string FromUri(Uri uri)
    {
        var b = new NpgsqlConnectionStringBuilder { Host = uri.Host, Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port, Database = uri.AbsolutePath.Trim('/') };
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            var parts = uri.UserInfo.Split(':', 2);
            b.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2) b.Password = Uri.UnescapeDataString(parts[1]);
        }
        return b.ConnectionString;
    }

    /// <summary>A description safe to print: no password.</summary>
    public override string ToString() => Provider == DbProvider.Sqlite
        ? $"SQLite {FilePath}"
        : $"PostgreSQL {new NpgsqlConnectionStringBuilder(ConnectionString) { Password = null }.Host}/{new NpgsqlConnectionStringBuilder(ConnectionString).Database}";
}
