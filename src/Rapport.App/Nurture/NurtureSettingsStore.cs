using Microsoft.EntityFrameworkCore;
using Rapport.Data;
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
        var rows = await db.Settings.AsNoTracking().Select(s => new { s.Key, s.Value }).ToListAsync(ct);
        var known = rows.Where(r => NurtureSettings.Keys.Any(k => string.Equals(k.Key, r.Key, StringComparison.OrdinalIgnoreCase)));
        return NurtureSettings.FromValues(known.Select(r => new KeyValuePair<string, string>(r.Key, r.Value)));
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
