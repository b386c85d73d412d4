using Rapport.Formats.Records;

namespace Rapport.App.Import;

/// <summary>The kinds of file <see cref="ImportNetwork"/> reads; <see cref="Auto"/> tells them apart by content.</summary>
public enum ImportSourceKind { Auto, LinkedIn, Google, Outlook, VCard, Ics, Mbox, Csv }

/// <summary>
/// One import: a file, folder or .zip by <see cref="Path"/>, or an uploaded stream (<see cref="Content"/> with its
/// <see cref="FileName"/>). A dry run reads and matches everything and writes nothing.
/// </summary>
public sealed record ImportRequest
{
    public ImportSourceKind Kind { get; init; } = ImportSourceKind.Auto;

    /// <summary>A file, a LinkedIn export folder or a .zip on disk.</summary>
    public string? Path { get; init; }

    /// <summary>The file's bytes when it was uploaded rather than named by path.</summary>
    public Stream? Content { get; init; }

    /// <summary>The name to show in messages (defaults to the path as given).</summary>
    public string? FileName { get; init; }

    /// <summary>Read, match and report, but write nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>Import the good rows and report the bad ones instead of refusing the whole file at the first bad row.</summary>
    public bool SkipBadRows { get; init; }

    /// <summary>Counters the readers update; another thread may poll them to show rows, rate and time left.</summary>
    public ImportProgress Progress { get; init; } = new();
}

/// <summary>What became of one row of the input.</summary>
public enum ImportOutcome
{
    /// <summary>A new contact or interaction was created.</summary>
    New,
    /// <summary>It matched what an earlier import of the same source created, and something changed.</summary>
    Updated,
    /// <summary>It matched an existing contact by LinkedIn URL, email, phone or name and company (or an earlier row), and was folded into it.</summary>
    Merged,
    /// <summary>It matched and nothing changed.</summary>
    Unchanged,
    /// <summary>The row was bad (see the reason); it was not imported.</summary>
    Rejected,
    /// <summary>Left out on purpose: no known contact took part, the meeting was cancelled, the contact is in the trash.</summary>
    Skipped,
}

/// <summary>One row of the input and what became of it: the preview line of the import page.</summary>
/// <param name="Record">contact, interaction, position or profile.</param>
/// <param name="Label">The name or subject, to recognise the row.</param>
/// <param name="ContactId">The contact it created or matched (existing contacts only on a dry run).</param>
/// <param name="Details">What changed, or why it was rejected or skipped.</param>
public sealed record ImportRow(string File, long Line, string Record, string Label, ImportOutcome Outcome, long? ContactId, IReadOnlyList<string> Details);

/// <summary>How many rows had each outcome.</summary>
public sealed record ImportCounts(int New, int Updated, int Merged, int Unchanged, int Rejected, int Skipped)
{
    internal static ImportCounts Of(IEnumerable<ImportRow> rows) => new(
        rows.Count(r => r.Outcome == ImportOutcome.New), rows.Count(r => r.Outcome == ImportOutcome.Updated),
        rows.Count(r => r.Outcome == ImportOutcome.Merged), rows.Count(r => r.Outcome == ImportOutcome.Unchanged),
        rows.Count(r => r.Outcome == ImportOutcome.Rejected), rows.Count(r => r.Outcome == ImportOutcome.Skipped));

    public int Total => New + Updated + Merged + Unchanged + Rejected + Skipped;
}

/// <summary>The result of an import or a dry run: counts, the first reasons, and every row with its outcome.</summary>
public sealed record ImportResult
{
    public required string Format { get; init; }
    public required string File { get; init; }
    public required bool DryRun { get; init; }
    public required ImportCounts Contacts { get; init; }
    public required ImportCounts Interactions { get; init; }

    /// <summary>New jobs and promotions found because a company or title changed.</summary>
    public required int LifeEvents { get; init; }

    /// <summary>Endorsements and recommendations you gave, entered in the give/ask ledger.</summary>
    public required int Exchanges { get; init; }

    /// <summary>Your own positions (LinkedIn Positions.csv) recorded as memberships.</summary>
    public required int Positions { get; init; }

    /// <summary>Files of an archive that were left aside, with the reason.</summary>
    public required IReadOnlyList<string> IgnoredFiles { get; init; }

    /// <summary>What the import could not do well and how to mend it (mail read without your own addresses).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The first reasons rows were rejected or skipped, in file order (at most 10).</summary>
    public required IReadOnlyList<string> FirstReasons { get; init; }

    /// <summary>Every row with its outcome, in file order.</summary>
    public required IReadOnlyList<ImportRow> Rows { get; init; }
}
