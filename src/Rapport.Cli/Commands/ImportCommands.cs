using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Rapport.App.Common;
using Rapport.App.Import;
using Rapport.Formats;
using Rapport.Formats.Records;

namespace Rapport.Cli.Commands;

/// <summary>`rapport import &lt;format&gt; &lt;path&gt; [--dry-run]`.</summary>
internal static class ImportCommands
{
    public static Command Import(CommandServices s)
    {
        var format = new Argument<string>("format") { Description = "linkedin, google, outlook, vcard, ics, mbox, csv (Rapport's own), or auto to tell by content." };
        var path = new Argument<string>("path") { Description = "The file; for LinkedIn also the export's folder or the .zip as downloaded." };
        var dryRun = Opt.Of<bool>("--dry-run", "Read and match everything and report what would happen; write nothing.");
        var skipBad = Opt.Of<bool>("--skip-bad-rows", "Import the good rows and report the bad ones, instead of refusing the whole file at the first bad row.");
        var progress = Opt.Of<bool>("--progress", "Show rows, rate and time left on stderr even when it is not a terminal.");
        var rows = Opt.Of<bool>("--rows", "List every row with what became of it (with --json: include them).");
        var cmd = new Command("import",
            "Bring contacts and history in: a LinkedIn archive, Google or Outlook CSV, vCard, iCalendar or mbox. " +
            "Matches by LinkedIn URL, email, phone, then name with company; re-importing changes nothing; a changed company or title records a life event. " +
            "A recurring meeting counts once for each time it has happened (its first and latest 500 at most); those still to come are left for a later import. " +
            "One transaction: a bad file is refused with file:line:column and nothing is written.")
            .With(format, path, dryRun, skipBad, progress, rows);
        cmd.SetAction(async (p, ct) =>
        {
            var ctx = s.Context(p);
            var name = p.GetValue(format)!.Trim().ToLowerInvariant();
            if (name == "json")
                throw new InputException("format", "format: a Rapport JSON export comes back with `rapport restore <file>` (into an empty database), not through import");
            var kind = Input.ParseEnum("format", name, Formats);
            using var hold = CollectorHold.Begin(ImportCollectorBudget);
            var dry = p.GetValue(dryRun);
            // A dry run neither creates the database file nor upgrades it: it reads a throw-away copy where it would.
            await using var lease = dry ? await ctx.StoreWritingNothingAsync(ct) : null;
            await using var db = lease is not null ? lease.Store.Open() : await ctx.OpenAsync(ct);
            var request = new ImportRequest
            {
                Kind = kind, Path = p.GetValue(path), DryRun = dry, SkipBadRows = p.GetValue(skipBad), Progress = new ImportProgress(),
            };
            var terminal = ReferenceEquals(ctx.Err, Console.Error) && !Console.IsErrorRedirected;
            ImportResult result;
            var watch = Stopwatch.StartNew();
            await using (var reporter = ProgressReporter.Start(ctx.Err, request.Progress, p.GetValue(progress) || terminal, terminal, always: p.GetValue(progress)))
            {
                try
                {
                    result = await new ImportNetwork(db, ctx.Clock).ExecuteAsync(request, ct);
                }
                catch (ImportFormatException e)
                {
                    throw new InputException("file", e.Message);
                }
            }
            if (ctx.Json)
            {
                await ctx.WriteJsonAsync(p.GetValue(rows) ? result : result with { Rows = [] });
                return 0;
            }
            await WriteAsync(ctx.Out, result, watch.Elapsed, p.GetValue(rows));
            return 0;
        });
        return cmd;
    }

    /// <summary>The format names, as the help gives them.</summary>
    private static readonly Dictionary<string, ImportSourceKind> Formats = new(StringComparer.Ordinal)
    {
        ["linkedin"] = ImportSourceKind.LinkedIn, ["google"] = ImportSourceKind.Google, ["outlook"] = ImportSourceKind.Outlook,
        ["vcard"] = ImportSourceKind.VCard, ["ics"] = ImportSourceKind.Ics, ["mbox"] = ImportSourceKind.Mbox, ["csv"] = ImportSourceKind.Csv,
        ["auto"] = ImportSourceKind.Auto,
    };

    /// <summary>
    /// What an import may allocate before the collector runs (<see cref="CollectorHold"/>): a 30,000-row Connections.csv
    /// allocates about 160 MB, all of it alive until the import ends. A bigger file collects as usual past this.
    /// </summary>
    internal const long ImportCollectorBudget = 256L << 20;

