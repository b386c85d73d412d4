using Rapport.Data.Tests.Support;

namespace Rapport.Cli.Tests;

/// <summary>`rapport event` and `rapport org` as a user types them: what `insights` needs to weigh events and communities.</summary>
public class EventCliTest
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task EventsRunByACommunity_MakeItsStreak_AndThePeopleMetThereCount(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cli = new CliRunner(db, "2026-11-20T12:00:00Z");
        Assert.Equal(0, (await cli.RunAsync("contact", "add", "--name", "Ana Silva", "--company", "Orbit")).ExitCode);

        var org = await cli.RunAsync("org", "add", "Berlin Product Guild", "--cadence", "30", "--city", "Berlin", "--json");
        Assert.Equal(0, org.ExitCode);
        Assert.Equal("community", org.Json.GetProperty("kind").GetString());
        Assert.Equal(30, org.Json.GetProperty("meetingCadenceDays").GetInt32());

        // Three monthly meetups run by the guild, named by a part of its name or its id.
        foreach (var (n, date, by) in new[] { (1, "2026-08-12T18:00", "guild"), (2, "2026-09-10T18:00", "Berlin Product Guild"), (3, "2026-10-14T18:00", "#1") })
        {
            var added = await cli.RunAsync("event", "add", $"Guild night {n}", "--date", date, "--organizer", by, "--size", "60", "--minutes", "150", "--json");
            Assert.Equal(0, added.ExitCode);
            Assert.Equal("Berlin Product Guild", added.Json.GetProperty("organizer").GetString());
        }
        var met = await cli.RunAsync("event", "met", "Guild night 1", "Bo Chen", "--company", "Acme", "--note", "Pricing talk");
        Assert.Equal(0, met.ExitCode);
        Assert.Contains("met at Guild night 1", met.Out, StringComparison.Ordinal);
        Assert.Equal(0, (await cli.RunAsync("event", "attend", "Guild night 2", "Ana", "--met")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("event", "attend", "Guild night 3", "Bo Chen")).ExitCode);

        var list = await cli.RunAsync("event", "list", "--json");
        Assert.Equal(["Guild night 3", "Guild night 2", "Guild night 1"], list.Json.EnumerateArray().Select(e => e.GetProperty("name").GetString()!).ToArray());
        Assert.Equal([0, 1, 1], list.Json.EnumerateArray().Select(e => e.GetProperty("met").GetInt32()).ToArray());

        var show = await cli.RunAsync("event", "show", "Guild night 1");
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("run by: Berlin Product Guild #1", show.Out, StringComparison.Ordinal);
        Assert.Contains("Bo Chen (Acme)", show.Out, StringComparison.Ordinal);
        Assert.Contains("Too recent to tell", show.Out, StringComparison.Ordinal);

        // A part of a name that several events share is refused with the choices; so is a value out of range, and nothing changes.
        var ambiguous = await cli.RunAsync("event", "show", "guild night");
        Assert.Equal(2, ambiguous.ExitCode);
        Assert.Contains("matches several events (Guild night 3 on 2026-10-14 #3", ambiguous.Err, StringComparison.Ordinal);
        var bad = await cli.RunAsync("event", "edit", "Guild night 2", "--rating", "9", "--cost", "12");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("rating: expected a whole number from 1 to 5", bad.Err, StringComparison.Ordinal);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await cli.RunAsync("event", "show", "2", "--json")).Json.GetProperty("cost").ValueKind);
        var unknown = await cli.RunAsync("event", "add", "Other night", "--date", "2026-11-01", "--organizer", "Chess Club");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("organizer: no organization is named 'Chess Club'", unknown.Err, StringComparison.Ordinal);

        var edit = await cli.RunAsync("event", "edit", "Guild night 2", "--rating", "4", "--cost", "12.50");
        Assert.Equal(0, edit.ExitCode);
        Assert.Equal("Event #2 Guild night 2: changed cost, rating.\n", edit.Out.ReplaceLineEndings("\n"));
        Assert.Contains("nothing to change", (await cli.RunAsync("event", "edit", "2", "--rating", "4")).Out, StringComparison.Ordinal);

        Assert.Equal(0, (await cli.RunAsync("org", "member", "guild", "--who", "Ana", "--role", "organizer", "--from", "2025-01-01")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("org", "member", "guild")).ExitCode);
        var members = (await cli.RunAsync("org", "show", "guild", "--json")).Json.GetProperty("members").EnumerateArray().ToList();
        Assert.Equal(["You", "Ana Silva"], members.Select(m => m.GetProperty("name").GetString()!).ToArray());
        Assert.Equal("organizer", members[1].GetProperty("role").GetString());
        var orgs = (await cli.RunAsync("org", "list", "--json")).Json.EnumerateArray().Single();
        Assert.Equal(1, orgs.GetProperty("members").GetInt32());
        Assert.Equal("member", orgs.GetProperty("yourRole").GetString());

        // The insights now see the guild as a community you go to every month, with the people met at its events.
        var insights = await cli.RunAsync("insights", "--json");
        Assert.Equal(0, insights.ExitCode);
        var guild = insights.Json.GetProperty("returns").GetProperty("communities").EnumerateArray().Single();
        Assert.Equal("Berlin Product Guild", guild.GetProperty("name").GetString());
        Assert.Equal(3, guild.GetProperty("eventsAttended").GetInt32());
        Assert.Equal(2, guild.GetProperty("yield").GetProperty("met").GetInt32());
        Assert.True(guild.GetProperty("currentStreak").GetInt32() >= 3);

        // Taking the organizer off leaves the events without a community.
        foreach (var id in new[] { "1", "2", "3" }) Assert.Equal(0, (await cli.RunAsync("event", "edit", id, "--organizer", "")).ExitCode);
        var after = await cli.RunAsync("insights", "--json");
        Assert.DoesNotContain(after.Json.GetProperty("returns").GetProperty("communities").EnumerateArray(), c => c.GetProperty("eventsAttended").GetInt32() > 0);
    }

    [Fact]
    public async Task WhatAUserMightMistype_IsRefusedNamingTheField_AndNothingIsWritten()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var cli = new CliRunner(db, "2026-11-20T12:00:00Z");

        var farFuture = await cli.RunAsync("event", "add", "Far", "--date", "9999-12-31T23:59");
        Assert.Equal(2, farFuture.ExitCode);
        Assert.Contains("date: expected a date from 1900 to 2199, got '9999-12-31T23:59'", farFuture.Err, StringComparison.Ordinal);
        var comma = await cli.RunAsync("event", "add", "Dinner", "--date", "2026-11-02", "--cost", "1,5");
        Assert.Equal(2, comma.ExitCode);
        Assert.Contains("with a point for decimals", comma.Err, StringComparison.Ordinal);
        Assert.Empty((await cli.RunAsync("event", "list", "--json")).Json.EnumerateArray());

        Assert.Equal(0, (await cli.RunAsync("event", "add", "Dinner", "--date", "2026-11-02", "--cost", "1.5")).ExitCode);
        Assert.Equal(2, (await cli.RunAsync("event", "edit", "Dinner", "--date", "1850-01-01")).ExitCode);
        Assert.Equal("2026-11-02T12:00:00Z", (await cli.RunAsync("event", "show", "Dinner", "--json")).Json.GetProperty("startsAt").GetString());

        // The same membership twice (a script run again) is kept once.
        Assert.Equal(0, (await cli.RunAsync("org", "add", "Guild")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("org", "member", "Guild", "--title", "Chair")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("org", "member", "Guild", "--title", "Chair")).ExitCode);
        Assert.Single((await cli.RunAsync("org", "show", "Guild", "--json")).Json.GetProperty("members").EnumerateArray());
        Assert.Equal("No organization matches.\n", (await cli.RunAsync("org", "list", "--search", "zzz")).Out.ReplaceLineEndings("\n"));
    }
}
