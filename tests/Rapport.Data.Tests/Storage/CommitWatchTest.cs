using Rapport.Data.Storage;
using Rapport.Data.Tests.Support;

namespace Rapport.Data.Tests.Storage;

public class CommitWatchTest
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Version_Changes_WhenAnotherConnectionCommits(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync();
        using var watch = CommitWatch.For(test.Target);
        var before = await watch.VersionAsync();

        await using (var db = store.Open())
        {
            db.Contacts.Add(new Domain.Contacts.Contact("Watched Person", DateTime.UtcNow));
            await db.SaveChangesAsync();
        }

        Assert.NotEqual(before, await watch.VersionAsync());
    }

    // On PostgreSQL the version is cluster-wide (other tests' databases move it), so only SQLite can promise stillness.
    [Fact]
    public async Task Version_StaysTheSame_WhileOthersOnlyRead()
    {
        await using var test = await TestDatabase.CreateAsync("sqlite");
        var store = await test.MigratedStoreAsync();
        using var watch = CommitWatch.For(test.Target);
        var before = await watch.VersionAsync();

        await using (var db = store.Open())
        {
            Assert.Empty(db.Contacts.ToList());
        }

        Assert.Equal(before, await watch.VersionAsync());
    }
}
