using Rapport.Data;
using Rapport.Data.Storage;
using Rapport.Domain.Interactions;
using Rapport.Domain.Nurture;

namespace Rapport.App.Insights;

/// <summary>
/// The account's interaction history in two forward-only scans read straight from the database: who took part in
/// what, and when and how each interaction happened. The insights read every row of both, so entity materialization
/// would cost more than the database does; on SQLite the rows are read in place, without a string per value.
/// </summary>
/// <remarks>
/// Kept as arrays: the participant rows ordered by interaction, and the interactions not in the trash ordered by id,
/// joined once so that each participant row knows its interaction's place (or that it is in the trash).
/// </remarks>
internal sealed class HistoryScan
{
    private readonly long[] _interactionIds;
    private readonly long[] _contactIds;
    private readonly int[] _row;
    private readonly DateTime[] _at;
    private readonly Channel[] _channels;
    private readonly Direction[] _directions;

    private HistoryScan(long[] interactionIds, long[] contactIds, long[] ids, DateTime[] at, Channel[] channels, Direction[] directions)
    {
        _interactionIds = interactionIds;
        _contactIds = contactIds;
        _at = at;
        _channels = channels;
        _directions = directions;
        LastInteractionId = Math.Max(interactionIds.Length > 0 ? interactionIds[^1] : 0, ids.Length > 0 ? ids[^1] : 0);
        // Both are ordered by interaction id: one merge finds each participant row's interaction.
        _row = new int[interactionIds.Length];
        var i = 0;
        for (var k = 0; k < interactionIds.Length; k++)
        {
            while (i < ids.Length && ids[i] < interactionIds[k]) i++;
            _row[k] = i < ids.Length && ids[i] == interactionIds[k] ? i : -1;
        }
    }

    /// <summary>The largest interaction id read (0 for none): an interaction above it has no touch here.</summary>
    public long LastInteractionId { get; }

    /// <summary>How many participant rows there are.</summary>
    public int Count => _interactionIds.Length;

    /// <summary>The interaction of participant row <paramref name="k"/>; the rows are ordered by it, then by contact.</summary>
    public long InteractionId(int k) => _interactionIds[k];

    /// <summary>The contact of participant row <paramref name="k"/>.</summary>
    public long ContactId(int k) => _contactIds[k];

    /// <summary>Whether the interaction of participant row <paramref name="k"/> is outside the trash.</summary>
    public bool Live(int k) => _row[k] >= 0;

    /// <summary>The touch participant row <paramref name="k"/> gives its contact (the interaction must be <see cref="Live"/>).</summary>
    public Touch TouchOf(int k)
    {
        var i = _row[k];
        return new Touch(_at[i], _channels[i], _directions[i]);
    }

    public static async Task<HistoryScan> ReadAsync(RapportDbContext db, CancellationToken ct)
    {
        const string participantsSql = """SELECT "InteractionId", "ContactId" FROM "InteractionParticipants" WHERE "AccountId" = @account ORDER BY "InteractionId", "ContactId" """;
        const string interactionsSql = """SELECT "Id", "OccurredAt", "Channel", "Direction" FROM "Interactions" WHERE "AccountId" = @account AND "DeletedAt" IS NULL ORDER BY "Id" """;
        var interactionIds = new List<long>();
        var contactIds = new List<long>();
        await AccountRows.ScanAsync(db, participantsSql, row =>
        {
            interactionIds.Add(row.GetInt64(0));
            contactIds.Add(row.GetInt64(1));
        }, ct);

        // An interaction without participants is of no use here, so the participant count bounds what is kept.
        var ids = new List<long>(interactionIds.Count);
        var at = new List<DateTime>(interactionIds.Count);
        var channels = new List<Channel>(interactionIds.Count);
        var directions = new List<Direction>(interactionIds.Count);
        await AccountRows.ScanAsync(db, interactionsSql, row =>
        {
            ids.Add(row.GetInt64(0));
            at.Add(row.GetUtcTime(1));
            channels.Add(row.GetEnum<Channel>(2));
            directions.Add(row.GetEnum<Direction>(3));
        }, ct);
        return new HistoryScan([.. interactionIds], [.. contactIds], [.. ids], [.. at], [.. channels], [.. directions]);
    }
}
