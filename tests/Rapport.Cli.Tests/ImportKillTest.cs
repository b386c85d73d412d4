using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Rapport.Data.Tests.Support;

namespace Rapport.Cli.Tests;

/// <summary>
/// Issue 4: "a process killed mid-import leaves the database as it was". The real `rapport` program imports a large
/// Connections.csv into a SQLite file and is killed (SIGKILL) while it writes; the file must still open, pass its
/// integrity check and hold exactly what it held before.
/// </summary>
public sealed class ImportKillTest : IDisposable
{
    private const string Now = "2026-11-20T09:00:00Z";
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("rapport-cli-kill-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task KillingTheProcessMidImport_LeavesTheDatabaseAsItWas()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var cli = new CliRunner(db, Now);
        var small = Path.Combine(_dir.FullName, "small.csv");
        await File.WriteAllTextAsync(small, Connections(0, 50), new UTF8Encoding(false), ct);
        Assert.Equal(0, (await cli.RunAsync("import", "linkedin", small)).ExitCode);
        var before = await cli.RunAsync("export", "json");
        Assert.Equal(0, before.ExitCode);
        Assert.Equal(50L, Scalar(db.Target.FilePath!, "SELECT COUNT(*) FROM \"Contacts\""));

        // Enough rows that writing them takes seconds on any machine; the first 50 are the ones already there.
        var large = Path.Combine(_dir.FullName, "Connections.csv");
        await File.WriteAllTextAsync(large, Connections(0, 300_000), new UTF8Encoding(false), ct);
        var wal = db.Target.FilePath + "-wal";
        var walBefore = File.Exists(wal) ? new FileInfo(wal).Length : 0;

        using var process = Start(db.Target.FilePath!, large);
        var writing = new TaskCompletionSource();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data?.StartsWith("writing: ", StringComparison.Ordinal) == true) writing.TrySetResult();
        };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        // Kill once the file was read whole and the open transaction has spilled pages into the write-ahead log:
        // uncommitted rows are then on disk, the case a kill could damage.
        var killed = false;
        var deadline = Stopwatch.StartNew();
        while (!process.HasExited && deadline.Elapsed < TimeSpan.FromMinutes(5))
        {
            if (writing.Task.IsCompleted && File.Exists(wal) && new FileInfo(wal).Length > walBefore + (4 << 20))
            {
                process.Kill(entireProcessTree: true);
                killed = true;
                break;
            }
            await Task.Delay(10, ct);
        }
        await process.WaitForExitAsync(ct);
        Assert.True(killed, $"the import ended (exit code {process.ExitCode}) before it could be killed while writing");

        SqliteConnection.ClearAllPools();
        Assert.Equal("ok", Scalar(db.Target.FilePath!, "PRAGMA integrity_check"));
        Assert.Equal(50L, Scalar(db.Target.FilePath!, "SELECT COUNT(*) FROM \"Contacts\""));
        var after = await cli.RunAsync("export", "json");
        Assert.Equal(0, after.ExitCode);
        Assert.Equal(before.Out, after.Out);

        // And it still takes the import whole afterwards.
        var again = await cli.RunAsync("import", "linkedin", small);
        Assert.Contains("contacts:     0 new, 0 updated, 0 merged, 50 unchanged", again.Out);
    }

    private static Process Start(string database, string csv)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "rapport.dll"));
        foreach (var arg in new[] { "import", "linkedin", csv, "--progress" }) info.ArgumentList.Add(arg);
        info.Environment["RAPPORT_DB"] = database;
        info.Environment["RAPPORT_NOW"] = Now;
        return Process.Start(info) ?? throw new InvalidOperationException("could not start rapport");
    }

    private static object? Scalar(string file, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ConnectionString);
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }

    /// <summary>A LinkedIn Connections.csv (preamble, header) with rows <paramref name="from"/> to <paramref name="count"/> − 1, each a distinct person.</summary>
    private static string Connections(int from, int count)
    {
        var sb = new StringBuilder("Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\n\n");
        sb.Append("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n");
        for (var i = from; i < count; i++)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"Person{i},Family{i % 97},https://www.linkedin.com/in/person-{i:x6},{(i % 10 == 0 ? $"person{i}@example.org" : "")},Company{i % 13},Engineer,{1 + i % 28:00} Mar {2010 + i % 16}\n");
        }
        return sb.ToString();
    }
}