    private static async Task WriteAsync(TextWriter o, ImportResult r, TimeSpan elapsed, bool rows)
    {
        var inv = CultureInfo.InvariantCulture;
        await o.WriteLineAsync(r.DryRun
            ? $"Dry run of {r.File} ({r.Format}): nothing was written. It would give:"
            : string.Create(inv, $"Imported {r.File} ({r.Format}) in {elapsed.TotalSeconds:0.00} s:"));
        await o.WriteLineAsync($"  contacts:     {Counts(r.Contacts)}");
        await o.WriteLineAsync($"  interactions: {Counts(r.Interactions)}");
        if (r.LifeEvents > 0) await o.WriteLineAsync($"  life events:  {r.LifeEvents} (new jobs and promotions)");
        if (r.Exchanges > 0) await o.WriteLineAsync($"  given:        {r.Exchanges} endorsements and recommendations in your ledger");
        if (r.Positions > 0) await o.WriteLineAsync($"  your history: {r.Positions} positions");
        foreach (var ignored in r.IgnoredFiles.Take(5)) await o.WriteLineAsync($"  left aside:   {ignored}");
        if (r.IgnoredFiles.Count > 5) await o.WriteLineAsync($"  left aside:   {r.IgnoredFiles.Count - 5} more files");
        foreach (var warning in r.Warnings) await o.WriteLineAsync($"  warning:      {warning}");
        if (r.FirstReasons.Count > 0)
        {
            await o.WriteLineAsync("First reasons:");
            foreach (var reason in r.FirstReasons) await o.WriteLineAsync("  " + reason);
        }
        if (!rows) return;
        await o.WriteLineAsync("Rows:");
        foreach (var row in r.Rows)
        {
            var details = row.Details.Count == 0 ? "" : " — " + string.Join("; ", row.Details);
            await o.WriteLineAsync(string.Create(inv, $"  {row.File}:{row.Line} {Input.Kebab(row.Outcome)} {row.Record}{(row.Label.Length > 0 ? " " + row.Label : "")}{details}"));
        }
    }

    private static string Counts(ImportCounts c) => string.Create(CultureInfo.InvariantCulture,
        $"{c.New:N0} new, {c.Updated:N0} updated, {c.Merged:N0} merged, {c.Unchanged:N0} unchanged, {c.Rejected:N0} rejected, {c.Skipped:N0} skipped");
}

/// <summary>
/// Shows how a long import goes, stage by stage: reading (rows, rate, share of the input, time left), matching, writing
/// (rows written of all, rate, time left) and saving,
/// rewritten in place on a terminal, a line a second elsewhere. On a terminal nothing shows for imports shorter than half a second.
/// </summary>
public sealed class ProgressReporter : IAsyncDisposable
{
    private readonly TextWriter _err;
    private readonly ImportProgress _progress;
    private readonly bool _terminal;
    private readonly CancellationTokenSource _stop = new();
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly Task _loop;
    private bool _shown;

    private ProgressReporter(TextWriter err, ImportProgress progress, bool terminal, bool always)
    {
        _err = err;
        _progress = progress;
        _terminal = terminal;
        _shown = always;
        _loop = RunAsync();
    }

    /// <summary>Starts reporting when <paramref name="show"/>; with <paramref name="always"/> the final line is written even for a short import.</summary>
    public static ProgressReporter? Start(TextWriter err, ImportProgress progress, bool show, bool terminal, bool always) =>
        show ? new ProgressReporter(err, progress, terminal, always) : null;

    private async Task RunAsync()
    {
        try
        {
            await Task.Delay(500, _stop.Token);
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(_terminal ? 200 : 1000));
            do
            {
                await WriteAsync(final: false);
            }
            while (await timer.WaitForNextTickAsync(_stop.Token));
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task WriteAsync(bool final)
    {
        var line = Line(_progress, _watch.Elapsed, final);
        lock (_err)
        {
            if (_terminal) _err.Write("\r" + line.PadRight(72));
            else _err.WriteLine(line);
            if (final && _terminal) _err.WriteLine();
        }
        _shown = true;
        await _err.FlushAsync();
    }

    /// <summary>
    /// The progress line of each stage: reading (rows, rate, share of the input, time left), matching, writing (rows
    /// written of all, rate, time left), saving, preparing the insights; and at the end the totals with the time taken.
    /// </summary>
    public static string Line(ImportProgress progress, TimeSpan elapsed, bool final)
    {
        var inv = CultureInfo.InvariantCulture;
        var seconds = Math.Max(elapsed.TotalSeconds, 0.001);
        var read = progress.RowsRead;
        var toWrite = progress.RowsToWrite;
        var written = progress.RowsWritten;
        if (final)
        {
            return written > 0
                ? string.Create(inv, $"{Rows(read)} read, {Rows(written)} written in {seconds:0.0} s")
                : string.Create(inv, $"{Rows(read)} read in {seconds:0.0} s");
        }
        if (progress.PreparingInsights) return string.Create(inv, $"preparing the insights: {Rows(read)} read, {Rows(written)} written");
        if (toWrite is { } total)
        {
            if (written >= total) return string.Create(inv, $"saving: {Rows(read)} read, {Rows(written)} written");
            var writing = Math.Max(Stopwatch.GetElapsedTime(progress.WritingStartedAt).TotalSeconds, 0.001);
            // No rate before the first rows are written: "0 rows/s" would only say the writing has not begun.
            if (written == 0) return string.Create(inv, $"writing: {Rows(total)}");
            return string.Create(inv, $"writing: {written:N0} of {Rows(total)}, {written / writing:N0} rows/s, about {Math.Ceiling((total - written) * writing / written):0} s left");
        }
        if (progress.TotalBytes is { } bytes && bytes > 0)
        {
            var done = Math.Min(1.0, (double)progress.BytesRead / bytes);
            if (done >= 1) return string.Create(inv, $"matching: {Rows(read)} read");
            var line = string.Create(inv, $"reading: {Rows(read)}, {read / seconds:N0} rows/s, {done * 100:0}%");
            return done > 0.01 ? line + string.Create(inv, $", about {Math.Ceiling(seconds / done - seconds):0} s left") : line;
        }
        return string.Create(inv, $"reading: {Rows(read)}, {read / seconds:N0} rows/s");
    }

    private static string Rows(long n) => n == 1 ? "1 row" : n.ToString("N0", CultureInfo.InvariantCulture) + " rows";

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        if (_shown) await WriteAsync(final: true);
        _stop.Dispose();
    }
}
