using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Rapport.App.Contacts;
using Rapport.App.Interactions;
using Rapport.Data.Storage;
using Rapport.Data.Tests.Support;
using Rapport.Domain.Contacts;
using Rapport.Domain.Exchanges;

namespace Rapport.Web.Tests;

/// <summary>
/// Who knows whom, entered on the Person page and through the API: the forms to add someone a person knows and to log
/// an introduction, their errors, the Knows list on each person's page, and the warm paths through what was entered.
/// Each test runs its own app over a small network (you are in touch with Ana only), on SQLite and on PostgreSQL.
/// </summary>
public class LinksAndIntroductionsTest(WebAppFixture fixture)
{
    /// <summary>
    /// Over the demo network: a person's page lists whom Rapport infers they probably know, marked inferred, with where
    /// the two overlapped or what both attended, as /api/v1/contacts/{id}/probably-knows gives it.
    /// </summary>
    [Fact]
    public async Task APersonPage_ListsWhomTheyProbablyKnow_MarkedInferred_WithWhy_AsTheApiGivesIt()
    {
        var page = await fixture.NewPageAsync();
        long id = 0;
        JsonElement probable = default;
        for (var i = 1; i <= 300 && id == 0; i++)
        {
            var response = await page.APIRequest.GetAsync($"{fixture.BaseUrl}/api/v1/contacts/{i}/probably-knows?limit=10");
            if (response.Status != 200) continue;
            var json = (await response.JsonAsync())!.Value;
            if (json.GetProperty("total").GetInt32() > 0) (id, probable) = (i, json);
        }
        Assert.NotEqual(0, id);
        Assert.Equal(404, (await page.APIRequest.GetAsync($"{fixture.BaseUrl}/api/v1/contacts/987654/probably-knows")).Status);
        var people = probable.GetProperty("people").EnumerateArray().ToList();
        Assert.InRange(people.Count, 1, 10);
        Assert.All(people, p => Assert.Matches("^They (worked at|were in|both went to) ", p.GetProperty("reason").GetString()));

        await page.GotoAsync($"/people/{id}");
        var list = Knows(page).GetByRole(AriaRole.List, new() { Name = "Probably knows" });
        await Assertions.Expect(Knows(page).GetByRole(AriaRole.Heading, new() { Name = "Probably knows inferred" })).ToBeVisibleAsync();
        await Assertions.Expect(list.GetByRole(AriaRole.Link)).ToHaveTextAsync([.. people.Select(p => p.GetProperty("name").GetString()!)]);
        await Assertions.Expect(list.GetByRole(AriaRole.Listitem).First).ToContainTextAsync(people[0].GetProperty("reason").GetString()!);
        await Assertions.Expect(list.GetByRole(AriaRole.Link).First).ToHaveAttributeAsync("href", $"/people/{people[0].GetProperty("id").GetInt64()}");
        await PagesTest.AssertAccessibleAsync(page, "person with whom they probably know");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task AddingSomeoneTheyKnow_ListsEachUnderTheOthersKnows_AndOpensAWarmPathThroughThem(string provider)
    {
        await using var net = await SmallNetwork.StartAsync(provider);
        using var http = net.Client();
        // Asked first, so the insights kept in memory hold the paths to Bea without Ana when the form writes the link.
        Assert.Equal(["Bea Braun (you)"], await PathsAsync(http, "Bea Braun"));

        var page = await fixture.NewPageAsync(baseUrl: net.Url);
        await page.GotoAsync($"/people/{net.Ana}");
        await Assertions.Expect(Knows(page)).ToContainTextAsync("No one yet");
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Add someone they know" });
        await form.GetByLabel("Who").FillAsync("Bea Braun");
        await form.GetByLabel("How they know each other").SelectOptionAsync("friend");
        await form.GetByLabel("Strength").FillAsync("0.8");
        await form.GetByRole(AriaRole.Button, new() { Name = "Add to whom they know" }).ClickAsync();

        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Recorded that Ana Silva knows Bea Braun (friend).");
        Assert.EndsWith($"/people/{net.Ana}#knows", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(Knows(page).GetByRole(AriaRole.Link)).ToHaveTextAsync(["Bea Braun"]);
        var link = Assert.Single(await net.LinksAsync());
        Assert.Equal<(long, long, LinkKind, double?, bool)>((Math.Min(net.Ana, net.Bea), Math.Max(net.Ana, net.Bea), LinkKind.Friend, 0.8, false), (link.ContactAId, link.ContactBId, link.Kind, link.Strength, link.Inferred));

        await page.GotoAsync($"/people/{net.Bea}");
        await Assertions.Expect(Knows(page).GetByRole(AriaRole.Link)).ToHaveTextAsync(["Ana Silva"]);
        // Bea's page and the API both find the way to her through the new link: the insights were not kept past the write.
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Warm paths to Bea Braun" })).ToContainTextAsync("You → Ana Silva → Bea Braun");
        Assert.Contains("Ana Silva (you) → Bea Braun (link)", await PathsAsync(http, "Bea Braun"));

        // Adding her again from Bea's page updates the one link, and says so.
        var back = page.GetByRole(AriaRole.Form, new() { Name = "Add someone they know" });
        await back.GetByLabel("Who").FillAsync("Ana Silva");
        await back.GetByLabel("How they know each other").SelectOptionAsync("colleague");
        await back.GetByRole(AriaRole.Button, new() { Name = "Add to whom they know" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Updated how Bea Braun knows Ana Silva (colleague).");
        link = Assert.Single(await net.LinksAsync());
        Assert.Equal((LinkKind.Colleague, 0.8), (link.Kind, link.Strength));

        // At phone width the forms fit the screen.
        var phone = await fixture.NewPageAsync(390, 844, net.Url);
        await phone.GotoAsync($"/people/{net.Ana}");
        await phone.Locator("#introduction summary").ClickAsync();
        Assert.True(await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth") <= 0, "the Person page is wider than a 390 px screen");
        // The warm paths there: each path a block of labelled lines, not a four-column table.
        Assert.Equal("block", await phone.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.warm-paths td[data-label]')).display"));
        Assert.StartsWith("Path 1", await phone.EvaluateAsync<string>("() => document.querySelector('.warm-paths td[data-label]').getAttribute('data-label')"));
        await Knows(phone).ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDir, $"person-knows-390-{provider}.png") });
        await phone.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task AddingSomeoneTheyKnow_WithBadInput_SaysWhatIsWrongNextToTheField_AndWritesNothing(string provider)
    {
        await using var net = await SmallNetwork.StartAsync(provider);
        var page = await fixture.NewPageAsync(baseUrl: net.Url);
        await page.GotoAsync($"/people/{net.Ana}");
        foreach (var (who, strength, field, message) in new[]
        {
            ("Nobody Byth1sName", "", "Who", "No contact is named 'Nobody Byth1sName'"),
            ("Cy Chen", "2", "Strength", "Expected a number above 0 up to 1, like 0.8, got '2'"),
            ("Cy Chen", "strong", "Strength", "Expected a number above 0 up to 1, like 0.8, got 'strong'"),
            ("Ana Silva", "0.5", "Who", "Ana Silva cannot be linked to themselves"),
            ("", "", "Who", "Type a name, email or id"),
        })
        {
            var form = page.GetByRole(AriaRole.Form, new() { Name = "Add someone they know" });
            await form.GetByLabel("Who").FillAsync(who);
            await form.GetByLabel("Strength").FillAsync(strength);
            await form.GetByRole(AriaRole.Button, new() { Name = "Add to whom they know" }).ClickAsync();

            var input = form.GetByLabel(field);
            await Assertions.Expect(input).ToHaveAttributeAsync("aria-invalid", "true");
            await Assertions.Expect(input).ToHaveAccessibleDescriptionAsync(new Regex(Regex.Escape(message) + "$"));
            // What was typed stays, to be mended.
            await Assertions.Expect(form.GetByLabel("Who")).ToHaveValueAsync(who);
            await Assertions.Expect(form.GetByLabel("Strength")).ToHaveValueAsync(strength);
            await Assertions.Expect(page.Locator(".field-error")).ToHaveCountAsync(1);
        }
        await PagesTest.AssertAccessibleAsync(page, "Person page with a link refused");
        Assert.Empty(await net.LinksAsync());
        await Assertions.Expect(Knows(page).GetByRole(AriaRole.Link)).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task LoggingAnIntroduction_InEachOfItsThreeWays_ListsThoseItNamesUnderKnows_AndRefusesWhatDoesNotFit(string provider)
    {
        await using var net = await SmallNetwork.StartAsync(provider);
        var page = await fixture.NewPageAsync(baseUrl: net.Url);
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Log an introduction" });
        async Task LogAsync(string role, string whom, string by = "", string date = "", string outcome = "")
        {
            if (!await form.IsVisibleAsync()) await page.Locator("#introduction summary").ClickAsync();
            await form.GetByLabel("What happened").SelectOptionAsync(role);
            await form.GetByLabel("Whom").FillAsync(whom);
            await form.GetByLabel("Introduced by").FillAsync(by);
            await form.GetByLabel("Date").FillAsync(date);
            await form.GetByLabel("Outcome").FillAsync(outcome);
            await form.GetByRole(AriaRole.Button, new() { Name = "Log introduction" }).ClickAsync();
        }

        // Dee introduced Ana to Cy.
        await page.GotoAsync($"/people/{net.Ana}");
        await LogAsync("to", "Cy Chen", by: "Dee Diaz", date: "2026-10-01", outcome: "a standing coffee");
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Logged: Dee Diaz introduced Ana Silva to Cy Chen.");
        await Assertions.Expect(Knows(page).GetByRole(AriaRole.Link)).ToHaveTextAsync(["Cy Chen", "Dee Diaz"]);
        await page.GotoAsync($"/people/{net.Cy}");
        await Assertions.Expect(Knows(page).GetByRole(AriaRole.Link)).ToHaveTextAsync(["Ana Silva", "Dee Diaz"]);
        var first = Assert.Single(await net.IntroductionsAsync());
        Assert.Equal<(long?, long?, long?, DateOnly, string?)>((net.Dee, net.Ana, net.Cy, new DateOnly(2026, 10, 1), "a standing coffee"), (first.IntroducerId, first.PersonAId, first.PersonBId, first.IntroducedOn, first.Outcome));

        // What does not fit is refused next to its field, the form stays open with what was typed, and nothing is written.
        await page.GotoAsync($"/people/{net.Bea}");
        foreach (var (role, whom, by, date, field, message) in new[]
        {
            ("to", "Nobody Byth1sName", "", "", "Whom", "No contact is named 'Nobody Byth1sName'"),
            ("to", "Cy Chen", "Bea Braun", "", "Introduced by", "Bea Braun cannot introduce themselves"),
            ("you", "Cy Chen", "Dee Diaz", "", "Introduced by", "Leave it empty: the introducer is already named above"),
            ("by", "Bea Braun", "", "", "Whom", "Bea Braun cannot introduce themselves"),
            ("to", "Bea Braun", "", "", "Whom", "Bea Braun cannot be introduced to themselves"),
            ("to", "Cy Chen", "", "last week", "Date", "Expected a date like 2026-05-01, got 'last week'"),
        })
        {
            await LogAsync(role, whom, by, date);
            var input = form.GetByLabel(field);
            await Assertions.Expect(input).ToHaveAttributeAsync("aria-invalid", "true");
            await Assertions.Expect(input).ToHaveAccessibleDescriptionAsync(new Regex(Regex.Escape(message) + "$"));
            await Assertions.Expect(form.GetByLabel("What happened")).ToHaveValueAsync(role);
            await Assertions.Expect(form.GetByLabel("Whom")).ToHaveValueAsync(whom);
        }
        await PagesTest.AssertAccessibleAsync(page, "Person page with an introduction refused");
        await Knows(page).ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDir, $"person-introduction-refused-{provider}.png") });
        Assert.Single(await net.IntroductionsAsync());

        // Bea introduced you to Dee; Cy introduced you to Bea.
        await LogAsync("you", "Dee Diaz");
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Logged: Bea Braun introduced Dee Diaz to you.");
        await LogAsync("by", "Cy Chen", outcome: "hired her");
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Logged: Cy Chen introduced Bea Braun to you.");
        await Assertions.Expect(Knows(page).GetByRole(AriaRole.Link)).ToHaveTextAsync(["Cy Chen", "Dee Diaz"]);
        var logged = (await net.IntroductionsAsync()).Where(i => i.Id != first.Id).OrderBy(i => i.Id).Select(i => (i.IntroducerId, i.PersonAId, i.PersonBId, i.IntroducedOn, i.Outcome));
        var today = DateOnly.FromDateTime(WebAppFixture.Now.UtcDateTime);
        Assert.Equal<(long?, long?, long?, DateOnly, string?)>([(net.Bea, net.Dee, null, today, null), (net.Cy, net.Bea, null, today, "hired her")], logged);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task TheApi_AddsLinksAndIntroductions_RefusesBadInputNamingTheField_AndThePathsFollow(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var net = await SmallNetwork.StartAsync(provider);
        using var http = net.Client();
        Assert.Equal(["Cy Chen (you)"], await PathsAsync(http, "Cy Chen"));

        // Contacts by name, or by id as a number.
        var created = await http.PostAsJsonAsync("/api/v1/links", new { a = "Cy Chen", b = net.Ana, kind = "colleague", strength = 0.6 }, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var (lo, hi) = (Math.Min(net.Ana, net.Cy), Math.Max(net.Ana, net.Cy));
        Assert.Equal($"/api/v1/contacts/{lo}/knows", created.Headers.Location?.ToString());
        var link = await JsonAsync(created);
        Assert.True(link.GetProperty("id").GetInt64() > 0);
        Assert.Equal((lo, hi), (link.GetProperty("contactAId").GetInt64(), link.GetProperty("contactBId").GetInt64()));
        Assert.Equal(lo == net.Ana ? ("Ana Silva", "Cy Chen") : ("Cy Chen", "Ana Silva"), (link.GetProperty("contactA").GetString(), link.GetProperty("contactB").GetString()));
        Assert.Equal(("colleague", 0.6), (link.GetProperty("kind").GetString(), link.GetProperty("strength").GetDouble()));
        Assert.Equal(["Ana Silva"], await KnowsAsync(http, net.Cy));
        Assert.Contains("Ana Silva (you) → Cy Chen (link)", await PathsAsync(http, "Cy Chen"));

        // The same two again: the one link is updated, 200 instead of 201.
        var updated = await http.PostAsJsonAsync("/api/v1/links", new { a = net.Ana.ToString(System.Globalization.CultureInfo.InvariantCulture), b = "Cy Chen", kind = "friend" }, ct);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var same = await JsonAsync(updated);
        Assert.Equal(link.GetProperty("id").GetInt64(), same.GetProperty("id").GetInt64());
        Assert.Equal(("friend", 0.6), (same.GetProperty("kind").GetString(), same.GetProperty("strength").GetDouble()));
        Assert.Equal(["Ana Silva"], await KnowsAsync(http, net.Cy));

        foreach (var (body, field, message) in new (object, string, string)[]
        {
            (new { a = "Ana Silva", b = "Nobody Byth1sName" }, "b", "b: no contact is named 'Nobody Byth1sName'"),
            (new { a = "Nobody Byth1sName", b = "Ana Silva" }, "a", "a: no contact is named 'Nobody Byth1sName'"),
            (new { a = "Ana Silva", b = "Bea Braun", strength = 2 }, "strength", "strength: link strength must be in (0, 1], not 2"),
            (new { a = "Ana Silva", b = "Ana Silva" }, "b", "b: Ana Silva cannot be linked to themselves"),
            (new { a = "Ana Silva", b = "Bea Braun", kind = "rival" }, "kind", "kind: expected one of colleague, friend, family, introduced, same-event, other; got 'rival'"),
            (new { b = "Bea Braun" }, "a", "a: expected a contact id, email or name, got nothing"),
            (new { a = "Ana Silva", b = "Bea Braun", strength = "high" }, "strength", "strength: expected a value of another kind at $.strength"),
        })
        {
            var refused = await http.PostAsJsonAsync("/api/v1/links", body, ct);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal([message], (await JsonAsync(refused)).GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()));
        }
        var empty = await http.PostAsync("/api/v1/links", new StringContent("", System.Text.Encoding.UTF8, "application/json"), ct);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.True((await JsonAsync(empty)).GetProperty("errors").TryGetProperty("body", out _));
        Assert.Single(await net.LinksAsync());

        // Bea introduced Dee to Cy; Ana introduced Dee to you.
        var intro = await http.PostAsJsonAsync("/api/v1/introductions",
            new { personA = "Dee Diaz", personB = "Cy Chen", by = "Bea Braun", date = "2026-09-01", outcome = "worked together", note = "at the guild" }, ct);
        Assert.Equal(HttpStatusCode.Created, intro.StatusCode);
        Assert.Equal($"/api/v1/contacts/{net.Dee}/knows", intro.Headers.Location?.ToString());
        var i = await JsonAsync(intro);
        Assert.True(i.GetProperty("id").GetInt64() > 0);
        Assert.Equal((net.Bea, "Bea Braun", net.Dee, "Dee Diaz", net.Cy, "Cy Chen"), (i.GetProperty("introducerId").GetInt64(), i.GetProperty("introducer").GetString(),
            i.GetProperty("personAId").GetInt64(), i.GetProperty("personA").GetString(), i.GetProperty("personBId").GetInt64(), i.GetProperty("personB").GetString()));
        Assert.Equal(("2026-09-01", "worked together", "at the guild"), (i.GetProperty("date").GetString(), i.GetProperty("outcome").GetString(), i.GetProperty("note").GetString()));
        var toYou = await JsonAsync(await http.PostAsJsonAsync("/api/v1/introductions", new { personA = "Dee Diaz", by = net.Ana }, ct));
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null, "2026-11-20", "Ana Silva"),
            (toYou.GetProperty("personBId").ValueKind, toYou.GetProperty("personB").ValueKind, toYou.GetProperty("date").GetString(), toYou.GetProperty("introducer").GetString()));

        foreach (var (body, field, message) in new (object, string, string)[]
        {
            (new { personA = "Dee Diaz" }, "personB", "personB: name whom personA was introduced to, or who introduced them to you in by"),
            (new { personA = "Dee Diaz", personB = "Dee Diaz" }, "personB", "personB: Dee Diaz cannot be introduced to themselves"),
            (new { personA = "Nobody Byth1sName", personB = "Cy Chen" }, "personA", "personA: no contact is named 'Nobody Byth1sName'"),
            (new { personA = "Dee Diaz", personB = "Nobody Byth1sName" }, "personB", "personB: no contact is named 'Nobody Byth1sName'"),
            (new { personA = "Dee Diaz", personB = "Cy Chen", by = "Cy Chen" }, "by", "by: Cy Chen cannot introduce themselves"),
            (new { personA = "Dee Diaz", personB = "Cy Chen", date = "2026-13-01" }, "date", "date: expected a date like 2026-05-01, got '2026-13-01'"),
            (new { personB = "Cy Chen" }, "personA", "personA: expected a contact id, email or name, got nothing"),
        })
        {
            var refused = await http.PostAsJsonAsync("/api/v1/introductions", body, ct);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal([message], (await JsonAsync(refused)).GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()));
        }
        Assert.Equal(2, (await net.IntroductionsAsync()).Count);

        Assert.Equal(["Ana Silva", "Bea Braun", "Cy Chen"], await KnowsAsync(http, net.Dee));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/v1/contacts/999999/knows", ct)).StatusCode);
        // Dee is reached through Ana, who introduced her to you.
        Assert.Contains("Ana Silva (you) → Dee Diaz (introduced)", await PathsAsync(http, "Dee Diaz"));

        var openApi = JsonDocument.Parse(await http.GetStringAsync("/api/v1/openapi.json", ct)).RootElement.GetProperty("paths");
        foreach (var (path, method, operation) in new[] { ("/api/v1/links", "post", "CreateLink"), ("/api/v1/introductions", "post", "CreateIntroduction"), ("/api/v1/contacts/{id}/knows", "get", "GetContactKnows") })
            Assert.Equal(operation, openApi.GetProperty(path).GetProperty(method).GetProperty("operationId").GetString());
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task SomeoneWhoKnowsMany_ListsFiftyThenTheRestOnRequest_AndTheApiTakesALimit(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var net = await SmallNetwork.StartAsync(provider);
        var known = await net.LinkManyAsync(net.Bea, 230);
        var byName = known.Order(StringComparer.Ordinal).ToArray();

        var page = await fixture.NewPageAsync(baseUrl: net.Url);
        await page.GotoAsync($"/people/{net.Bea}");
        var section = Knows(page);
        var names = section.Locator("> p a");
        Assert.Equal(byName[..50], await names.AllInnerTextsAsync());
        Assert.EndsWith(byName[49], (await section.Locator("> p").First.InnerTextAsync()).TrimEnd(), StringComparison.Ordinal);
        var more = section.Locator("details.knows-more");
        await Assertions.Expect(more.Locator("summary")).ToHaveTextAsync("180 more");
        await Assertions.Expect(more.Locator("p a").First).Not.ToBeVisibleAsync();
        await more.Locator("summary").ClickAsync();
        Assert.Equal(byName[50..200], await more.Locator("p a").AllInnerTextsAsync());
        await Assertions.Expect(more).ToContainTextAsync("The first 200 of 230 by name.");

        using var http = net.Client();
        Assert.Equal(byName[..200], await KnowsAsync(http, net.Bea));
        Assert.Equal(byName, await KnowsAsync(http, net.Bea, 1000));
        Assert.Equal(byName[..5], await KnowsAsync(http, net.Bea, 5));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/v1/contacts/999999/knows?limit=5", ct)).StatusCode);
        await page.Context.CloseAsync();
    }

    private static ILocator Knows(IPage page) => page.GetByRole(AriaRole.Region, new() { Name = "Knows", Exact = true });

    /// <summary>The warm paths to <paramref name="to"/>, best first, each as its hops with where each tie comes from: "Ana Silva (you) → Bea Braun (link)".</summary>
    private static async Task<string[]> PathsAsync(HttpClient http, string to)
    {
        var response = await http.GetAsync("/api/v1/insights/paths?to=" + Uri.EscapeDataString(to), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await JsonAsync(response)).GetProperty("paths").EnumerateArray().Select(p =>
            string.Join(" → ", p.GetProperty("hops").EnumerateArray().Select(h => $"{h.GetProperty("name").GetString()} ({h.GetProperty("via").GetString()})")))];
    }

