using FsCheck;
using FsCheck.Fluent;
using Rapport.Domain.Contacts;
using Rapport.Domain.Exchanges;
using Rapport.Domain.Goals;
using Rapport.Domain.Interactions;
using Rapport.Domain.Nurture;
using Rapport.Domain.Nurture.Goals;
using Rapport.Domain.Nurture.Plan;
using static Rapport.Domain.Tests.Nurture.NurtureTestData;

namespace Rapport.Domain.Tests.Nurture.Plan;

public class PlanBuilderTest
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now); // Wednesday

    private static PlanContact Person(long id, string name, params Touch[] touches) =>
        new(id, new ContactFacts(name, "Product Lead", Company: "Acme", City: "Porto"), touches.Length == 0 ? null : ContactStats.FromHistory(id, touches, S));

    [Fact]
    public void KeepInTouch_ForAnInnerContactPastCadence_HasPriorityFromTierAndLapse()
    {
        var input = new PlanInput([Person(1, "Ana Silva", T(10, Channel.Call, Direction.In)) with { LastNote = "her move to Lisbon" }]);
        var plan = PlanBuilder.Build(input, Now, S);
        var item = Assert.Single(plan.Today);
        Assert.Equal(PlanAction.KeepInTouch, item.Action);
        Assert.Equal("keep-in-touch", item.ActionName);
        Assert.Equal(1 - Math.Pow(2, -10.0 / 7), item.Priority, 4); // inner tier priority 1 · (1 − 2^(−L)), L = 10/7
        Assert.Equal(10, item.EffortMinutes);
        Assert.StartsWith("inner tier (every 7 days): last in touch 10 days ago", item.Reason, StringComparison.Ordinal);
        Assert.Contains("her move to Lisbon", item.Draft, StringComparison.Ordinal);
        Assert.Equal(Today, item.Day);
    }

    [Fact]
    public void ItemIds_AreStableAcrossRuns_AndDifferByTrigger()
    {
        var input = new PlanInput([Person(1, "Ana", T(10)), Person(2, "Ben", T(12))]);
        var a = PlanBuilder.Build(input, Now, S);
        var b = PlanBuilder.Build(input, Now, S);
        Assert.Equal(a.Week.Select(i => i.Id), b.Week.Select(i => i.Id));
        Assert.All(a.Week, i => Assert.Matches("^[a-z2-9]{10}$", i.Id));
        Assert.NotEqual(PlanItemId.Of(PlanAction.Birthday, 1, "birthday:2026-11-06"), PlanItemId.Of(PlanAction.Birthday, 1, "birthday:2027-11-06"));
        Assert.Equal(PlanItemId.Of(PlanAction.Birthday, 1, "x"), PlanItemId.Of(PlanAction.Birthday, 1, "x"));
    }

    [Fact]
    public void Budget_PicksByPriorityPerMinute_AndNeverExceedsMinutes()
    {
        var s = S.With("budget.minutes", "10");
        var input = new PlanInput([Person(1, "Ana", T(10)), Person(2, "Ben", T(200)), Person(3, "Cy", T(300))])
        {
            ImportantDates = [new(2, ImportantDateKind.Birthday, 11, 4)],          // 0.7 / 3 min
            LifeEvents = [new(3, LifeEventKind.NewJob, Today.AddDays(-3))],       // 0.9 / 5 min
        };
        var plan = PlanBuilder.Build(input, Now, s);
        Assert.Equal([PlanAction.Congratulate, PlanAction.Birthday], plan.Week.Select(i => i.Action).Order());
        Assert.Equal(8, plan.Budget.MinutesPlanned);
        var congrats = plan.Week.Single(i => i.Action == PlanAction.Congratulate);
        Assert.Contains("Product Lead at Acme", congrats.Draft, StringComparison.Ordinal);
    }

    [Fact]
    public void Week_SpreadsOverOpenDays_TodayGetsItsShareOfTheMostImportant_AndQuietDaysStayEmpty()
    {
        var contacts = Enumerable.Range(1, 12).Select(i => Person(i, $"P{i}", T(40 + i))).ToList(); // all past their cadence
        var plan = PlanBuilder.Build(new PlanInput(contacts), Now, S.With("budget.minutes", "600"));
        Assert.Equal(10, plan.Week.Count);                 // the touchpoint budget
        Assert.DoesNotContain(plan.Week, i => i.Day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        Assert.All(plan.Week.GroupBy(i => i.Day), g => Assert.Equal(2, g.Count())); // 10 items over 5 open days
        Assert.Equal(2, plan.Today.Count);
        Assert.True(plan.Today.Min(i => i.Priority) >= plan.Week.Where(i => i.Day > Today).Max(i => i.Priority));
    }

    [Fact]
    public void Birthday_LandsOnItsDay_WithADraft()
    {
        var input = new PlanInput([Person(1, "Ana Silva", T(3))]) { ImportantDates = [new(1, ImportantDateKind.Birthday, 11, 6)] };
        var item = Assert.Single(PlanBuilder.Build(input, Now, S).Week);
        Assert.Equal(PlanAction.Birthday, item.Action);
        Assert.Equal(new DateOnly(2026, 11, 6), item.Day);
        Assert.StartsWith("Happy birthday, Ana!", item.Draft, StringComparison.Ordinal);
    }

    [Fact]
    public void Snoozed_MovesToItsDay_DoneDisappears_SkippedReturnsLowerLater()
    {
        var input = new PlanInput([Person(1, "Ana", T(10))]);
        var first = Assert.Single(PlanBuilder.Build(input, Now, S).Week);

        var snoozed = new PlanItemState(first.Id, 1);
        snoozed.Snooze(Now, 2);
        Assert.Equal(Today.AddDays(2), Assert.Single(PlanBuilder.Build(input with { ItemStates = [snoozed] }, Now, S).Week).Day);

        var farSnooze = new PlanItemState(first.Id, 1);
        farSnooze.Snooze(Now, 30);
        Assert.Empty(PlanBuilder.Build(input with { ItemStates = [farSnooze] }, Now, S).Week);

        var done = new PlanItemState(first.Id, 1);
        done.MarkDone(Now, first.EffortMinutes);
        var afterDone = PlanBuilder.Build(input with { ItemStates = [done] }, Now, S);
        Assert.Empty(afterDone.Week);
        Assert.Equal((1, 10), (afterDone.Budget.TouchpointsDoneToday, afterDone.Budget.MinutesDoneToday));

        var skipped = new PlanItemState(first.Id, 1);
        skipped.Skip(Now.AddDays(-8));
        var back = Assert.Single(PlanBuilder.Build(input with { ItemStates = [skipped] }, Now, S).Week);
        Assert.Equal(first.Priority * 0.5, back.Priority, 3);
        var skippedToday = new PlanItemState(first.Id, 1);
        skippedToday.Skip(Now);
        Assert.Empty(PlanBuilder.Build(input with { ItemStates = [skippedToday] }, Now, S).Week); // returns after 7 days, beyond this week
    }

    [Fact]
    public void IntroRequest_IsNeverTheFirstTouchAfterALongLapse()
    {
        var s = S.With("budget.touchpoints", "20").With("budget.minutes", "600");
        var recent = Person(1, "Ana", T(2), T(30, direction: Direction.In));
        var lapsed = Person(2, "Ben", T(20)); // inner tier, 20 days on a 7-day cadence: lapse 2.9
        var input = new PlanInput([recent, lapsed])
        {
            IntroRequests = [new(1, "Cy Park", "to learn about fintech"), new(2, "Dee Roe")],
        };
        var plan = PlanBuilder.Build(input, Now, s);
        var ana = plan.Week.Single(i => i.ContactId == 1);
        Assert.Equal(PlanAction.IntroRequest, ana.Action);
        Assert.Contains("Cy Park", ana.Draft, StringComparison.Ordinal);
        Assert.NotEqual(PlanAction.IntroRequest, plan.Week.Single(i => i.ContactId == 2).Action);
    }

    [Fact]
    public void GiveFirst_AndPromisedGives_AreSuggested()
    {
        var input = new PlanInput([Person(1, "Ana", T(3)), Person(2, "Ben", T(4))])
        {
            Ledger =
            [
                new(1, ExchangeDirection.Ask, ExchangeKind.Referral, ExchangeStatus.Done, Today.AddDays(-40)),
                new(1, ExchangeDirection.Ask, ExchangeKind.Advice, ExchangeStatus.Done, Today.AddDays(-20)),
                new(2, ExchangeDirection.Give, ExchangeKind.Introduction, ExchangeStatus.Offered, Today.AddDays(-6), "an intro to our CTO"),
            ],
        };
        var plan = PlanBuilder.Build(input, Now, S);
        var ana = plan.Week.Single(i => i.ContactId == 1);
        Assert.Equal(PlanAction.GiveFirst, ana.Action);
        Assert.Contains("0 gives and 2 asks", ana.Reason, StringComparison.Ordinal);
        var ben = plan.Week.Single(i => i.ContactId == 2);
        Assert.Equal(PlanAction.FollowUp, ben.Action);
        Assert.Contains("an intro to our CTO", ben.Draft, StringComparison.Ordinal);
    }

    [Fact]
    public void Triggers_Reconnect_InTown_Event_Goal_AndSeasonal_AllAppearWithTheirDrafts()
    {
        var s = S.With("budget.touchpoints", "50").With("budget.minutes", "1000").With("home.city", "Porto");
        var dormant = new PlanContact(1, new ContactFacts("Old Friend", "VP Product", Company: "Globex", Seniority: Seniority.VicePresident),
            ContactStats.FromHistory(1, Every(7, 100, Now.AddDays(-800), Channel.Call), S)) { SeniorityAtLastContact = Seniority.Manager, Mutuals = 3 };
        var lisbon = new PlanContact(2, new ContactFacts("Lia Reis", City: "Lisbon"), ContactStats.FromHistory(2, [T(20)], S));
        var visitor = Person(3, "Vic Hugo", T(15));
        var atEvent = Person(4, "Eve Lam", T(16));
        var target = new PlanContact(5, new ContactFacts("Mo Mentor", "Head of Product Management", Categories: ["mentor"]), null);
        var input = new PlanInput([dormant, lisbon, visitor, atEvent, target])
        {
            Trips = [new(10, null, "Lisbon", Today.AddDays(8), Today.AddDays(10)), new(11, 3, "porto", Today.AddDays(2), Today.AddDays(3))],
            Events = [new(20, "ProductCon", Now.AddDays(5), "Porto", true, [4])],
            Goals = [new GoalProfile(30, "Find a mentor", ["product management"], [], [], GoalRelation.Mentor, 2, new HashSet<long>())],
        };
        var plan = PlanBuilder.Build(input, Now, s);
        var byContact = plan.Week.ToDictionary(i => i.ContactId);
        Assert.Equal(PlanAction.Reconnect, byContact[1].Action);
        Assert.Contains("more senior", byContact[1].Reason, StringComparison.Ordinal);
        Assert.Equal(PlanAction.InTown, byContact[2].Action);
        Assert.Contains("I'll be in Lisbon", byContact[2].Draft, StringComparison.Ordinal);
        Assert.Equal(PlanAction.InTown, byContact[3].Action);
        Assert.Contains("you'll be in porto", byContact[3].Draft, StringComparison.Ordinal);
        Assert.Equal(PlanAction.Event, byContact[4].Action);
        Assert.Contains("ProductCon", byContact[4].Draft, StringComparison.Ordinal);
        Assert.Equal(PlanAction.Goal, byContact[5].Action);
        Assert.Contains("Find a mentor", byContact[5].Draft, StringComparison.Ordinal);

        var december = new DateTime(2026, 12, 2, 9, 0, 0, DateTimeKind.Utc);
        var seasonal = PlanBuilder.Build(new PlanInput([new PlanContact(7, new ContactFacts("Sam"), ContactStats.FromHistory(7, [new Touch(december.AddDays(-5), Channel.Email, Direction.Out)], S))]), december, S);
        Assert.Equal(PlanAction.Seasonal, Assert.Single(seasonal.Week).Action);
    }

    [Fact]
    public void StatsWithTouchesAfterNow_AreRefused()
    {
        var input = new PlanInput([Person(1, "Ana", T(-3))]);
        Assert.Throws<InvalidOperationException>(() => PlanBuilder.Build(input, Now, S));
    }

    private static readonly Gen<PlanInput> Inputs =
        from n in Gen.Choose(0, 40)
        from days in Gen.ArrayOf(Gen.Choose(0, 900), n)
        from birthdays in Gen.ArrayOf(Gen.Choose(0, 9), n)
        from lifeEvents in Gen.ArrayOf(Gen.Choose(0, 20), n)
        select new PlanInput(Enumerable.Range(0, n).Select(i => new PlanContact(i + 1, new ContactFacts($"C{i}", City: i % 3 == 0 ? "Porto" : "Lisbon"),
                ContactStats.FromHistory(i + 1, [T(days[i]), T(days[i] + 40, Channel.Call, Direction.In)], S))).ToList())
        {
            ImportantDates = [.. Enumerable.Range(0, n).Where(i => birthdays[i] < 7).Select(i => new PlanImportantDate(i + 1, ImportantDateKind.Birthday, Today.AddDays(birthdays[i]).Month, Today.AddDays(birthdays[i]).Day))],
            LifeEvents = [.. Enumerable.Range(0, n).Where(i => lifeEvents[i] < 14).Select(i => new PlanLifeEvent(i + 1, LifeEventKind.Promotion, Today.AddDays(-lifeEvents[i])))],
            Trips = [new(1, null, "Lisbon", Today.AddDays(1), Today.AddDays(4))],
            Reminders = [.. Enumerable.Range(0, n).Where(i => i % 5 == 0).Select(i => new PlanReminder(i, i + 1, Today.AddDays(i % 9 - 2), "the deck"))],
        };

    [Fact]
    public void Plan_NeverExceedsTheBudget_NorUsesQuietDays_NorDoublesAContactOnADay() =>
        Check.QuickThrowOnFailure(Prop.ForAll(
            (from input in Inputs from t in Gen.Choose(0, 15) from m in Gen.Choose(0, 120) from q in Gen.Choose(0, 6) select (input, t, m, q)).ToArbitrary(),
            c =>
            {
                var (input, touchpoints, minutes, quietShift) = c;
                var s = S.With("budget.touchpoints", $"{touchpoints}").With("budget.minutes", $"{minutes}")
                    .With("quiet-days", ((DayOfWeek)quietShift).ToString());
                var plan = PlanBuilder.Build(input, Now, s);
                return plan.Week.Count <= touchpoints
                    && plan.Week.Sum(i => i.EffortMinutes) <= minutes
                    && plan.Week.All(i => i.Day.DayOfWeek != (DayOfWeek)quietShift && i.Day >= Today && i.Day <= Today.AddDays(6))
                    && plan.Week.GroupBy(i => (i.ContactId, i.Day)).All(g => g.Count() == 1)
                    && plan.Week.Select(i => i.Id).Distinct().Count() == plan.Week.Count
                    && plan.Today.All(i => i.Day == Today)
                    && plan.Week.All(i => i.Priority is >= 0 and <= 1 && i.Draft.Length > 0 && i.Reason.Length > 0);
            }));
}
