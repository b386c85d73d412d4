using System.Text.Json;
using Rapport.Data.Tests.Support;

namespace Rapport.Cli.Tests;

/// <summary>Runs the `rapport` command line in process against one test database, as a script would.</summary>
public sealed class CliRunner(TestDatabase db, string now = "2026-11-20T09:00:00Z")
{
    public sealed record Result(int ExitCode, string Out, string Err)
    {
        public JsonElement Json => JsonDocument.Parse(Out).RootElement;
    }

    public async Task<Result> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var env = new Dictionary<string, string?> { ["RAPPORT_DB"] = db.Target.Provider == Data.Storage.DbProvider.Sqlite ? db.Target.FilePath : db.Target.ConnectionString, ["RAPPORT_NOW"] = now };
        var code = await RapportCli.RunAsync(args, stdout, stderr, k => env.GetValueOrDefault(k));
        return new Result(code, stdout.ToString(), stderr.ToString());
    }
}
