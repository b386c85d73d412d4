using Microsoft.EntityFrameworkCore;
using Rapport.App.Common;
using Rapport.App.Contacts;
using Rapport.App.Demo;
using Rapport.App.Interactions;
using Rapport.App.Nurture;
using Rapport.Data.Storage;
using Rapport.Data.Tests.Support;
using Rapport.Domain;
using Rapport.Domain.Interactions;
using Rapport.Domain.Nurture;

namespace Rapport.Data.Tests.Nurture;

/// <summary>The plan over a stored network: built from the database, acted on (done, snooze, skip), within the settings.</summary>
public class PlanServiceTest
{
    // A Monday, so the week runs Monday to Sunday and the default quiet days are its last two.
    private static DateTime Monday => new(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc);

    private static async Task<(TestDatabase Test, RapportStore Store, TestClock Clock)> DemoAsync(string provider, int contacts = 300)
    {
        var clock = new TestClock(Monday);
        var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(clock);
        await new DemoWriter(store, clock).WriteAsync(new DemoOptions(contacts, 1), null, default);
        return (test, store, clock);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DemoPlan_StaysWithinTheBudget_SkipsQuietDays_AndHasOneItemPerContact(string provider)
    {
        var (test, store, clock) = await DemoAsync(provider);
        await using var _ = test;
        await using var db = store.Open();
        var plan = await new PlanService(db, clock).BuildAsync(default);
        var s = NurtureSettings.Default;

        Assert.NotEmpty(plan.Today);
        Assert.True(plan.Week.Count <= s.BudgetTouchpoints, $"{plan.Week.Count} items");
        Assert.True(plan.Week.Sum(i => i.EffortMinutes) <= s.BudgetMinutes);
        Assert.All(plan.Week, i => Assert.DoesNotContain(i.Day.DayOfWeek, s.QuietDays));
        Assert.All(plan.Today, i => Assert.Equal(DateOnly.FromDateTime(Monday), i.Day));
        Assert.Equal(plan.Week.Count, plan.Week.Select(i => i.ContactId).Distinct().Count());
        Assert.All(plan.Week, i => Assert.False(string.IsNullOrWhiteSpace(i.Draft)));
        Assert.All(plan.Week, i => Assert.Contains(i.ContactName.Split(' ')[0], i.Draft, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Done_LogsTheInteraction_ResetsTheCadence_AndTheItemDoesNotReturn(string provider)
    {
        var (test, store, clock) = await DemoAsync(provider);
        await using var _ = test;
        await using var db = store.Open();
        var service = new PlanService(db, clock);
        var plan = await service.BuildAsync(default);
        var item = plan.Week.First(i => i.Action == PlanAction.KeepInTouch);
        var before = (await service.StandingsAsync(default))[item.ContactId];
        var interactions = await db.Interactions.CountAsync();

        var done = await service.DoneAsync(new DoneRequest(item.Id) { Channel = "call", Note = "Caught up on the move" }, default);

        Assert.Equal(interactions + 1, await db.Interactions.CountAsync());
        var logged = await db.Interactions.Include(i => i.Participants).SingleAsync(i => i.Id == done.InteractionId);
        Assert.Equal(Channel.Call, logged.Channel);
        Assert.Equal("Caught up on the move", logged.Notes);
        Assert.Equal(item.ContactId, logged.Participants.Single().ContactId);
        Assert.Equal(Monday, done.Standing.LastInteraction);
        Assert.Equal(Monday.AddDays(done.Standing.CadenceDays!.Value), done.Standing.NextDue);
        Assert.True(done.Standing.NextDue > before.NextDue, $"next due {before.NextDue} → {done.Standing.NextDue}");
        Assert.True(done.Standing.Strength >= before.Strength);

        var after = await new PlanService(store.Open(), clock).BuildAsync(default);
        Assert.DoesNotContain(after.Week, i => i.Id == item.Id);
        Assert.Equal(1, after.Budget.TouchpointsDoneToday);
        Assert.Equal(item.EffortMinutes, after.Budget.MinutesDoneToday);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Snooze_HidesTheItemUntilItsDay_AndSkip_DemotesIt(string provider)
    {
        var (test, store, clock) = await DemoAsync(provider);
        await using var _ = test;
        var plan = await new PlanService(store.Open(), clock).BuildAsync(default);
        var snoozed = plan.Today[0];
        var (_, until) = await new PlanService(store.Open(), clock).SnoozeAsync(snoozed.Id, 2, default);
        Assert.Equal(new DateTime(2026, 11, 25, 0, 0, 0, DateTimeKind.Utc), until);

        var later = await new PlanService(store.Open(), clock).BuildAsync(default);
        Assert.DoesNotContain(later.Week, i => i.Id == snoozed.Id && i.Day < DateOnly.FromDateTime(until));
        Assert.DoesNotContain(later.Today, i => i.Id == snoozed.Id);

        clock.Now = until.AddHours(8);
        var then = await new PlanService(store.Open(), clock).BuildAsync(default);
        Assert.Contains(then.Week, i => i.ContactId == snoozed.ContactId);

        clock.Now = Monday;
        var skipped = later.Today[0];
        await new PlanService(store.Open(), clock).SkipAsync(skipped.Id, default);
        var afterSkip = await new PlanService(store.Open(), clock).BuildAsync(default);
        Assert.DoesNotContain(afterSkip.Today, i => i.Id == skipped.Id);

        await using var db = store.Open();
        Assert.Throws<InputException>(() => new PlanService(db, clock).SnoozeAsync(skipped.Id, 0, default).GetAwaiter().GetResult());
        var unknown = await Assert.ThrowsAsync<InputException>(() => new PlanService(db, clock).DoneAsync(new DoneRequest("nope"), default));
        Assert.Equal("id", unknown.Field);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Settings_AreValidated_Stored_AndShapeThePlan(string provider)
    {
        var (test, store, clock) = await DemoAsync(provider);
        await using var _ = test;
        await using (var db = store.Open())
        {
            var s = await NurtureSettingsStore.SetAsync(db, "budget.touchpoints", "3", default);
            Assert.Equal(3, s.BudgetTouchpoints);
            await NurtureSettingsStore.SetAsync(db, "quiet-days", "monday,saturday,sunday", default);
            var bad = Assert.Throws<DomainException>(() => NurtureSettingsStore.SetAsync(db, "budget.minutes", "lots", default).GetAwaiter().GetResult());
            Assert.Equal("budget.minutes", bad.Field);
            Assert.Throws<DomainException>(() => NurtureSettingsStore.SetAsync(db, "no.such.key", "1", default).GetAwaiter().GetResult());
        }
        await using (var db = store.Open())
        {
            var plan = await new PlanService(db, clock).BuildAsync(default);
            Assert.True(plan.Week.Count <= 3);
            Assert.Empty(plan.Today);  // Monday is now a quiet day
            Assert.All(plan.Week, i => Assert.NotEqual(DayOfWeek.Monday, i.Day.DayOfWeek));

            var reset = await NurtureSettingsStore.ResetAsync(db, "budget.touchpoints", default);
            Assert.Equal(NurtureSettings.Default.BudgetTouchpoints, reset.BudgetTouchpoints);
            Assert.False(await db.Settings.AnyAsync(x => x.Key == "budget.touchpoints"));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ChangingAWeight_RebuildsTheAggregates_WithTheNewSettings(string provider)
    {
        var (test, store, clock) = await DemoAsync(provider, 60);
        await using var _ = test;
        await using var db = store.Open();
        var before = (await new PlanService(db, clock).StandingsAsync(default)).Values.Max(x => x.Strength);
        var settings = await NurtureSettingsStore.SetAsync(db, "weights.channel.email", "0.1", default);
        Assert.Contains(await db.ContactStats.AsNoTracking().ToListAsync(), st => !st.IsCurrentFor(settings));

        await new PlanService(db, clock).BuildAsync(default);
        Assert.All(await db.ContactStats.AsNoTracking().ToListAsync(), st => Assert.True(st.IsCurrentFor(settings)));
        Assert.True(before > 0);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LoggedInteractions_KeepTheAggregates_EqualToARebuildFromHistory(string provider)
    {
        var clock = new TestClock(Monday);
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(clock);
        long id;
        await using (var db = store.Open()) id = (await new CreateContact(db, clock).ExecuteAsync(new ContactChanges { Name = "Ada Byron", Emails = ["ada@example.org"] })).Id;

        (string Date, string Channel, string Direction)[] log =
        [
            ("2025-01-10", "call", "out"), ("2025-06-02", "in-person", "mutual"), ("2026-03-15", "email", "in"),
            ("2024-12-01", "video", "out"),   // older than the others: folded in out of order
            ("2026-11-20", "message", "in"),
        ];
        foreach (var (date, channel, direction) in log)
        {
            await using var db = store.Open();
            await new LogInteraction(db, clock).ExecuteAsync(new LogRequest("ada@example.org", channel) { Date = date, Direction = direction }, default);
        }

        await using var read = store.Open();
        var stored = await read.ContactStats.AsNoTracking().SingleAsync(s => s.ContactId == id);
        var touches = log.Select(l => new Touch(Input.ParseInstant("date", l.Date), Input.ParseEnum("channel", l.Channel, LogInteraction.ChannelNames), Input.ParseEnum<Direction>("direction", l.Direction)));
        var rebuilt = ContactStats.FromHistory(id, touches);
        Assert.Equal(rebuilt.TouchCount, stored.TouchCount);
        Assert.Equal(rebuilt.FirstTouchAt, stored.FirstTouchAt);
        Assert.Equal(rebuilt.LastTouchAt, stored.LastTouchAt);
        Assert.Equal(rebuilt.IntensityAtLast, stored.IntensityAtLast, 9);
        Assert.Equal(rebuilt.PeakCore, stored.PeakCore, 9);
        Assert.Equal(rebuilt.RecentLog, stored.RecentLog);
        Assert.True(stored.IsCurrentFor(NurtureSettings.Default));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Triggers_LifeEventBirthdayTripAndReminder_EachBecomeTheirItem(string provider)
    {
        var clock = new TestClock(Monday);
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = await test.MigratedStoreAsync(clock);
        await using (var db = store.Open())
        {
            await NurtureSettingsStore.SetAsync(db, "budget.touchpoints", "50", default);
            await NurtureSettingsStore.SetAsync(db, "budget.minutes", "600", default);
            var create = new CreateContact(db, clock);
            await create.ExecuteAsync(new ContactChanges { Name = "Lena Promoted", Emails = ["lena@example.org"], Title = "VP Design", Company = "Figma" });
            await create.ExecuteAsync(new ContactChanges { Name = "Bo Birthday", Emails = ["bo@example.org"], Birthday = "--11-24" });
            await create.ExecuteAsync(new ContactChanges { Name = "Tom Lisbon", Emails = ["tom@example.org"], City = "Lisbon" });
            await create.ExecuteAsync(new ContactChanges { Name = "Rae Reminder", Emails = ["rae@example.org"] });
            await new AddLifeEvent(db, clock).ExecuteAsync("lena@example.org", "promotion", "2026-11-19", "now VP Design", default);
            // Birthdays and trips are for people you are in touch with: an acquaintance with no history gets neither.
            await new LogInteraction(db, clock).ExecuteAsync(new LogRequest("bo@example.org", "call") { Date = "2026-11-10" }, default);
            await new LogInteraction(db, clock).ExecuteAsync(new LogRequest("tom@example.org", "video") { Date = "2025-10-01" }, default);
            var planning = new TripsAndReminders(db, clock);
            await planning.AddTripAsync("Lisbon", "2026-11-25", "2026-11-27", null, null, default);
            await planning.AddReminderAsync("rae@example.org", "2026-11-24", "send the deck", default);
            Assert.Throws<InputException>(() => planning.AddTripAsync("Rome", "2026-01-01", "2026-01-03", null, null, default).GetAwaiter().GetResult());
            Assert.Throws<DomainException>(() => planning.AddTripAsync("Rome", "2026-12-05", "2026-12-01", null, null, default).GetAwaiter().GetResult());
        }
        await using var read = store.Open();
        var plan = await new PlanService(read, clock).BuildAsync(default);
        var byName = plan.Week.ToDictionary(i => i.ContactName);
        Assert.Equal(PlanAction.Congratulate, byName["Lena Promoted"].Action);
        Assert.Contains("VP Design", byName["Lena Promoted"].Draft, StringComparison.Ordinal);
        Assert.Equal(PlanAction.Birthday, byName["Bo Birthday"].Action);
        Assert.Equal(new DateOnly(2026, 11, 24), byName["Bo Birthday"].Day);
        Assert.Equal(PlanAction.InTown, byName["Tom Lisbon"].Action);
        Assert.Contains("Lisbon", byName["Tom Lisbon"].Draft, StringComparison.Ordinal);
        Assert.Equal(PlanAction.FollowUp, byName["Rae Reminder"].Action);
        Assert.Contains("send the deck", byName["Rae Reminder"].Reason, StringComparison.Ordinal);

        // Congratulating acknowledges the life event; following up closes the reminder.
        var service = new PlanService(read, clock);
        await service.DoneAsync(new DoneRequest(byName["Lena Promoted"].Id), default);
        await service.DoneAsync(new DoneRequest(byName["Rae Reminder"].Id), default);
        await using var check = store.Open();
        Assert.NotNull((await check.LifeEvents.SingleAsync()).AcknowledgedAt);
        Assert.NotNull((await check.Reminders.SingleAsync()).DoneAt);
        var next = await new PlanService(check, clock).BuildAsync(default);
        Assert.DoesNotContain(next.Week, i => i.ContactName is "Lena Promoted" or "Rae Reminder");
    }
}
