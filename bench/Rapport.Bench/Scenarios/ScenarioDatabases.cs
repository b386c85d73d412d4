using Npgsql;
using Rapport.App.Demo;
using Rapport.Data.Storage;

namespace Rapport.Bench.Scenarios;

/// <summary>
/// The same demo networks on a PostgreSQL server, for the benchmarks that say they can run there: RAPPORT_BENCH_PG names
/// the server (a connection string whose database is one to connect to, such as <c>postgres</c>). A scenario is written
/// once into a database of its own, named by size, seed and schema version, and each run works on a copy of it
/// (<c>CREATE DATABASE ... TEMPLATE</c>), dropped afterwards.
/// </summary>
public static class ScenarioDatabases
{
    /// <summary>The server to run on, or null to run on SQLite files.</summary>
    public static string? Server => Environment.GetEnvironmentVariable("RAPPORT_BENCH_PG") is { Length: > 0 } s ? s : null;

    /// <summary>
    /// The database holding the demo network of this size, written now unless it is already there (or <paramref name="fresh"/>),
    /// with how long the write took (null when reused). It is written under another name and renamed once complete.
    /// </summary>
    public static async Task<(string Database, TimeSpan? Write)> EnsureAsync(string server, int contacts, int seed = ScenarioFiles.DefaultSeed, bool fresh = false)
    {
        var name = NameOf(contacts, seed);
        if (!fresh && await ExistsAsync(server, name)) return (name, null);
        var partial = name + "_partial";
        await DropAsync(server, partial);
        await ExecuteAsync(server, $"CREATE DATABASE {partial}");
        var target = On(server, partial);
        await MigrationRunner.MigrateAsync(target, BenchClock.Instance);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await new DemoWriter(new RapportStore(target), BenchClock.Instance).WriteAsync(new DemoOptions(contacts, seed), null, default);
        var write = watch.Elapsed;
        await DropAsync(server, name);
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(server, $"ALTER DATABASE {partial} RENAME TO {name}");
        return (name, write);
    }

    /// <summary>A copy of the demo network of this size on the server (written first by <c>--scenario N</c>), for this run alone.</summary>
    public static async Task<DbTarget> CopyAsync(string server, int contacts, string copyName, int seed = ScenarioFiles.DefaultSeed)
    {
        var template = NameOf(contacts, seed);
        if (!await ExistsAsync(server, template))
            throw new InvalidOperationException($"no database {template} on the server: write it first with --scenario {contacts} (RAPPORT_BENCH_PG set)");
        await DropAsync(server, copyName);
        await ExecuteAsync(server, $"CREATE DATABASE {copyName} TEMPLATE {template}");
        var copy = On(server, copyName);
        await MigrationRunner.MigrateAsync(copy, BenchClock.Instance);
        return copy;
    }

    private static string NameOf(int contacts, int seed) =>
        $"rapport_bench_demo_{contacts}_seed{seed}_v{MigrationRunner.Available(DbProvider.Postgres)[^1].Version}";

    /// <summary>Drops a copy made by <see cref="CopyAsync"/>, closing this process's connections to it first.</summary>
    public static async Task DropAsync(string server, string name)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    private static DbTarget On(string server, string database) =>
        DbTarget.Parse(new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString);

    private static async Task<bool> ExistsAsync(string server, string database)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        cmd.Parameters.AddWithValue("name", database);
        return await cmd.ExecuteScalarAsync() is not null;
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }
}
