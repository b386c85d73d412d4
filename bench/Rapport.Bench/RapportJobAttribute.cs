using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Rapport.Bench;

/// <summary>
/// The short job every Rapport benchmark runs with: few warm-up and measured iterations, so the whole suite
/// finishes in minutes on two cores. Benchmarks run in this process (no generated project is built), so a run
/// never rebuilds src/ while others edit it; each class frees its data in its global clean-up.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RapportJobAttribute(int warmupCount = 2, int iterationCount = 7, bool oneShot = false)
    : JobConfigBaseAttribute(Create(warmupCount, iterationCount, oneShot))
{
    public int WarmupCount { get; } = warmupCount;
    public int IterationCount { get; } = iterationCount;

    /// <summary>True for benchmarks that take seconds per call: one call per iteration, no pilot stage.</summary>
    public bool OneShot { get; } = oneShot;

    private static Job Create(int warmupCount, int iterationCount, bool oneShot)
    {
        var job = Job.Default.WithWarmupCount(warmupCount).WithIterationCount(iterationCount).WithToolchain(InProcessEmitToolchain.Instance);
        return oneShot ? job.WithStrategy(RunStrategy.Monitoring).WithInvocationCount(1).WithUnrollFactor(1) : job;
    }
}
