using System.CommandLine;
using Rapport.App.Common;
using Rapport.Data.Storage;

namespace Rapport.Cli.Commands;

/// <summary>Commands for Rapport's own developers, hidden from the help.</summary>
internal static class DevCommands
{
    /// <summary>`rapport schema-script sqlite|postgres`: the CREATE script of the current model, the base of a new migration.</summary>
    public static Command Schema(CommandServices s)
    {
        var provider = new Argument<string>("provider") { Description = "sqlite or postgres." };
        var cmd = new Command("schema-script", "Print the schema EF Core derives from the model (for writing migrations).") { Hidden = true };
        cmd.Arguments.Add(provider);
        cmd.SetAction(async (p, ct) =>
        {
            var which = Input.ParseEnum<DbProvider>("provider", p.GetValue(provider)!);
            await s.Context(p).Out.WriteAsync(SchemaScript.Generate(which));
            return 0;
        });
        return cmd;
    }
}
