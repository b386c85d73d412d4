using System.Text;
using Microsoft.EntityFrameworkCore;
using Rapport.App.Common;
using Rapport.Data;
using Rapport.Domain.Contacts;
using Rapport.Formats.Csv;
using Rapport.Formats.Records;
using Rapport.Formats.VCard;

namespace Rapport.App.Export;

/// <summary>The shapes contacts can be exported in; <see cref="Json"/> is the complete account (see <see cref="Backup.AccountJson"/>).</summary>
public enum ExportFormat { VCard, Csv, Json }

/// <summary>
/// Writes the account's contacts as vCard 4.0 or Rapport's contacts CSV (both read back by the importers), or the
/// whole account as JSON. Contacts come in id order, so the same data always gives the same bytes. Each contact's key
/// is <c>rapport:</c> and its id; the one who introduced a contact is written as that key (a name can be shared or
/// changed, the key names one row of the same file), and only when the introducer is in the export too.
/// </summary>
public sealed class ExportContacts(RapportDbContext db)
{
    public async Task<int> ExecuteAsync(ExportFormat format, Stream output, CancellationToken ct = default)
    {
        if (format == ExportFormat.Json)
        {
            await Backup.AccountJson.ExportAsync(db, output, ct);
            return await db.Contacts.CountAsync(ct);
        }
        var contacts = await LoadAsync(ct);
        if (format == ExportFormat.VCard)
        {
            VCardWriter.Write(contacts, output);
        }
        else
        {
            await using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\r\n" };
            ContactCsv.Write(contacts, writer);
            await writer.FlushAsync(ct);
        }
        return contacts.Count;
    }

    /// <summary>Reads a format name as typed on the command line.</summary>
    public static ExportFormat Parse(string value) => Input.ParseEnum<ExportFormat>("format", value);

    private async Task<List<ImportedContact>> LoadAsync(CancellationToken ct)
    {
        var contacts = await db.Contacts.AsNoTracking().OrderBy(c => c.Id)
            .Include(c => c.Emails).Include(c => c.Phones).Include(c => c.Profiles).Include(c => c.Tags).Include(c => c.Categories).Include(c => c.Dates)
            .AsSplitQuery().ToListAsync(ct);
        var exported = contacts.Select(c => c.Id).ToHashSet();
        return contacts.Select(c => ToRecord(c, exported)).ToList();
    }

    private const string KeyPrefix = "rapport:";

    /// <summary>The key Rapport's own vCard and CSV exports give a contact (its UID, its External Key): "rapport:" and its id.</summary>
    public static string Key(long id) => KeyPrefix + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The id an export's <see cref="Key"/> names; false for any other key.</summary>
    public static bool TryParseKey(string key, out long id)
    {
        id = 0;
        return key.StartsWith(KeyPrefix, StringComparison.Ordinal)
            && long.TryParse(key.AsSpan(KeyPrefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out id);
    }

    /// <summary>A contact in the shape the writers take; <paramref name="exported"/> holds the ids of every contact written.</summary>
    internal static ImportedContact ToRecord(Contact c, IReadOnlySet<long> exported)
    {
        var birthday = c.Dates.FirstOrDefault(d => d.Kind == ImportantDateKind.Birthday);
        return new ImportedContact
        {
            DisplayName = c.DisplayName,
            GivenName = c.GivenName,
            FamilyName = c.FamilyName,
            Emails = c.Emails.OrderByDescending(e => e.IsPrimary).ThenBy(e => e.Id).Select(e => new ImportedEmail(e.Address, e.Label, e.IsPrimary)).ToList(),
            Phones = c.Phones.OrderBy(p => p.Id).Select(p => new ImportedPhone(p.Number, p.Label)).ToList(),
            Company = c.Company,
            Title = c.Title,
            City = c.City,
            Country = c.Country,
            Birthday = birthday is null ? null : PartialDate.TryCreate(birthday.Month, birthday.Day, birthday.Year),
            OtherDates = c.Dates.Where(d => d.Kind != ImportantDateKind.Birthday).OrderBy(d => d.Id)
                .Select(d => PartialDate.TryCreate(d.Month, d.Day, d.Year) is { } date ? new ImportedDate(d.Label ?? Input.Kebab(d.Kind), date) : null)
                .OfType<ImportedDate>().ToList(),
            Notes = c.Notes,
            LinkedInUrl = c.LinkedInUrl,
            Profiles = c.ProfilesInOrder().Where(p => p.Network != ProfileNetwork.LinkedIn).Select(p => new ImportedProfile(p.Network switch
            {
                ProfileNetwork.X => ProfileKind.X,
                ProfileNetwork.Facebook => ProfileKind.Facebook,
                ProfileNetwork.GitHub => ProfileKind.GitHub,
                ProfileNetwork.Website => ProfileKind.Website,
                _ => ProfileKind.Other,
            }, p.Url)).ToList(),
            Labels = c.Tags.OrderBy(t => t.Tag, StringComparer.Ordinal).Select(t => t.Tag).ToList(),
            KnownSince = c.KnownSince,
            Categories = c.Categories.Select(x => x.Category).Order(StringComparer.Ordinal).ToList(),
            RelationshipKind = c.Kind.ToString().ToLowerInvariant(),
            Trust = c.Trust,
            KeyPlayer = c.KeyPlayer,
            WantToMeet = c.WantToMeet,
            Industry = c.Industry,
            Function = c.Function,
            Seniority = c.Seniority == Seniority.Unknown ? null : Input.Kebab(c.Seniority),
            Closeness = c.Closeness,
            Tier = c.TierPin is { } tier ? Input.Kebab(tier) : null,
            HowWeMet = c.HowWeMet,
            IntroducedBy = c.IntroducedById is { } by && exported.Contains(by) ? Key(by) : null,
            ExternalKey = Key(c.Id),
        };
    }
}
