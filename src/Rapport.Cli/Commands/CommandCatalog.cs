using System.CommandLine;
using Rapport.Domain.Exchanges;

namespace Rapport.Cli.Commands;

/// <summary>Every top-level command, in the order `rapport --help` lists them.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All(CommandServices s) =>
    [
        ServeCommand.Build(s),
        DemoCommand.Build(s),
        ContactCommands.Build(s).With(MergeCommands.Duplicates(s), MergeCommands.Merge(s), MergeCommands.Unmerge(s)),
        InteractionCommands.Log(s),
        InteractionCommands.Exchange(s, ExchangeDirection.Give),
        InteractionCommands.Exchange(s, ExchangeDirection.Ask),
        InteractionCommands.Link(s),
        InteractionCommands.Knows(s),
        InteractionCommands.Intro(s),
        InteractionCommands.LifeEvent(s),
        NurtureCommands.Today(s),
        NurtureCommands.Week(s),
        NurtureCommands.Done(s),
        NurtureCommands.Snooze(s),
        NurtureCommands.Skip(s),
        PlanningCommands.Goal(s),
        PlanningCommands.Invitation(s),
        PlanningCommands.Trip(s),
        PlanningCommands.Reminder(s),
        EventCommands.Event(s),
        EventCommands.Org(s),
        NurtureCommands.Settings(s),
        InsightsCommands.Insights(s),
        InsightsCommands.Path(s),
        ImportCommands.Import(s),
        ExportCommands.Export(s),
        ExportCommands.Backup(s),
        ExportCommands.Restore(s),
        FeedCommands.Feed(s),
        DevCommands.Schema(s),
    ];
}
