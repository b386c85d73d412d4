namespace Rapport.Domain.Accounts;

/// <summary>The tenant: one person's network. Every other row carries its id.</summary>
public sealed class Account
{
    /// <summary>The account every single-user installation starts with.</summary>
    public const long DefaultId = 1;

    private Account() { Name = ""; }

    public Account(string name, DateTime createdAt)
    {
        Name = name;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }
    public string Name { get; private set; }
    public DateTime CreatedAt { get; private set; }
}

/// <summary>A row that belongs to one account; the data layer stamps and filters it.</summary>
public interface IAccountOwned
{
    long AccountId { get; set; }
}

/// <summary>A row that is deleted softly: it goes to the trash and can be restored.</summary>
public interface ISoftDeletable
{
    DateTime? DeletedAt { get; set; }
}
