using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Rapport.App.Common;
using Rapport.Cli.Commands;
using Rapport.Data.Storage;
using Rapport.Domain;

namespace Rapport.Cli;

/// <summary>
/// The `rapport` command line: builds the command tree, parses, runs, and maps failures to the
/// exit codes of the contract (0 success, 1 failure, 2 bad input or usage).
/// </summary>
public static class RapportCli
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int BadInput = 2;

    public static readonly Option<string?> DbOption = new("--db")
    {
        Description = "The database: a SQLite file path, or a PostgreSQL connection string such as \"Host=localhost;Database=rapport;Username=me\". Default: $RAPPORT_DB, else a SQLite file in your data folder.",
        Recursive = true,
    };

    public static readonly Option<bool> JsonOption = new("--json")
    {
        Description = "Print the result as JSON (camelCase fields, ISO 8601 dates) instead of text; a failure then is a JSON object on standard error.",
        Recursive = true,
    };

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, Func<string, string?> env, CancellationToken ct = default)
    {
        var root = new RootCommand(
            "Rapport: build, nurture and use your professional network, on your own machine.\n" +
            "Environment: RAPPORT_DB (default database), RAPPORT_NOW (an ISO date or date-time that replaces \"now\" for every computation).\n" +
            "Exit codes: 0 success, 1 failure, 2 bad input or usage.");
        root.Options.Add(DbOption);
        root.Options.Add(JsonOption);

        var services = new CommandServices(env, stdout, stderr);
        foreach (var command in CommandCatalog.All(services)) root.Subcommands.Add(command);

        var parse = root.Parse(args);
        var json = parse.GetValue(JsonOption);
        if (parse.Errors.Count > 0)
        {
            if (json)
            {
                await WriteJsonErrorAsync(stderr, BadInput, string.Join("; ", parse.Errors.Select(e => e.Message)), null);
                return BadInput;
            }
            foreach (var error in parse.Errors) await stderr.WriteLineAsync($"error: {error.Message}");
            await stderr.WriteLineAsync("Run 'rapport --help' (or 'rapport <command> --help') for usage.");
            return BadInput;
        }
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false }, ct);
        }
        catch (Exception e) when (Unwrap(e) is { } inner && inner is not OperationCanceledException)
        {
            var (code, field, message) = Describe(inner);
            if (json) await WriteJsonErrorAsync(stderr, code, message, field, inner as InputException);
            else await stderr.WriteLineAsync($"error: {message}");
            return code;
        }
    }

    private static Exception Unwrap(Exception e) => e is AggregateException { InnerException: { } i } ? Unwrap(i) : e;

    /// <summary>The exit code, the field at fault (if known) and the message for a failure.</summary>
    private static (int Code, string? Field, string Message) Describe(Exception e) => e switch
    {
        InputException ie => (BadInput, ie.Field, ie.Message),
        DomainException de => (BadInput, de.Field, $"{de.Field}: {de.Message}"),
        ArgumentException ae when ae.Message.StartsWith("--", StringComparison.Ordinal) => (BadInput, null, ae.Message),
        DbUpdateException due => (Failure, null, $"the database refused the change: {due.InnerException?.Message ?? due.Message}"),
        _ => (Failure, null, $"{e.GetType().Name}: {e.Message}"),
    };

    /// <summary>
    /// With --json a failure is one JSON object on standard error, so that a script reads it as it reads results:
    /// {"error": {"exitCode", "field", "message", "candidates"}} (candidates: where a name matched several contacts); standard
    /// output stays empty.
    /// </summary>
    private static async Task WriteJsonErrorAsync(TextWriter stderr, int code, string message, string? field, InputException? input = null)
    {
        var error = new JsonError(code, field, message, [.. (input?.Candidates ?? []).Select(c => new JsonCandidate(c.Id, c.Name))]);
        await stderr.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(new { error }, CliContext.JsonOptions));
    }

    private sealed record JsonError(int ExitCode, string? Field, string Message, IReadOnlyList<JsonCandidate> Candidates);

    private sealed record JsonCandidate(long Id, string Name);
}

/// <summary>What command actions share: the environment and the output streams.</summary>
public sealed class CommandServices(Func<string, string?> env, TextWriter stdout, TextWriter stderr)
{
    public Func<string, string?> Env { get; } = env;

    /// <summary>The context for one invocation: --db over RAPPORT_DB over the default file, RAPPORT_NOW for the clock.</summary>
    public CliContext Context(ParseResult parse)
    {
        var db = parse.GetValue(RapportCli.DbOption) ?? Env("RAPPORT_DB");
        var target = DbTarget.Parse(db);
        // The default file's folder is made on first use; a file named by hand must be in a folder that exists, so that a
        // mistyped path is an error rather than a new, empty database.
        if (!string.IsNullOrWhiteSpace(db) && target.FilePath is { } file) OutputFile.RequireFolder("db", file);
        return new CliContext(target, CliContext.ClockFrom(Env("RAPPORT_NOW")), stdout, stderr, parse.GetValue(RapportCli.JsonOption));
    }
}
