using Microsoft.Data.Sqlite;
using Npgsql;

namespace Rapport.Data.Storage;

/// <summary>
/// Tells whether anything was committed to the database since the last look, by any connection of any process (the
/// web app's own requests, the command line, a backup restore), so caches of pages and plans stay exact without a time-out.
/// </summary>
/// <remarks>
/// SQLite: <c>PRAGMA data_version</c> on one dedicated, long-lived connection that never writes; SQLite changes the value
/// whenever another connection commits. PostgreSQL: the text of <c>pg_current_snapshot()</c> (the next transaction id and
/// those in progress), which changes whenever a transaction that wrote anything ends (commits or aborts) anywhere in the cluster;
/// reads assign no transaction id, so a read-only load leaves it still. It can change with no change to this database
/// (another database of the cluster, autovacuum's analyze): that only costs a cache rebuild, never a stale page.
/// </remarks>
public abstract class CommitWatch : IDisposable
{
    /// <summary>A value that differs from any earlier one once something was committed in between.</summary>
    public abstract ValueTask<string> VersionAsync(CancellationToken ct = default);

    public static CommitWatch For(DbTarget target) => target.Provider == DbProvider.Sqlite
        ? new SqliteWatch(target.ConnectionString)
        : new PostgresWatch(target.ConnectionString);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    private sealed class SqliteWatch(string connectionString) : CommitWatch
    {
        private readonly Lock _gate = new();
        private SqliteConnection? _connection;
        private SqliteCommand? _command;

        public override ValueTask<string> VersionAsync(CancellationToken ct = default)
        {
            lock (_gate)
            {
                if (_command is null)
                {
                    // Its own connection, out of the pool, for the life of the watch: data_version counts commits of the others.
                    _connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
                    _connection.Open();
                    _command = _connection.CreateCommand();
                    _command.CommandText = "PRAGMA data_version;";
                    _command.Prepare();
                }
                var v = (long)_command.ExecuteScalar()!;
                return ValueTask.FromResult(v.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (!disposing) return;
            lock (_gate)
            {
                _command?.Dispose();
                _connection?.Dispose();
                _command = null;
                _connection = null;
            }
        }
    }

    private sealed class PostgresWatch(string connectionString) : CommitWatch
    {
        private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(connectionString);

        public override async ValueTask<string> VersionAsync(CancellationToken ct = default)
        {
            await using var cmd = _source.CreateCommand("SELECT pg_current_snapshot()::text");
            return (string)(await cmd.ExecuteScalarAsync(ct))!;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) _source.Dispose();
        }
    }
}
