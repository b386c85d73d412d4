using Rapport.Domain.Accounts;

namespace Rapport.Domain.Reminders;

/// <summary>A one-off follow-up on a contact.</summary>
public sealed class Reminder : IAccountOwned
{
    private Reminder() { }

    public Reminder(long contactId, DateOnly due, string? note)
    {
        ContactId = contactId; Due = due; Note = note;
    }

    public long Id { get; private set; }
    public long AccountId { get; set; }
    public long ContactId { get; private set; }
    public DateOnly Due { get; set; }
    public string? Note { get; set; }
    public DateTime? DoneAt { get; set; }
}
