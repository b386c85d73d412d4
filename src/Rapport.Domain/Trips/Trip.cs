using Rapport.Domain.Accounts;

namespace Rapport.Domain.Trips;

/// <summary>A stay in a city: yours (ContactId null) to see who is there, or a contact's coming to town.</summary>
public sealed class Trip : IAccountOwned
{
    private Trip() { City = ""; }

    public Trip(string city, DateOnly from, DateOnly to, long? contactId)
    {
        if (string.IsNullOrWhiteSpace(city)) throw new DomainException("city", "a trip needs a city");
        if (to < from) throw new DomainException("to", $"a trip cannot end ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd})");
        City = city.Trim(); From = from; To = to; ContactId = contactId;
    }

    public long Id { get; private set; }
    public long AccountId { get; set; }
    public long? ContactId { get; private set; }
    public string City { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public string? Note { get; set; }
}
