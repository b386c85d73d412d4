using Microsoft.EntityFrameworkCore;
using Rapport.App.Common;
using Rapport.App.Contacts;
using Rapport.App.Interactions;
using Rapport.Data.Tests.Support;

namespace Rapport.Data.Tests.Contacts;

public class CreateContactTest
{
    private static readonly TestClock Clock = new(new DateTime(2026, 11, 20, 9, 30, 0, DateTimeKind.Utc));

    private static ContactChanges Full => new()
    {
        Name = "Zoë Ångström-李", Emails = ["Zoe@Example.ORG", "zoe.private@example.net"], Phones = ["+351 912 345 678"],
        Company = "Łódź Labs", Title = "Head of Design", Industry = "design", Function = "design", Seniority = "director",
        City = "São Paulo", Country = "Brazil", Categories = ["mentor", "alumni"], Tags = ["speaker", "🎨"], Kind = "alliance",
        HowWeMet = "Panel at Web Summit — we argued about typography", Trust = 3, Closeness = 0.75, Tier = "close",
        LinkedIn = "https://www.linkedin.com/in/zo%C3%AB-angstrom/", X = "https://x.com/zoe", GitHub = "https://github.com/zoe",
        Website = "https://zoe.example", KeyPlayer = true, WantToMeet = false, Notes = "Line one\nLine two, with \"quotes\"",
        Birthday = "--02-29", KnownSince = "2019-03-01",
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryField_SurvivesTheRoundTrip_UnicodeIncluded(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(Clock);
        long id;
        await using (var db = store.Open()) id = (await new CreateContact(db, Clock).ExecuteAsync(Full)).Id;

        await using var read = store.Open();
        var v = await ContactDetails.ViewAsync(read, await ContactResolver.ResolveAsync(read, id.ToString(System.Globalization.CultureInfo.InvariantCulture)), Clock, default);

        Assert.Equal("Zoë Ångström-李", v.Name);
        Assert.Equal("Zoë", v.GivenName);
        Assert.Equal("Ångström-李", v.FamilyName);
        Assert.Equal(["zoe@example.org", "zoe.private@example.net"], v.Emails);
        Assert.Equal(["+351 912 345 678"], v.Phones);
        Assert.Equal(("Łódź Labs", "Head of Design", "design", "design", "director"), (v.Company, v.Title, v.Industry, v.Function, v.Seniority));
        Assert.Equal(("São Paulo", "Brazil"), (v.City, v.Country));
        Assert.Equal(["alumni", "mentor"], v.Categories);
        Assert.Equal(["speaker", "🎨"], v.Tags);
        Assert.Equal(("alliance", 3, 0.75, "close"), (v.Kind, v.Trust, v.Closeness, v.TierPin));
        Assert.Equal("Panel at Web Summit — we argued about typography", v.HowWeMet);
        Assert.Equal("https://www.linkedin.com/in/zoë-angstrom", v.LinkedIn);
        Assert.Equal("https://github.com/zoe", v.Profiles["git-hub"]);
        Assert.True(v.KeyPlayer);
        Assert.Equal("Line one\nLine two, with \"quotes\"", v.Notes);
        Assert.Equal("--02-29", v.Birthday);
        Assert.Equal("2019-03-01", v.KnownSince);
        Assert.Equal(Clock.Now, v.CreatedAt);
        Assert.Equal(DateTimeKind.Utc, v.CreatedAt.Kind);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DuplicateEmail_IsRefused_AndNothingIsWritten(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(Clock);
        await using (var db = store.Open()) await new CreateContact(db, Clock).ExecuteAsync(new ContactChanges { Name = "Ana", Emails = ["ana@x.org"] });

        await using (var db = store.Open())
        {
            var e = await Assert.ThrowsAsync<InputException>(() => new CreateContact(db, Clock).ExecuteAsync(new ContactChanges { Name = "Other Ana", Emails = ["ANA@x.org"] }));
            Assert.Equal("email", e.Field);
            Assert.Contains("already belongs to Ana", e.Message);
        }
        await using var check = store.Open();
        Assert.Equal(1, await check.Contacts.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Edit_WithAnOldVersion_IsRefused_SoNoEditIsSilentlyOverwritten(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(Clock);
        await using (var db = store.Open()) await new CreateContact(db, Clock).ExecuteAsync(new ContactChanges { Name = "Ana Silva" });
        await using (var db = store.Open()) await new EditContact(db, Clock).ExecuteAsync("Ana Silva", new ContactChanges { Title = "CTO" }, expectedVersion: 0);

        await using (var db = store.Open())
        {
            var e = await Assert.ThrowsAsync<InputException>(() => new EditContact(db, Clock).ExecuteAsync("Ana Silva", new ContactChanges { Title = "CEO" }, expectedVersion: 0));
            Assert.Equal("version", e.Field);
        }
        await using var check = store.Open();
        Assert.Equal("CTO", (await check.Contacts.SingleAsync()).Title);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Who_IsFoundByIdEmailOrUniqueName_AndAnAmbiguousNameIsExplained(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(Clock);
        await using var db = store.Open();
        var ana = await new CreateContact(db, Clock).ExecuteAsync(new ContactChanges { Name = "Ana Silva", Emails = ["ana@x.org"] });
        await new CreateContact(db, Clock).ExecuteAsync(new ContactChanges { Name = "Ana Souza" });

        Assert.Equal(ana.Id, (await ContactResolver.ResolveAsync(db, "ANA@X.ORG")).Id);
        Assert.Equal(ana.Id, (await ContactResolver.ResolveAsync(db, "ana silva")).Id);
        Assert.Equal(ana.Id, (await ContactResolver.ResolveAsync(db, ana.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).Id);
        var e = await Assert.ThrowsAsync<InputException>(() => ContactResolver.ResolveAsync(db, "ana"));
        Assert.Contains("Ana Silva", e.Message);
        Assert.Contains("Ana Souza", e.Message);
        await Assert.ThrowsAsync<InputException>(() => ContactResolver.ResolveAsync(db, "nobody"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AccountFilter_HidesOtherAccountsRows(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(Clock);
        await using (var db = store.Open())
        {
            db.Accounts.Add(new Domain.Accounts.Account("Someone else", Clock.Now));
            await db.SaveChangesAsync();
        }
        await using (var other = store.Open(2)) await new CreateContact(other, Clock).ExecuteAsync(new ContactChanges { Name = "Their contact", Emails = ["same@x.org"] });
        await using (var mine = store.Open(1))
        {
            Assert.Equal(0, await mine.Contacts.CountAsync());
            // A unique key includes the account: the same email may exist in two accounts.
            await new CreateContact(mine, Clock).ExecuteAsync(new ContactChanges { Name = "My contact", Emails = ["same@x.org"] });
            Assert.Equal("My contact", (await mine.Contacts.SingleAsync()).DisplayName);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LoggingAGroupInteraction_ReachesEveryParticipant(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(Clock);
        await using var db = store.Open();
        var a = await new CreateContact(db, Clock).ExecuteAsync(new ContactChanges { Name = "Ana Silva" });
        var b = await new CreateContact(db, Clock).ExecuteAsync(new ContactChanges { Name = "Bo Chen" });
        await new LogInteraction(db, Clock).ExecuteAsync(new LogRequest("Ana Silva, Bo Chen", "group") { Date = "2026-11-02", Note = "Lunch" });

        var last = await ContactQueries.LastInteractionsAsync(db, [a.Id, b.Id], default);
        Assert.Equal(new DateTime(2026, 11, 2, 12, 0, 0, DateTimeKind.Utc), last[a.Id]);
        Assert.Equal(last[a.Id], last[b.Id]);
        var future = await Assert.ThrowsAsync<InputException>(() => new LogInteraction(db, Clock).ExecuteAsync(new LogRequest("Ana Silva", "call") { Date = "2027-01-01" }));
        Assert.Equal("date", future.Field);
    }
}
