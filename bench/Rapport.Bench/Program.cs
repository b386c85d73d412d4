using System.Globalization;
using BenchmarkDotNet.Running;
using Rapport.Bench;
using Rapport.Bench.Scenarios;

// Two modes:
//   --scenario N[,N...] [--seed S] [--fresh]   write the demo network scenario files (N = 1000, 20000, 100000 or "all") and print the times
//                                              (with RAPPORT_BENCH_PG set: the scenario databases on that PostgreSQL server)
//   anything else                              BenchmarkDotNet, e.g. --filter '*' or --list flat
if (args.Length > 0 && args[0] == "--scenario")
{
    return await ScenarioCommand.RunAsync(args[1..]);
}
BenchmarkSwitcher.FromAssembly(typeof(ScenarioFiles).Assembly).Run(args, BenchConfig.Create());
return 0;

/// <summary>The <c>--scenario</c> mode: writes scenario files and reports how long the demo write took.</summary>
internal static class ScenarioCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var inv = CultureInfo.InvariantCulture;
        if (args.Length == 0)
        {
            Console.Error.WriteLine("--scenario: expected a contact count (1000, 20000, 100000, a comma-separated list, or all)");
            return 2;
        }
        int[] sizes;
        try
        {
            sizes = args[0] == "all"
                ? ScenarioFiles.StandardSizes
                : [.. args[0].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => int.Parse(s.Replace("_", "", StringComparison.Ordinal), inv))];
        }
        catch (FormatException)
        {
            Console.Error.WriteLine($"--scenario: expected a contact count, got '{args[0]}'");
            return 2;
        }
        var seed = ScenarioFiles.DefaultSeed;
        var fresh = false;
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--fresh") fresh = true;
            else if (args[i] == "--seed" && i + 1 < args.Length && int.TryParse(args[i + 1], inv, out var s)) { seed = s; i++; }
            else
            {
                Console.Error.WriteLine($"--scenario: unknown option '{args[i]}' (expected --seed S or --fresh)");
                return 2;
            }
        }

        foreach (var n in sizes)
        {
            if (ScenarioDatabases.Server is { } server)
            {
                var (database, time) = await ScenarioDatabases.EnsureAsync(server, n, seed, fresh);
                if (time is { } t) Console.WriteLine(string.Create(inv, $"{n,7} contacts: demo write {t.TotalSeconds:0.00} s -> PostgreSQL database {database}"));
                else Console.WriteLine(string.Create(inv, $"{n,7} contacts: reused PostgreSQL database {database}; pass --fresh to time a new write"));
                continue;
            }
            var w = await ScenarioFiles.EnsureAsync(n, seed, fresh);
            if (w.Reused)
            {
                Console.WriteLine(string.Create(inv, $"{n,7} contacts: reused {w.Path} ({w.Bytes / 1048576.0:0.0} MiB); pass --fresh to time a new write"));
                continue;
            }
            Console.WriteLine(string.Create(inv,
                $"{n,7} contacts: demo write {w.Demo.TotalSeconds:0.00} s (migrations {w.Migrate.TotalMilliseconds:0} ms) -> {w.Path} ({w.Bytes / 1048576.0:0.0} MiB): {w.Summary}"));
        }
        return 0;
    }
}
