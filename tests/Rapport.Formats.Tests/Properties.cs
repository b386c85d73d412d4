using FsCheck;
using FsCheck.Fluent;
using Rapport.Formats.Records;

namespace Rapport.Formats.Tests;

/// <summary>FsCheck generators and the shared round-trip property for contact writers and parsers.</summary>
internal static class Properties
{
    private static readonly string[] Pieces =
    [
        "a", "Z", "0", " ", ",", ";", ":", "\"", "'", "\\", "\n", "\t", "=", "^", "<", ">", "@", "-", "_", ".", "*", ":::",
        "é", "ß", "Ñ", "ü", "日本", "Ω", "😀", "🦊", "👩‍💻", "\u00A0", "\\n", "\\,", "^'", "=0A", "BEGIN:VCARD", "END:VCARD", "\"\"",
    ];

    private static readonly Gen<string> Piece = Gen.Frequency(
        (6, Gen.Elements(Pieces)),
        (3, Gen.Choose(0x20, 0xD7FF).Select(c => ((char)c).ToString())),
        (1, Gen.Choose(0x1F300, 0x1FAFF).Select(char.ConvertFromUtf32)));

    /// <summary>Arbitrary Unicode text with commas, semicolons, quotes, newlines and emoji (no CR, no lone surrogates).</summary>
    public static readonly Gen<string> Text = Gen.ListOf(Piece).Select(p => string.Concat(p));

    /// <summary>Text as a parser returns it: trimmed, at least one character.</summary>
    public static readonly Gen<string> Value = Text.Select(t => t.Trim()).Where(t => t.Length > 0 && !t.StartsWith("tel:", StringComparison.OrdinalIgnoreCase));

    public static readonly Gen<string?> Optional = Gen.Frequency((1, Gen.Constant<string?>(null)), (3, Value.Select(v => (string?)v)));

    private static readonly Gen<string> Email =
        from local in Gen.ListOf(Gen.Elements("a", "b", "z", "0", "9", ".", "_", "+", "-", "é", "日")).Select(l => string.Concat(l).Trim('.'))
        from domain in Gen.Elements("example.org", "xn--bcher-kva.example", "mail.example.co.uk", "bücher.de")
        where local.Length > 0
        select "x" + local + "@" + domain;

    private static readonly Gen<PartialDate> Date =
        from month in Gen.Choose(1, 12)
        from day in Gen.Choose(1, 28)
        from year in Gen.Frequency((1, Gen.Constant<int?>(null)), (3, Gen.Choose(1, 9999).Select(y => (int?)y)))
        select new PartialDate(month, day, year);

    private static Gen<List<T>> Small<T>(Gen<T> gen) => Gen.Choose(0, 3).SelectMany(n => Gen.ListOf(gen, n)).Select(l => l.ToList());

    public static readonly Gen<ImportedContact> Contact =
        from display in Value
        from given in Optional
        from family in Optional
        from emailAddresses in Small(Email)
        from emailLabels in Gen.ListOf(Optional, 3)
        from primary in Gen.Choose(-1, 2)
        from phones in Small(Gen.Zip(Value, Optional))
        from company in Optional
        from title in Optional
        from department in Optional
        from city in Optional
        from region in Optional
        from country in Optional
        from birthday in Gen.Frequency((1, Gen.Constant<PartialDate?>(null)), (1, Date.Select(d => (PartialDate?)d)))
        from dates in Small(Gen.Zip(Value, Date))
        from notes in Optional
        from linkedIn in Optional
        from profiles in Small(Gen.Zip(Gen.Elements(Enum.GetValues<ProfileKind>()), Value))
        from labels in Small(Value)
        from since in Gen.Frequency((1, Gen.Constant<DateOnly?>(null)), (1, Gen.Choose(0, 40000).Select(d => (DateOnly?)new DateOnly(1950, 1, 1).AddDays(d))))
        from key in Optional
        from categories in Small(Value)
        from kind in Gen.Elements<string?>(null, "acquaintance", "alliance", "transactional")
        from trust in Gen.Elements<int?>(null, 0, 1, 2, 3)
        from keyPlayer in Gen.Elements<bool?>(null, true, false)
        from wantToMeet in Gen.Elements<bool?>(null, true, false)
        from industry in Optional
        from function in Optional
        from seniority in Gen.Elements<string?>([null, .. ImportedContact.Seniorities])
        from closeness in Gen.Frequency((1, Gen.Constant<double?>(null)), (3, Gen.Choose(0, 1_000_000).Select(n => (double?)(n / 1_000_000.0))))
        from tier in Gen.Elements<string?>([null, .. ImportedContact.Tiers])
        from howWeMet in Optional
        from introducedBy in Optional
        select new ImportedContact
        {
            DisplayName = display,
            GivenName = given,
            FamilyName = family,
            Emails = emailAddresses.DistinctBy(e => e.ToLowerInvariant())
                .Select((e, i) => new ImportedEmail(e, emailLabels[i], i == primary)).ToList(),
            Phones = phones.Select(p => new ImportedPhone(p.Item1, p.Item2)).ToList(),
            Company = company,
            Title = title,
            Department = department,
            City = city,
            Region = region,
            Country = country,
            Birthday = birthday,
            OtherDates = dates.Select(d => new ImportedDate(d.Item1, d.Item2)).ToList(),
            Notes = notes,
            LinkedInUrl = linkedIn,
            Profiles = profiles.Select(p => new ImportedProfile(p.Item1, p.Item2)).ToList(),
            Labels = labels.Distinct().ToList(),
            KnownSince = since,
            ExternalKey = key,
            Categories = categories.Distinct().ToList(),
            RelationshipKind = kind,
            Trust = trust,
            KeyPlayer = keyPlayer,
            WantToMeet = wantToMeet,
            Industry = industry,
            Function = function,
            Seniority = seniority,
            Closeness = closeness,
            Tier = tier,
            HowWeMet = howWeMet,
            IntroducedBy = introducedBy,
        };

    /// <summary>Writing then parsing any list of contacts gives the same contacts (line numbers and warnings aside).</summary>
    public static void ContactRoundTrip(Func<List<ImportedContact>, List<ImportedContact>> writeThenRead)
    {
        var arb = Gen.Choose(1, 4).SelectMany(n => Gen.ListOf(Contact, n)).Select(l => l.ToList()).ToArbitrary();
        Check.QuickThrowOnFailure(Prop.ForAll(arb, contacts =>
        {
            var read = writeThenRead(contacts);
            Assert.Equal(contacts.Count, read.Count);
            for (var i = 0; i < contacts.Count; i++)
                Assert.Equal(contacts[i], read[i] with { SourceLine = 0, Warnings = [] });
            return true;
        }));
    }
}
