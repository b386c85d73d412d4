using Rapport.Data;
using Rapport.Data.Storage;
using Rapport.Domain.Interactions;

namespace Rapport.App.Insights;

/// <summary>
/// The account's interaction history in two forward-only scans read straight from the data reader (SQLite and
/// PostgreSQL alike): who took part in what, and when and how each interaction happened. The insights read every
/// row of both, so entity materialization would cost more than the database does.
/// </summary>
internal sealed class HistoryScan
{
    private HistoryScan(long[] interactionIds, long[] contactIds, Dictionary<long, (DateTime At, Channel Channel, Direction Direction)> interactions)
    {
        InteractionIds = interactionIds;
        ContactIds = contactIds;
        Interactions = interactions;
    }

    /// <summary>Participant rows ordered by interaction: <see cref="InteractionIds"/>[k] had <see cref="ContactIds"/>[k] in it.</summary>
    public long[] InteractionIds { get; }

    /// <inheritdoc cref="InteractionIds"/>
    public long[] ContactIds { get; }

    /// <summary>The interactions not in the trash, by id.</summary>
    public Dictionary<long, (DateTime At, Channel Channel, Direction Direction)> Interactions { get; }

    public static async Task<HistoryScan> ReadAsync(RapportDbContext db, CancellationToken ct)
    {
        var interactionIds = new List<long>();
        var contactIds = new List<long>();
        await AccountRows.ReadAsync(db,
            """SELECT "InteractionId", "ContactId" FROM "InteractionParticipants" WHERE "AccountId" = @account ORDER BY "InteractionId", "ContactId" """, reader =>
            {
                interactionIds.Add(reader.GetInt64(0));
                contactIds.Add(reader.GetInt64(1));
            }, ct);

        var interactions = new Dictionary<long, (DateTime, Channel, Direction)>();
        var channels = new Dictionary<string, Channel>(StringComparer.Ordinal);
        var directions = new Dictionary<string, Direction>(StringComparer.Ordinal);
        await AccountRows.ReadAsync(db,
            """SELECT "Id", "OccurredAt", "Channel", "Direction" FROM "Interactions" WHERE "AccountId" = @account AND "DeletedAt" IS NULL""", reader =>
            {
                var at = reader.GetFieldType(1) == typeof(string) ? SqliteTime.Parse(reader.GetString(1)) : DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc);
                interactions[reader.GetInt64(0)] = (at, Parse(channels, reader.GetString(2)), Parse(directions, reader.GetString(3)));
            }, ct);
        return new HistoryScan([.. interactionIds], [.. contactIds], interactions);
    }

    // Enums are stored by name (RapportDbContext's conventions); each name is parsed once.
    private static T Parse<T>(Dictionary<string, T> seen, string name) where T : struct, Enum
    {
        if (!seen.TryGetValue(name, out var value)) seen[name] = value = AccountRows.ParseEnum<T>(name);
        return value;
    }
}
