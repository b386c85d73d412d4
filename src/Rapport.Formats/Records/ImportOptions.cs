namespace Rapport.Formats.Records;

/// <summary>
/// What a reader needs to know about the user and how strict to be. With <see cref="SkipBadRows"/> a bad row
/// is recorded in <see cref="ImportProgress.Rejected"/> and reading goes on; without it the row's
/// <see cref="ImportFormatException"/> is thrown. A bad file (not the format at all) always throws.
/// </summary>
public sealed record ImportOptions
{
    /// <summary>The user's own email addresses; they decide direction and are left out of participants.</summary>
    public IReadOnlyCollection<string> OwnEmails { get; init; } = [];

    /// <summary>The user's name as LinkedIn shows it, when known outside the archive.</summary>
    public string? OwnerName { get; init; }

    /// <summary>The user's LinkedIn profile URL, when known.</summary>
    public string? OwnerProfileUrl { get; init; }

    /// <summary>The import's clock: recurring calendar events are expanded into the occurrences that have happened by now.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Record bad rows and go on instead of stopping at the first.</summary>
    public bool SkipBadRows { get; init; }

    /// <summary>Where readers report rows and bytes read; poll it from another thread to show rate and time left.</summary>
    public ImportProgress Progress { get; init; } = new();

    internal bool IsOwnEmail(string? address)
    {
        if (address is null) return false;
        foreach (var own in OwnEmails)
            if (string.Equals(own.Trim(), address, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    internal void Reject(ImportFormatException error)
    {
        if (!SkipBadRows) throw error;
        Progress.AddRejected(error);
    }
}

/// <summary>A record a reader left out on purpose: where it starts and why (which is no error in the file).</summary>
public sealed record ImportSkip(string File, long Line, string Reason)
{
    public override string ToString() => $"{File}:{Line}: skipped {Reason}";
}

/// <summary>Counters a reader updates as it goes; safe to read from another thread.</summary>
public sealed class ImportProgress
{
    private long _rows;
    private long _bytes;
    private long _total = -1;
    private long _skipped;
    private readonly List<ImportFormatException> _rejected = [];
    private readonly List<ImportSkip> _skipReasons = [];
    private long _toWrite = -1;
    private long _written;
    private long _writingStarted;
    private int _preparing;

    /// <summary>Records (rows, cards, events, messages) read so far.</summary>
    public long RowsRead => Interlocked.Read(ref _rows);

    /// <summary>Bytes of input consumed so far.</summary>
    public long BytesRead => Interlocked.Read(ref _bytes);

    /// <summary>Total bytes of input, when known.</summary>
    public long? TotalBytes => Interlocked.Read(ref _total) is var t && t >= 0 ? t : null;

    /// <summary>Records deliberately left out (newsletters, no-reply senders, system messages).</summary>
    public long Skipped => Interlocked.Read(ref _skipped);

    /// <summary>Bad rows recorded when <see cref="ImportOptions.SkipBadRows"/> is set (the first 1,000).</summary>
    public IReadOnlyList<ImportFormatException> Rejected { get { lock (_rejected) return _rejected.ToArray(); } }

    /// <summary>
    /// Rows the import writes in bulk (new contacts with the rows that hang off them, new interactions with their
    /// participants), once matching is done and writing began; null before. Updates to existing records come after them.
    /// </summary>
    public long? RowsToWrite => Interlocked.Read(ref _toWrite) is var t && t >= 0 ? t : null;

    /// <summary>Rows written so far.</summary>
    public long RowsWritten => Interlocked.Read(ref _written);

    /// <summary>When writing began (<see cref="System.Diagnostics.Stopwatch"/> ticks), for the write rate.</summary>
    public long WritingStartedAt => Interlocked.Read(ref _writingStarted);

    /// <summary>Matching is done: <paramref name="rows"/> rows are about to be written.</summary>
    public void BeginWriting(long rows)
    {
        Interlocked.Exchange(ref _writingStarted, System.Diagnostics.Stopwatch.GetTimestamp());
        Interlocked.Exchange(ref _written, 0);
        Interlocked.Exchange(ref _toWrite, Math.Max(0, rows));
    }

    /// <summary>Some more rows were written.</summary>
    public void AddWritten(long rows) => Interlocked.Add(ref _written, rows);

    /// <summary>The rows are saved, and what the insights start from is being kept up to date with them.</summary>
    public bool PreparingInsights => Volatile.Read(ref _preparing) == 1;

    /// <summary>The rows are saved: the insights' inputs are brought up to date next.</summary>
    public void BeginPreparingInsights() => Volatile.Write(ref _preparing, 1);

    /// <summary>How many bad rows were met in all.</summary>
    public long RejectedCount { get; private set; }

    public void AddRow() => Interlocked.Increment(ref _rows);

    public void AddSkipped() => Interlocked.Increment(ref _skipped);

    /// <summary>Records left out where a reader says why (the first 1,000; <see cref="Skipped"/> counts them all).</summary>
    public IReadOnlyList<ImportSkip> SkipReasons { get { lock (_skipReasons) return _skipReasons.ToArray(); } }

    /// <summary>A record was deliberately left out, for the reason given.</summary>
    public void AddSkipped(ImportSkip skip)
    {
        Interlocked.Increment(ref _skipped);
        lock (_skipReasons)
        {
            if (_skipReasons.Count < 1000) _skipReasons.Add(skip);
        }
    }

    public void SetBytes(long bytes) => Interlocked.Exchange(ref _bytes, bytes);

    public void AddBytes(long bytes) => Interlocked.Add(ref _bytes, bytes);

    public void AddTotal(long bytes)
    {
        if (bytes < 0) return;
        if (Interlocked.CompareExchange(ref _total, bytes, -1) != -1) Interlocked.Add(ref _total, bytes);
    }

    internal void AddRejected(ImportFormatException error)
    {
        lock (_rejected)
        {
            RejectedCount++;
            if (_rejected.Count < 1000) _rejected.Add(error);
        }
    }
}
