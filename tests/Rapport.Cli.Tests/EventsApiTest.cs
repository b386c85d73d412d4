using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Rapport.Data.Tests.Support;
using Rapport.Web;

namespace Rapport.Cli.Tests;

/// <summary>/api/v1/events and /api/v1/organizations over HTTP, as a script or another app would use them.</summary>
public class EventsApiTest
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task EventsAndOrganizations_CanBeAddedChangedAndRead_WithClearErrors(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(provider);
        await new CliRunner(db).RunAsync("contact", "add", "--name", "Ana Silva", "--company", "Orbit");
        var port = Loopback.FreePort();
        await using var app = RapportWebHost.Build(new WebOptions(db.Target, new FixedClock(new DateTime(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc))) { Urls = $"http://127.0.0.1:{port}" });
        await app.StartAsync(ct);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        var org = await http.PostAsJsonAsync("/api/v1/organizations", new { name = "Berlin Product Guild", kind = "community", meetingCadenceDays = "30" }, ct);
        Assert.Equal(HttpStatusCode.Created, org.StatusCode);
        var orgId = (await Json(org)).GetProperty("id").GetInt64();
        Assert.Equal($"/api/v1/organizations/{orgId}", org.Headers.Location?.ToString());

        var created = await http.PostAsJsonAsync("/api/v1/events", new { name = "Guild night", kind = "meetup", date = "2026-10-14T18:00", organizer = "guild", minutes = "150" }, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var e = await Json(created);
        var id = e.GetProperty("id").GetInt64();
        Assert.Equal("Berlin Product Guild", e.GetProperty("organizer").GetString());
        Assert.Equal(orgId, e.GetProperty("organizerId").GetInt64());

        var bad = await http.PatchAsJsonAsync($"/api/v1/events/{id}", new { rating = "9" }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("expected a whole number from 1 to 5", (await Json(bad)).GetProperty("errors").GetProperty("rating")[0].GetString(), StringComparison.Ordinal);
        var noDate = await http.PostAsJsonAsync("/api/v1/events", new { name = "Undated", kind = "meetup", date = "" }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, noDate.StatusCode);
        Assert.True((await Json(noDate)).GetProperty("errors").TryGetProperty("date", out _));

        var patched = await http.PatchAsJsonAsync($"/api/v1/events/{id}", new { rating = "4", cost = "12.50" }, ct);
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var p = await Json(patched);
        Assert.Equal(4, p.GetProperty("rating").GetInt32());
        Assert.Equal(12.5m, p.GetProperty("cost").GetDecimal());
        Assert.Equal(150, p.GetProperty("minutesSpent").GetInt32());

        Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync($"/api/v1/events/{id}/attendees", new { who = "Ana", met = true }, ct)).StatusCode);
        var met = await http.PostAsJsonAsync($"/api/v1/events/{id}/met", new { name = "Bo Chen", company = "Acme" }, ct);
        Assert.Equal(HttpStatusCode.OK, met.StatusCode);
        Assert.Equal(["Ana Silva", "Bo Chen"], (await Json(met)).GetProperty("attendees").EnumerateArray().Select(a => a.GetProperty("name").GetString()!).Order().ToArray());
        var nobody = await http.PostAsJsonAsync($"/api/v1/events/{id}/attendees", new { who = "Nobody Byth1sName" }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, nobody.StatusCode);

        var list = JsonDocument.Parse(await http.GetStringAsync("/api/v1/events", ct)).RootElement;
        Assert.Equal(2, list.EnumerateArray().Single().GetProperty("met").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/v1/events/999999", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PatchAsJsonAsync("/api/v1/events/999999", new { rating = "3" }, ct)).StatusCode);

        var member = await http.PostAsJsonAsync($"/api/v1/organizations/{orgId}/members", new { who = "Ana", role = "organizer" }, ct);
        Assert.Equal(HttpStatusCode.OK, member.StatusCode);
        Assert.Equal("organizer", (await Json(member)).GetProperty("members")[0].GetProperty("role").GetString());
        var orgs = JsonDocument.Parse(await http.GetStringAsync("/api/v1/organizations?kind=community", ct)).RootElement;
        Assert.Equal(1, orgs.EnumerateArray().Single().GetProperty("members").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/api/v1/organizations?kind=club", ct)).StatusCode);

        // Numbers where the request has text, as a script would send them; no kind means a meetup or a community.
        var typed = await http.PatchAsJsonAsync($"/api/v1/events/{id}", new { size = 80, minutes = 90 }, ct);
        Assert.Equal(HttpStatusCode.OK, typed.StatusCode);
        Assert.Equal(80, (await Json(typed)).GetProperty("size").GetInt32());
        var plain = await http.PostAsJsonAsync("/api/v1/organizations", new { name = "Writers Circle", meetingCadenceDays = 14 }, ct);
        Assert.Equal(HttpStatusCode.Created, plain.StatusCode);
        Assert.Equal(("community", 14), ((await Json(plain)).GetProperty("kind").GetString(), (await Json(plain)).GetProperty("meetingCadenceDays").GetInt32()));
        // What cannot be bound at all is refused naming the field, not with an empty 400.
        var wrongKind = await http.PatchAsJsonAsync($"/api/v1/events/{id}", new { attending = "yes" }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, wrongKind.StatusCode);
        Assert.True((await Json(wrongKind)).GetProperty("errors").TryGetProperty("attending", out _));
        var noBody = await http.PostAsync("/api/v1/events", new StringContent("", System.Text.Encoding.UTF8, "application/json"), ct);
        Assert.Equal(HttpStatusCode.BadRequest, noBody.StatusCode);
        Assert.True((await Json(noBody)).GetProperty("errors").TryGetProperty("body", out _));
        var badDays = await http.PostAsync("/api/v1/plan/abc/snooze?days=many", null, ct);
        Assert.Equal(HttpStatusCode.BadRequest, badDays.StatusCode);
        Assert.Equal("days: expected a whole number, got 'many'", (await Json(badDays)).GetProperty("errors").GetProperty("days")[0].GetString());

        var openApi = await http.GetStringAsync("/api/v1/openapi.json", ct);
        foreach (var path in new[] { "/api/v1/events", "/api/v1/events/{id}", "/api/v1/events/{id}/attendees", "/api/v1/organizations/{id}/members" })
            Assert.Contains($"\"{path}\"", openApi, StringComparison.Ordinal);
        await app.StopAsync(ct);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
}
