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
}
