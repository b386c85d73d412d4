-- Prints the latency percentiles wrk's --latency leaves out (p95), in milliseconds, as one parsable line.
done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors=%d p50=%.2f p90=%.2f p95=%.2f p99=%.2f max=%.2f rps=%.1f\n",
    summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, summary.requests / (summary.duration / 1e6)))
end
