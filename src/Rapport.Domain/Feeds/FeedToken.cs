using System.Security.Cryptography;
using System.Text;
using Rapport.Domain.Accounts;

namespace Rapport.Domain.Feeds;

/// <summary>
/// A secret that lets a calendar app read the account's follow-ups at <c>/feeds/&lt;token&gt;.ics</c>. Only the token's
/// SHA-256 is stored: the token itself is shown once, when it is created.
/// </summary>
public sealed class FeedToken : IAccountOwned
{
    private FeedToken() { TokenHash = ""; Label = ""; }

    private FeedToken(string tokenHash, string label, DateTime createdAt)
    {
        TokenHash = tokenHash; Label = label; CreatedAt = createdAt;
    }

    public long Id { get; private set; }
    public long AccountId { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token.</summary>
    public string TokenHash { get; private set; }

    /// <summary>What the user called it ("phone calendar").</summary>
    public string Label { get; private set; }

    public DateTime CreatedAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }

    /// <summary>A new token (32 random bytes, URL-safe base64) and the row that stores its hash.</summary>
    public static (FeedToken Row, string Token) Create(string? label, DateTime now)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var name = string.IsNullOrWhiteSpace(label) ? "calendar" : label.Trim();
        if (name.Length > 100) throw new DomainException("label", "at most 100 characters");
        return (new FeedToken(Hash(token), name, now), token);
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public void Revoke(DateTime now) => RevokedAt ??= now;
}
