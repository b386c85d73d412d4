using Rapport.Domain.Accounts;

namespace Rapport.Domain.Contacts;

/// <summary>
/// One merge of a duplicate into a survivor, kept so it can be undone: <see cref="Snapshot"/> records (as JSON written by
/// the merge use case) every row that was moved or changed and the survivor's fields before the merge.
/// </summary>
public sealed class ContactMerge : IAccountOwned
{
    private ContactMerge() { Snapshot = ""; }

    public ContactMerge(long survivorId, long mergedId, DateTime mergedAt, string snapshot)
    {
        if (survivorId == mergedId) throw new DomainException("contact", "a contact cannot be merged into itself");
        SurvivorId = survivorId; MergedId = mergedId; MergedAt = mergedAt; Snapshot = snapshot;
    }

    public long Id { get; private set; }
    public long AccountId { get; set; }
    public long SurvivorId { get; private set; }
    public long MergedId { get; private set; }
    public DateTime MergedAt { get; private set; }
    public DateTime? UndoneAt { get; private set; }
    public string Snapshot { get; private set; }

    public void MarkUndone(DateTime now)
    {
        if (UndoneAt is not null) throw new DomainException("merge", $"merge {Id} was already undone");
        UndoneAt = now;
    }
}
