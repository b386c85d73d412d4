using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Data.Storage;
using Rapport.Domain;
using Rapport.Domain.Nurture;
using Rapport.Domain.Settings;

namespace Rapport.App.Nurture;

/// <summary>The account's nurture settings: defaults overlaid with the key/value rows the user changed.</summary>
public static class NurtureSettingsStore
{
    /// <summary>The settings in force for the context's account.</summary>
    public static async Task<NurtureSettings> LoadAsync(RapportDbContext db, CancellationToken ct)
    {
        // Plain rows: the first EF Core query of a command costs a few hundred milliseconds of start-up, and the loads that
        // begin here (plan, insights) make none.
        var rows = new List<KeyValuePair<string, string>>();
        await AccountRows.ScanAsync(db, """SELECT "Key", "Value" FROM "Settings" WHERE "AccountId" = @account ORDER BY "Id" """,
            r => rows.Add(new KeyValuePair<string, string>(r.GetString(0), r.GetString(1))), ct);
        return NurtureSettings.FromValues(rows.Where(r => NurtureSettings.Keys.Any(k => string.Equals(k.Key, r.Key, StringComparison.OrdinalIgnoreCase))));
    }

    /// <summary>
    /// Sets one key (validated, also against the other keys) and returns the new settings. A value equal to the default
    /// removes the row, so later changes to defaults reach users who never changed the key.
    /// </summary>
    public static async Task<NurtureSettings> SetAsync(RapportDbContext db, string key, string value, CancellationToken ct)
    {
        var current = await LoadAsync(db, ct);
        var def = NurtureSettings.Keys.FirstOrDefault(k => string.Equals(k.Key, key?.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new DomainException("key", $"'{key}' is not a settings key; `rapport settings` lists them");
        var next = current.With(def.Key, value);
        next.Validate();
        var text = next.Get(def.Key);
        var row = await db.Settings.FirstOrDefaultAsync(s => s.Key == def.Key, ct);
        var isDefault = text == NurtureSettings.Default.Get(def.Key);
        if (isDefault && row is not null) db.Settings.Remove(row);
        else if (!isDefault && row is null) db.Settings.Add(new AccountSetting(def.Key, text));
        else if (!isDefault) row!.Value = text;
        await db.SaveChangesAsync(ct);
        return next;
    }

    /// <summary>Puts one key back to its default.</summary>
    public static Task<NurtureSettings> ResetAsync(RapportDbContext db, string key, CancellationToken ct)
    {
        var def = NurtureSettings.Keys.FirstOrDefault(k => string.Equals(k.Key, key?.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new DomainException("key", $"'{key}' is not a settings key; `rapport settings` lists them");
        return SetAsync(db, def.Key, NurtureSettings.Default.Get(def.Key), ct);
    }
}