    private static async Task<string[]> KnowsAsync(HttpClient http, long id, int? limit = null) =>
        [.. JsonDocument.Parse(await http.GetStringAsync(string.Create(CultureInfo.InvariantCulture, $"/api/v1/contacts/{id}/knows{(limit is null ? "" : $"?limit={limit}")}"), TestContext.Current.CancellationToken))
            .RootElement.EnumerateArray().Select(k => k.GetProperty("name").GetString()!)];

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

    /// <summary>
    /// The app over a database of its own holding four contacts at four companies (no link inferred among them): Ana, whom
    /// you have called four times, and Bea, Cy and Dee, whom you have never been in touch with.
    /// </summary>
    private sealed class SmallNetwork : IAsyncDisposable
    {
        private readonly TestDatabase _db;
        private readonly RapportStore _store;
        private readonly WebApplication _app;

        private SmallNetwork(TestDatabase db, RapportStore store, WebApplication app, string url, long[] ids)
        {
            (_db, _store, _app, Url) = (db, store, app, url);
            (Ana, Bea, Cy, Dee) = (ids[0], ids[1], ids[2], ids[3]);
        }

        public string Url { get; }
        public long Ana { get; }
        public long Bea { get; }
        public long Cy { get; }
        public long Dee { get; }

        public static async Task<SmallNetwork> StartAsync(string provider)
        {
            var db = await TestDatabase.CreateAsync(provider);
            var clock = new FixedClock(WebAppFixture.Now);
            var store = await db.MigratedStoreAsync(clock);
            var ids = new List<long>();
            await using (var context = store.Open())
            {
                foreach (var (name, company) in new[] { ("Ana Silva", "Orbit"), ("Bea Braun", "Globex"), ("Cy Chen", "Initech"), ("Dee Diaz", "Umbrella") })
                    ids.Add((await new CreateContact(context, clock).ExecuteAsync(new ContactChanges { Name = name, Company = company })).Id);
                for (var month = 8; month <= 11; month++)
                    await new LogInteraction(context, clock).ExecuteAsync(new LogRequest("Ana Silva", "call") { Direction = "mutual", Date = $"2026-{month:D2}-03" });
            }
            var url = $"http://127.0.0.1:{WebAppFixture.FreePort()}";
            var app = RapportWebHost.Build(new WebOptions(db.Target, clock) { Urls = url });
            await app.StartAsync();
            return new SmallNetwork(db, store, app, url, [.. ids]);
        }

