using System.Diagnostics;
using System.Text;
using Rapport.Formats.LinkedIn;

namespace Rapport.Formats.Tests.Csv;

/// <summary>Timing tests run alone, so that the property tests' allocations do not skew them.</summary>
[CollectionDefinition(nameof(TimingCollection), DisableParallelization = true)]
public sealed class TimingCollection;

[Collection(nameof(TimingCollection))]
public class ConnectionsThroughputTest
{
    /// <summary>CPU time consumed by the calling thread (Linux clock_gettime; elsewhere the process's, which over-counts).</summary>
    private static class ThreadCpu
    {
        [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
        private struct Timespec { public long Seconds; public long Nanoseconds; }

        [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
        private static extern int ClockGetTime(int clock, out Timespec time);

        public static TimeSpan Now()
        {
            if (OperatingSystem.IsLinux() && ClockGetTime(3 /* CLOCK_THREAD_CPUTIME_ID */, out var t) == 0)
                return TimeSpan.FromTicks(t.Seconds * TimeSpan.TicksPerSecond + t.Nanoseconds / 100);
            return Process.GetCurrentProcess().TotalProcessorTime;
        }
    }

    [Fact]
    public void ThirtyThousandConnections_AreParsedWellUnderATenthOfASecond()
    {
        var sb = new StringBuilder("Notes:\n\"When exporting your connection data...\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n");
        for (var i = 0; i < 30_000; i++)
            sb.Append("First").Append(i).Append(",Last,https://www.linkedin.com/in/person-").Append(i).Append(",,\"Company, Inc.\",Senior Engineer,22 Dec 2025\n");
        var bytes = Encoding.UTF8.GetBytes(sb.ToString());

        // CPU time of this thread (the reader runs synchronously on it), so that other processes sharing
        // the machine do not make the measure flaky; wall time is reported alongside.
        (double Cpu, long Wall) Run()
        {
            var watch = Stopwatch.StartNew();
            var cpu = ThreadCpu.Now();
            using var archive = LinkedInArchive.Open(new MemoryStream(bytes), "Connections.csv");
            var count = archive.Connections().Count();
            var used = (ThreadCpu.Now() - cpu).TotalMilliseconds;
            Assert.Equal(30_000, count);
            return (used, watch.ElapsedMilliseconds);
        }

        Run(); // warm up the JIT
        var runs = Enumerable.Range(0, 5).Select(_ => Run()).ToList();
        var best = runs.Min(r => r.Cpu);
        Assert.True(best < 100, $"30,000 rows took {best:0} ms of CPU (wall: {string.Join(", ", runs.Select(r => r.Wall))} ms)");
    }
}
