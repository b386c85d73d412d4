using Rapport.Domain.Accounts;

namespace Rapport.Domain.Settings;

/// <summary>One setting of an account, stored as text; unset keys take the defaults of SCIENCE.md.</summary>
public sealed class AccountSetting : IAccountOwned
{
    private AccountSetting() { Key = ""; Value = ""; }
    public AccountSetting(string key, string value) { Key = key; Value = value; }
    public long Id { get; private set; }
    public long AccountId { get; set; }
    public string Key { get; private set; }
    public string Value { get; set; }
}