        public HttpClient Client() => new() { BaseAddress = new Uri(Url) };

        public async Task<List<ContactLink>> LinksAsync()
        {
            await using var context = _store.Open();
            return await context.ContactLinks.AsNoTracking().ToListAsync();
        }

        /// <summary>Adds <paramref name="count"/> contacts, each linked to <paramref name="who"/>; returns their names.</summary>
        public async Task<List<string>> LinkManyAsync(long who, int count)
        {
            await using var context = _store.Open();
            var at = WebAppFixture.Now.UtcDateTime;
            var contacts = Enumerable.Range(0, count).Select(i => new Contact($"Known {(i * 37) % count:D3} Person", at)).ToList();
            context.Contacts.AddRange(contacts);
            await context.SaveChangesAsync();
            context.ContactLinks.AddRange(contacts.Select(c => new ContactLink(Math.Min(who, c.Id), Math.Max(who, c.Id), LinkKind.Colleague, null, false, at)));
            await context.SaveChangesAsync();
            return [.. contacts.Select(c => c.DisplayName)];
        }

        public async Task<List<Introduction>> IntroductionsAsync()
        {
            await using var context = _store.Open();
            return await context.Introductions.AsNoTracking().ToListAsync();
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            await _db.DisposeAsync();
        }
    }
}
