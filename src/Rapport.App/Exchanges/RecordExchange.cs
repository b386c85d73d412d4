using Rapport.App.Common;
using Rapport.App.Contacts;
using Rapport.Data;
using Rapport.Domain.Exchanges;

namespace Rapport.App.Exchanges;

public sealed record ExchangeRequest(string Who, ExchangeDirection Direction, string Kind)
{
    public string? Status { get; init; }
    public string? Note { get; init; }
    public string? Date { get; init; }
}

/// <summary>Adds a give or an ask to the ledger with a contact.</summary>
public sealed class RecordExchange(RapportDbContext db, TimeProvider clock)
{
    public static readonly IReadOnlyDictionary<string, ExchangeKind> KindNames = new Dictionary<string, ExchangeKind>
    {
        ["advice"] = ExchangeKind.Advice, ["introduction"] = ExchangeKind.Introduction, ["intro"] = ExchangeKind.Introduction,
        ["referral"] = ExchangeKind.Referral, ["recommendation"] = ExchangeKind.Recommendation, ["endorsement"] = ExchangeKind.Endorsement,
        ["help"] = ExchangeKind.Help, ["knowledge"] = ExchangeKind.Knowledge, ["knowledge-share"] = ExchangeKind.Knowledge, ["favor"] = ExchangeKind.Favor,
    };

    public async Task<Exchange> ExecuteAsync(ExchangeRequest request, CancellationToken ct = default)
    {
        var kind = Input.ParseEnum("kind", request.Kind, KindNames);
        var status = request.Status is null ? ExchangeStatus.Done : Input.ParseEnum<ExchangeStatus>("status", request.Status);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var on = request.Date is null ? today : Input.ParseDate("date", request.Date);
        var contact = await ContactResolver.ResolveAsync(db, request.Who, ct: ct);
        var exchange = new Exchange(contact.Id, request.Direction, kind, status, on) { Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim() };
        db.Exchanges.Add(exchange);
        await db.SaveChangesAsync(ct);
        return exchange;
    }
}
