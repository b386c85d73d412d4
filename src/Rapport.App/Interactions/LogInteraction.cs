using Rapport.App.Common;
using Rapport.App.Contacts;
using Rapport.Data;
using Rapport.Domain.Interactions;

namespace Rapport.App.Interactions;

/// <summary>What happened in a touchpoint, as typed by the user.</summary>
public sealed record LogRequest(string Who, string Channel)
{
    public string? Direction { get; init; }
    public string? Date { get; init; }
    public string? Purpose { get; init; }
    public string? Note { get; init; }
    public string? Insight { get; init; }
}

/// <summary>Records a touchpoint with one or more contacts; it resets their keep-in-touch cadence.</summary>
public sealed class LogInteraction(RapportDbContext db, TimeProvider clock)
{
    public static readonly IReadOnlyDictionary<string, Channel> ChannelNames = new Dictionary<string, Channel>
    {
        ["in-person"] = Channel.InPerson, ["group"] = Channel.Group, ["call"] = Channel.Call, ["video"] = Channel.Video,
        ["email"] = Channel.Email, ["message"] = Channel.Message, ["social"] = Channel.Social, ["event"] = Channel.Event,
        ["letter"] = Channel.Letter,
    };

    public async Task<Interaction> ExecuteAsync(LogRequest request, CancellationToken ct = default)
    {
        var channel = Input.ParseEnum("channel", request.Channel, ChannelNames);
        var direction = request.Direction is null ? Direction.Out : Input.ParseEnum<Direction>("direction", request.Direction);
        var now = clock.GetUtcNow().UtcDateTime;
        var at = request.Date is null ? now : Input.ParseInstant("date", request.Date);
        if (at > now.AddDays(1))
            throw new InputException("date", $"date: {at:yyyy-MM-dd} is in the future; log what happened (use 'rapport reminder add' for plans)");
        var contacts = await ContactResolver.ResolveManyAsync(db, request.Who, ct: ct);
        var interaction = new Interaction(at, channel, direction, InteractionSource.Manual, contacts.Select(c => c.Id))
        {
            Purpose = request.Purpose is null ? null : Input.ParseEnum<Purpose>("purpose", request.Purpose),
            Notes = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
            Insight = string.IsNullOrWhiteSpace(request.Insight) ? null : request.Insight.Trim(),
        };
        await InteractionWriter.AddAsync(db, [interaction], ct);
        return interaction;
    }
}
