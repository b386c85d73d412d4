using Npgsql;
using Rapport.Data.Storage;

namespace Rapport.Data.Tests.Support;

/// <summary>
/// A fresh, empty database for one test: a SQLite file in a temporary folder, or a new database on the
/// PostgreSQL server named by RAPPORT_TEST_PG (test.sh starts one). A missing server is a failure, never a skip.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public static readonly TheoryData<string> Providers = new("sqlite", "postgres");

    private readonly string? _pgName;

    private TestDatabase(DbTarget target, string? pgName)
    {
        Target = target;
        _pgName = pgName;
    }

    public DbTarget Target { get; }

    public static async Task<TestDatabase> CreateAsync(string provider)
    {
        if (provider == "sqlite")
        {
            var dir = Directory.CreateTempSubdirectory("rapport-test-");
            return new TestDatabase(DbTarget.Sqlite(Path.Combine(dir.FullName, "rapport.db")), null);
        }
        var admin = ServerConnectionString();
        var name = "rapport_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var c = new NpgsqlConnection(admin))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", c);
            await cmd.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        return new TestDatabase(new DbTarget(DbProvider.Postgres, cs, null), name);
    }

    public static string ServerConnectionString() =>
        Environment.GetEnvironmentVariable("RAPPORT_TEST_PG") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                "PostgreSQL is needed for these tests: set RAPPORT_TEST_PG to a connection string of a server you may create databases on, or run ./test.sh, which starts one.");

    public async Task<RapportStore> MigratedStoreAsync(TimeProvider? clock = null)
    {
        await MigrationRunner.MigrateAsync(Target, clock ?? TimeProvider.System);
        return new RapportStore(Target);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_pgName is not null)
        {
            await using var c = new NpgsqlConnection(ServerConnectionString());
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_pgName} WITH (FORCE)", c);
            await cmd.ExecuteNonQueryAsync();
        }
        else if (Target.FilePath is { } f)
        {
            try { Directory.Delete(Path.GetDirectoryName(f)!, recursive: true); }
            catch (IOException) { }
        }
    }
}

/// <summary>A clock stopped at one instant.</summary>
public sealed class TestClock(DateTime utc) : TimeProvider
{
    public DateTime Now { get; set; } = utc;
    public override DateTimeOffset GetUtcNow() => new(DateTime.SpecifyKind(Now, DateTimeKind.Utc));
}
